/**
 * Starts Linli: builds the demo store when no other store is configured, builds the
 * island bundles, and serves everything from this one origin, over HTTPS when given a
 * certificate, answering only for its own host names, with one access-log line per request.
 */
import { VENDOR_FILES } from "./components/vendor.ts";
import { accessLog } from "./framework/access_log.ts";
import { allowedHosts, hostCheck } from "./framework/allowed_hosts.ts";
import { withMiddleware } from "./framework/middleware.ts";
import { createApp } from "./framework/server.ts";
import { strictTransport, tlsFromEnv } from "./framework/transport.ts";
import { principalOf } from "./lib/access/principal.ts";
import { assetCacheDir, dataDir, PREBUILT_ISLANDS, ROOT, usesDemoData } from "./lib/config.ts";
import { ensureDemoStore } from "./lib/store/demo_store.ts";
import { runningJob } from "./lib/store/import_jobs.ts";
import { sweepUploads, UPLOAD_TTL_MS } from "./lib/store/import_uploads.ts";
import { prebuildVersion } from "./lib/store/prebuild.ts";
import { sweepRejects } from "./lib/store/retention.ts";
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
  cacheDir: assetCacheDir(),
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  prebuiltIslands: PREBUILT_ISLANDS,
});

const env = (name: string) => Deno.env.get(name);
const port = Number(env("PORT") ?? 8000);
const hostname = env("HOST") ?? "127.0.0.1";
const tls = await tlsFromEnv(env);
const handler = withMiddleware(
  app.fetch,
  accessLog({ userOf: (state) => principalOf(state)?.name }),
  hostCheck(allowedHosts(env("LINLI_ALLOWED_HOSTS"), hostname)),
  ...(tls ? [strictTransport()] : []),
);
Deno.serve({
  port,
  hostname,
  ...tls,
  onListen: ({ hostname, port }) => console.log(`Linli listening on ${tls ? "https" : "http"}://${hostname}:${port}/`),
}, handler);
app.compress().catch((e) => console.error("compressing assets failed:", e));
// Cut now, so the first map's tiles are ready when it asks.
districtTiles(dataDir()).catch((e) => console.error("cutting the map tiles failed:", e));
// Built now likewise, so the first pages' data is ready when they ask.
prebuildVersion(dataDir()).catch((e) => console.error("building the scopes' data failed:", e));
// Reject files and uploads hold residents' data: removed once past their retention periods, checked hourly.
const sweep = () =>
  Promise.all([sweepRejects(dataDir()), sweepUploads(dataDir(), { busy: runningJob()?.upload })])
    .catch((e) => console.error("sweeping old reject files and uploads failed:", e));
sweep();
setInterval(sweep, UPLOAD_TTL_MS);
