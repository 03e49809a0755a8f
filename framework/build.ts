/**
 * Island bundles: one entry per island plus the hydration runtime, split so that
 * Preact and shared libraries are one chunk, with content-hashed file names.
 */
import * as esbuild from "esbuild";
import { type Asset, contentType } from "./static.ts";

export interface IslandBuild {
  /** Island name → URL of its entry module. */
  modules: Record<string, string>;
  clientUrl: string;
  /** URL of every entry module esbuild wrote: the islands and the runtime, no chunk. */
  entries: string[];
  assets: Asset[];
}

export async function buildIslands(
  root: string,
  islands: { name: string; file: string }[],
  urlPrefix = "/_islands/",
): Promise<IslandBuild> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      { in: new URL("./client.ts", import.meta.url).pathname, out: "client" },
      ...islands.map((i) => ({ in: i.file, out: i.name })),
    ],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110", "firefox115", "safari16"],
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: true,
    sourcemap: "linked",
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    outdir: "/_islands",
    write: false,
    metafile: true,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  await esbuild.stop();
  const modules: Record<string, string> = {};
  let clientUrl = "";
  const entries: string[] = [];
  const entryNames = new Map(islands.map((i) => [i.file, i.name]));
  for (const [out, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint || !out.endsWith(".js")) continue;
    const url = urlPrefix + out.split("/").pop();
    const name = [...entryNames].find(([file]) => file.endsWith(meta.entryPoint!))?.[1];
    if (name) modules[name] = url;
    else if (meta.entryPoint.endsWith("client.ts")) clientUrl = url;
    // Outputs of dynamic imports carry an entryPoint too, but are chunks loaded on demand.
    else continue;
    entries.push(url);
  }
  const assets = result.outputFiles.map((f) => {
    const path = urlPrefix + f.path.split("/").pop();
    return { path, body: f.contents, type: contentType(path), immutable: true };
  });
  return { modules, clientUrl, entries, assets };
}
