/**
 * What the bench-only pages share: their script bundled with esbuild as the islands are,
 * and a small server of their own for the page, the DuckDB engine and their data, so the
 * product's pages expose no handle to their DuckDB and the bench adds none to product code.
 */
import * as esbuild from "esbuild";
import { contentType } from "../framework/static.ts";
import { ROOT } from "../lib/config.ts";

/** The DuckDB-WASM build the product's pages run on. */
export const DUCKDB = `${ROOT}/node_modules/@duckdb/duckdb-wasm`;
const ENGINE_FILES = [
  "duckdb-mvp.wasm",
  "duckdb-eh.wasm",
  "duckdb-browser-mvp.worker.js",
  "duckdb-browser-eh.worker.js",
];

/** The page's script, bundled for the browser; `alias` maps package names to other files. */
export async function bundleScript(contents: string, alias?: Record<string, string>): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110"],
    alias,
    write: false,
    logLevel: "silent",
  });
  await esbuild.stop();
  return result.outputFiles[0].text;
}

export interface PageServer extends AsyncDisposable {
  url: string;
}

/**
 * Serves `/` (a page running the script), the engine's files under `/engine/`, and `data`:
 * by path, a file on disk or a response made on each request.
 */
export function servePage(script: string, data: Record<string, string | (() => Response)>): PageServer {
  const files: Record<string, string | (() => Response)> = {
    ...Object.fromEntries(ENGINE_FILES.map((f) => [`/engine/${f}`, `${DUCKDB}/dist/${f}`])),
    ...data,
  };
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const path = new URL(req.url).pathname;
    if (path === "/") {
      return new Response(`<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>`, {
        headers: { "content-type": "text/html" },
      });
    }
    if (path === "/page.js") return new Response(script, { headers: { "content-type": "text/javascript" } });
    const file = files[path];
    if (!file) return new Response("not found", { status: 404 });
    if (typeof file === "function") return file();
    return new Response((await Deno.open(file)).readable, { headers: { "content-type": contentType(file) } });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/`,
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}
