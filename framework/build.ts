/**
 * Island bundles: one entry per island plus the hydration runtime, split so that
 * Preact and shared libraries are one chunk, with content-hashed file names. Built by
 * `deno task build` into `_build/islands/` before the server starts, so the server needs
 * no permission to run esbuild; a server given run permission rebuilds stale bundles itself.
 */
import { type Asset, contentType } from "./static.ts";

export interface IslandEntry {
  /** The file's name without its extension: `DrillMap` for `islands/DrillMap.tsx`. */
  name: string;
  /** Relative to the project root. */
  file: string;
}

/** The islands: the components in `islands/` (Fresh's convention). */
export async function islandEntries(root: string): Promise<IslandEntry[]> {
  return (await listIslandFiles(`${root}/islands`)).map((f) => ({
    name: f.replace(/\.\w+$/, ""),
    file: `islands/${f}`,
  }));
}

/**
 * Islands are the files directly in `islands/`, as in Fresh: each becomes a bundle entry.
 * What they import lives elsewhere (`ui/`), so that it is bundled into them, not hydrated.
 */
export async function listIslandFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) if (e.isFile && /\.(tsx|jsx)$/.test(e.name)) out.push(e.name);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return out.sort();
}

/**
 * The bundles from `prebuiltDir` when they are there and fresh; else built now, which needs
 * permission to run esbuild (a server started by `deno task start` has none: it says so).
 */
export async function islandBundles(root: string, islands: IslandEntry[], prebuiltDir?: string): Promise<IslandBuild> {
  const prebuilt = prebuiltDir ? await readIslandBuild(root, islands, prebuiltDir) : null;
  if (prebuilt) return prebuilt;
  if (prebuiltDir && Deno.permissions.querySync({ name: "run" }).state !== "granted") {
    throw new Error(`the island bundles in ${prebuiltDir} are missing or stale: run \`deno task build\` first`);
  }
  return await buildIslands(root, islands);
}

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
  islands: IslandEntry[],
  urlPrefix = "/_islands/",
): Promise<IslandBuild & { inputs: string[] }> {
  // Imported here, so a server serving prebuilt bundles never loads esbuild.
  const esbuild = await import("esbuild");
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
  return { modules, clientUrl, entries, assets, inputs: Object.keys(result.metafile.inputs) };
}

/** What `_build/islands/manifest.json` records of a build. */
interface PrebuiltManifest {
  builtAt: number;
  islands: IslandEntry[];
  modules: Record<string, string>;
  clientUrl: string;
  entries: string[];
  /** Served path → file in the build folder. */
  files: Record<string, string>;
  /** The sources bundled, relative to the project root: newer ones make the build stale. */
  inputs: string[];
}

/** Builds the bundles into `dir` (`deno task build`). */
export async function writeIslandBuild(root: string, islands: IslandEntry[], dir: string) {
  const built = await buildIslands(root, islands);
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.mkdir(dir, { recursive: true });
  const files: Record<string, string> = {};
  for (const a of built.assets) {
    const name = a.path.split("/").pop()!;
    await Deno.writeFile(`${dir}/${name}`, a.body);
    files[a.path] = name;
  }
  const manifest: PrebuiltManifest = {
    builtAt: Date.now(),
    islands,
    modules: built.modules,
    clientUrl: built.clientUrl,
    entries: built.entries,
    files,
    inputs: built.inputs,
  };
  await Deno.writeTextFile(`${dir}/manifest.json`, JSON.stringify(manifest));
  return built;
}

/**
 * The bundles built into `dir`, or null when there are none, they were built for other
 * islands, or a source changed since (the caller then builds, or says to run the build).
 */
export async function readIslandBuild(
  root: string,
  islands: IslandEntry[],
  dir: string,
): Promise<IslandBuild | null> {
  let manifest: PrebuiltManifest;
  try {
    manifest = JSON.parse(await Deno.readTextFile(`${dir}/manifest.json`));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  if (JSON.stringify(manifest.islands) !== JSON.stringify(islands)) return null;
  const stale = await Promise.all(manifest.inputs.map(async (input) => {
    const mtime = await Deno.stat(`${root}/${input}`).then((s) => s.mtime?.getTime() ?? 0, () => Infinity);
    return mtime > manifest.builtAt;
  }));
  if (stale.some(Boolean)) return null;
  const assets = await Promise.all(
    Object.entries(manifest.files).map(async ([path, name]) => ({
      path,
      body: await Deno.readFile(`${dir}/${name}`),
      type: contentType(path),
      immutable: true,
    })),
  );
  return { modules: manifest.modules, clientUrl: manifest.clientUrl, entries: manifest.entries, assets };
}
