/**
 * A file answered from disk as a stream, never read whole into memory: twenty clients
 * downloading a 100 MB table hold twenty small buffers, not twenty copies. Revalidated by
 * an ETag the caller gives (a store version names its files' content); a brotli twin
 * (`<file>.br`) is sent when the client accepts it.
 */
import { acceptsBrotli } from "./static.ts";

export interface FileResponseOptions {
  type: string;
  /** Quoted, e.g. `"v1-full-tickets"`; it must change whenever the file's content does. */
  etag: string;
  cacheControl: string;
  /** Send `<path>.br` with `content-encoding: br` to clients that accept brotli. */
  brotliTwin?: boolean;
}

/** The file's response, or null when there is no such file. */
export async function fileResponse(req: Request, path: string, options: FileResponseOptions): Promise<Response | null> {
  const brotli = options.brotliTwin === true && acceptsBrotli(req);
  const headers = new Headers({
    "content-type": options.type,
    "cache-control": options.cacheControl,
    etag: options.etag,
  });
  if (options.brotliTwin) headers.set("vary", "accept-encoding");
  if (brotli) headers.set("content-encoding", "br");
  if (ifNoneMatch(req, options.etag)) {
    // Only an existing file revalidates.
    return await exists(path) ? new Response(null, { status: 304, headers }) : null;
  }
  let file: Deno.FsFile;
  try {
    file = await Deno.open(brotli ? `${path}.br` : path, { read: true });
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const { size, isFile } = await file.stat();
  if (!isFile || req.method === "HEAD") {
    file.close();
    if (!isFile) return null;
    headers.set("content-length", String(size));
    return new Response(null, { headers });
  }
  headers.set("content-length", String(size));
  return new Response(file.readable, { headers });
}

function ifNoneMatch(req: Request, etag: string): boolean {
  const header = req.headers.get("if-none-match");
  return header !== null && header.split(",").some((t) => t.trim() === etag || t.trim() === "*");
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}
