/**
 * Starts Linli: builds the demo store when no other store is configured, builds the
 * island bundles, and serves everything from this one origin.
 */
import { VENDOR_FILES } from "./components/vendor.ts";
import { createApp } from "./framework/server.ts";
import { dataDir, ROOT, usesDemoData } from "./lib/config.ts";
import { ensureDemoStore } from "./lib/store/demo_store.ts";
import { createDemoAccounts } from "./lib/access/demo_accounts.ts";
import { districtTiles } from "./lib/map/district_tiles.ts";

/**
 * Only our own origin. WASM compilation needs 'wasm-unsafe-eval'; MapLibre and
 * DuckDB start workers from blob: URLs; styles set by MapLibre and Preact are inline.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join("; ");

if (usesDemoData()) {
  await ensureDemoStore(dataDir());
  // Printed in one line each, so a person can copy them and the browser tests can read them.
  const demo = await createDemoAccounts(dataDir());
  for (const a of demo.accounts) console.log(`Linli demo account: ${a.name} ${a.password} (${a.role}, ${a.display})`);
  console.log(`Linli demo wall: ${demo.wallPath}`);
}

const app = await createApp({
  root: ROOT,
  vendor: VENDOR_FILES,
  cacheDir: `${ROOT}/_build/cache`,
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
});

const port = Number(Deno.env.get("PORT") ?? 8000);
const hostname = Deno.env.get("HOST") ?? "127.0.0.1";
Deno.serve({
  port,
  hostname,
  onListen: ({ hostname, port }) => console.log(`Linli listening on http://${hostname}:${port}/`),
}, app.fetch);
app.compress().catch((e) => console.error("compressing assets failed:", e));
// Cut now, so the first map's tiles are ready when it asks.
districtTiles(dataDir()).catch((e) => console.error("cutting the map tiles failed:", e));
