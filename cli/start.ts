/**
 * `deno task start`: builds the island bundles, then runs the server (main.ts) as a child
 * with only the permissions it needs (framework/permissions.ts), computed from the same
 * settings it reads: `LINLI_DATA`, `LINLI_CACHE_DIR`, `HOST`, `PORT`, `LINLI_BASEMAP_TILES`, `LINLI_TLS_*`.
 * `--print` prints the server's command instead, e.g. for a service manager.
 */
import { islandEntries, writeIslandBuild } from "../framework/build.ts";
import { serverPermissions } from "../framework/permissions.ts";
import { assetCacheDir, dataDir, PREBUILT_ISLANDS, ROOT } from "../lib/config.ts";

const env = (name: string) => Deno.env.get(name);
const flags = serverPermissions({
  root: ROOT,
  store: dataDir(),
  cacheDir: assetCacheDir(),
  host: env("HOST") ?? "127.0.0.1",
  port: Number(env("PORT") ?? 8000),
  basemap: env("LINLI_BASEMAP_TILES")?.trim() || undefined,
  tlsFiles: [env("LINLI_TLS_CERT"), env("LINLI_TLS_KEY")].filter((f): f is string => !!f),
});
const args = ["run", ...flags, `${ROOT}/main.ts`];

if (Deno.args.includes("--print")) {
  console.log(["deno", ...args].join(" "));
  Deno.exit(0);
}

await writeIslandBuild(ROOT, await islandEntries(ROOT), PREBUILT_ISLANDS);
const server = new Deno.Command(Deno.execPath(), { args, stdin: "inherit" }).spawn();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, () => {
    try {
      server.kill(signal);
    } catch {
      // It has exited already.
    }
  });
}
Deno.exit((await server.status).code);
