/**
 * The permissions the server runs with (`deno task start`, the systemd unit): read of the
 * app (with node_modules and the prebuilt bundles) and the store, write of the store and
 * the asset cache, network on its own address and the basemap's host, environment and system
 * information (host names for the Host check), and FFI for the native DuckDB the scope builds
 * run on (lib/db/duckdb_native.ts), limited to the app's npm packages. No run: the bundles
 * are built before.
 */
export interface ServerSetting {
  root: string;
  /** The store's folder. */
  store: string;
  /** Where compressed assets are cached (main.ts's `cacheDir`). */
  cacheDir: string;
  host: string;
  port: number;
  /** The basemap's tile URL template, when one is configured. */
  basemap?: string;
  /** PEM files read at start. */
  tlsFiles?: string[];
}

export function serverPermissions(s: ServerSetting): string[] {
  const listen = s.port === 0 ? s.host : `${s.host.includes(":") ? `[${s.host}]` : s.host}:${s.port}`;
  const net = [listen, ...(s.basemap ? [new URL(s.basemap).host] : [])];
  return [
    `--allow-read=${[s.root, s.store, s.cacheDir, ...(s.tlsFiles ?? [])].join(",")}`,
    `--allow-write=${[s.store, s.cacheDir].join(",")}`,
    `--allow-net=${net.join(",")}`,
    `--allow-ffi=${s.root}/node_modules`,
    "--allow-env",
    "--allow-sys",
  ];
}
