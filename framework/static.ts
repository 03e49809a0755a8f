/**
 * Static assets served from our own origin: island bundles, the DuckDB engine,
 * MapLibre's worker and CSS, fonts. Content-hashed ones are cached forever; all
 * compressible ones are brotli-compressed once and the result kept on disk, so a
 * restart does not pay for compressing a 34 MB engine again.
 */
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { IMMUTABLE } from "./cache_control.ts";

export interface Asset {
  path: string;
  body: Uint8Array;
  type: string;
  /** Content-hashed URL: safe to cache forever. */
  immutable: boolean;
  brotli?: Uint8Array;
}

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
  map: "application/json; charset=utf-8",
  wasm: "application/wasm",
  arrow: "application/vnd.apache.arrow.stream",
  svg: "image/svg+xml",
  png: "image/png",
  pbf: "application/x-protobuf",
  woff2: "font/woff2",
  ttf: "font/ttf",
  otf: "font/otf",
  html: "text/html; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

export function contentType(path: string): string {
  return TYPES[path.split(".").pop()!.toLowerCase()] ?? "application/octet-stream";
}

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|vnd\.apache\.arrow|x-protobuf)|image\/svg|font\/ttf|font\/otf)/;

export function isCompressible(type: string, size: number): boolean {
  return size > 1024 && COMPRESSIBLE.test(type);
}

export async function contentHash(body: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", body as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `/_assets/duckdb-eh.wasm` → `/_assets/duckdb-eh-1a2b3c4d5e.wasm`. */
export async function hashedAsset(path: string, body: Uint8Array): Promise<Asset> {
  const hash = (await contentHash(body)).slice(0, 10);
  const dot = path.lastIndexOf(".");
  return { path: `${path.slice(0, dot)}-${hash}${path.slice(dot)}`, body, type: contentType(path), immutable: true };
}

const compress = promisify(brotliCompress);

/** Off the main thread, so the server keeps answering while a 34 MB engine is compressed. */
async function brotli(body: Uint8Array): Promise<Uint8Array> {
  // Quality 6 compresses the engine within a few seconds at ~5.5× with little loss against 11.
  return new Uint8Array(await compress(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }));
}

/** Compress each asset once, reusing results cached under `cacheDir` by content hash. */
export async function compressAssets(assets: Iterable<Asset>, cacheDir: string): Promise<void> {
  await Deno.mkdir(cacheDir, { recursive: true });
  for (const asset of assets) {
    if (asset.brotli || !isCompressible(asset.type, asset.body.length)) continue;
    const file = `${cacheDir}/${await contentHash(asset.body)}.br`;
    try {
      asset.brotli = await Deno.readFile(file);
    } catch {
      asset.brotli = await brotli(asset.body);
      const tmp = `${file}.${crypto.randomUUID()}.tmp`;
      await Deno.writeFile(tmp, asset.brotli);
      await Deno.rename(tmp, file);
    }
  }
}

export function acceptsBrotli(req: Request): boolean {
  return /\bbr\b/.test(req.headers.get("accept-encoding") ?? "");
}

/** A response with ETag revalidation; `headers` says the body's encoding, if any. */
export function bytesResponse(req: Request, bytes: Uint8Array, headers: Record<string, string>): Response {
  const h = new Headers(headers);
  h.set("vary", "accept-encoding");
  const etag = h.get("etag");
  if (etag && req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: h });
  h.set("content-length", String(bytes.length));
  return new Response(req.method === "HEAD" ? null : bytes as Uint8Array<ArrayBuffer>, { headers: h });
}

export function assetResponse(req: Request, asset: Asset): Response {
  const useBrotli = asset.brotli !== undefined && acceptsBrotli(req);
  return bytesResponse(req, useBrotli ? asset.brotli! : asset.body, {
    "content-type": asset.type,
    "cache-control": asset.immutable ? IMMUTABLE : "no-cache",
    ...(useBrotli ? { "content-encoding": "br" } : {}),
  });
}
