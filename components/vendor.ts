/**
 * Third-party browser files served from our own origin under content-hashed URLs,
 * and the URL sets islands receive as props (islands get URLs, never file contents).
 */
import { asset } from "../framework/mod.ts";
import type { EngineUrls } from "../lib/db/duckdb_browser.ts";
import { ROOT } from "../lib/config.ts";

const duckdb = `${ROOT}/node_modules/@duckdb/duckdb-wasm/dist`;
const maplibre = `${ROOT}/node_modules/maplibre-gl/dist`;
const parquet = `${ROOT}/node_modules/parquet-wasm/esm`;

export const VENDOR_FILES: Record<string, string> = {
  "/_vendor/duckdb-mvp.wasm": `${duckdb}/duckdb-mvp.wasm`,
  "/_vendor/duckdb-eh.wasm": `${duckdb}/duckdb-eh.wasm`,
  "/_vendor/duckdb-browser-mvp.worker.js": `${duckdb}/duckdb-browser-mvp.worker.js`,
  "/_vendor/duckdb-browser-eh.worker.js": `${duckdb}/duckdb-browser-eh.worker.js`,
  "/_vendor/maplibre-gl.css": `${maplibre}/maplibre-gl.css`,
  "/_vendor/maplibre-gl-csp-worker.js": `${maplibre}/maplibre-gl-csp-worker.js`,
  "/_vendor/parquet_wasm_bg.wasm": `${parquet}/parquet_wasm_bg.wasm`,
};

export function engineUrls(): EngineUrls {
  return {
    mvp: { wasm: asset("/_vendor/duckdb-mvp.wasm"), worker: asset("/_vendor/duckdb-browser-mvp.worker.js") },
    eh: { wasm: asset("/_vendor/duckdb-eh.wasm"), worker: asset("/_vendor/duckdb-browser-eh.worker.js") },
  };
}

export function mapWorkerUrl(): string {
  return asset("/_vendor/maplibre-gl-csp-worker.js");
}

export function parquetWasmUrl(): string {
  return asset("/_vendor/parquet_wasm_bg.wasm");
}
