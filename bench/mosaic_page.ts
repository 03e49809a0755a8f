/**
 * The anchor of the map bench: a Mosaic (vgplot) dashboard of a store's tickets on the same
 * DuckDB-WASM build as Linli's pages (the root `@duckdb/duckdb-wasm`, which Mosaic's own
 * pin is aliased to), in the same browser. A time histogram with an interval brush, and
 * bars by category, kind and compound filtered by it. Everything, engine included, comes
 * from this bench's own small server.
 *
 * The dashboard gets the four columns it reads as one Arrow IPC stream, as a Mosaic author
 * would give it: it does not pay for the columns it does not read.
 */
import { tableFromIPC, tableToIPC } from "apache-arrow";
import { readManifest, tableFile } from "../lib/store/store.ts";
import { bundleScript, DUCKDB, type PageServer, servePage } from "./bench_page.ts";

export const MOSAIC_COLUMNS = ["created_at", "category", "kind", "compound_id"];
/** The charts other than the brushed one, each updated by a brush move. */
export const FILTERED_CHARTS = ["category", "kind", "compound"];

/**
 * The page: engine, table, dashboard; `data-ready` once every chart has drawn its marks.
 * `globalThis.mosaicBench.brush(moves)` then drags the histogram's brush in `moves + 1`
 * steps, each to a new extent (Mosaic caches answers), and gives each step's milliseconds
 * from the mouse event to every other chart re-rendered and the next frame. The first
 * step also builds Mosaic's pre-aggregated indexes, as a user's first brush does.
 */
const PAGE_SCRIPT = `
import * as duckdb from "@duckdb/duckdb-wasm";
import * as vg from "@uwdata/vgplot";

const CHARTS = ${JSON.stringify(FILTERED_CHARTS)};
const engine = (build) => ({ mainModule: "/engine/duckdb-" + build + ".wasm", mainWorker: "/engine/duckdb-browser-" + build + ".worker.js" });
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const drawn = (el) => el.querySelectorAll('g[aria-label="rect"] rect, g[aria-label="bar"] rect').length > 0;

try {
  const bundle = await duckdb.selectBundle({ mvp: engine("mvp"), eh: engine("eh") });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker));
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  await conn.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false");
  const bytes = new Uint8Array(await (await fetch("/data/tickets.arrow")).arrayBuffer());
  await conn.insertArrowFromIPCStream(bytes, { name: "tickets" });

  vg.coordinator().databaseConnector(vg.wasmConnector({ duckdb: db, connection: conn }));
  const brush = vg.Selection.crossfilter();
  const bars = (field, height) => vg.plot(
    vg.barX(vg.from("tickets", { filterBy: brush }), { x: vg.count(), y: field, fill: "steelblue", sort: { y: "-x" } }),
    vg.width(420), vg.height(height), vg.marginLeft(110),
  );
  const charts = {
    time: vg.plot(
      vg.rectY(vg.from("tickets"), { x: vg.bin("created_at"), y: vg.count(), fill: "steelblue", inset: 0.5 }),
      vg.intervalX({ as: brush }),
      vg.xDomain(vg.Fixed),
      vg.width(1200), vg.height(200),
    ),
    category: bars("category", 360),
    kind: bars("kind", 200),
    compound: bars("compound_id", 900),
  };
  for (const [name, el] of Object.entries(charts)) {
    el.dataset.chart = name;
    document.body.append(el);
  }
  while (!Object.values(charts).every(drawn)) await frame();

  globalThis.mosaicBench = {
    async brush(moves) {
      const svg = charts.time.querySelector("svg");
      svg.dispatchEvent(new PointerEvent("pointerenter", { buttons: 0 }));
      const overlay = charts.time.querySelector("rect.overlay");
      const box = overlay.getBoundingClientRect();
      const y = box.top + box.height / 2;
      const at = (share) => ({ bubbles: true, cancelable: true, view: window, clientX: box.left + share * box.width, clientY: y });
      overlay.dispatchEvent(new MouseEvent("mousedown", { ...at(0.2), button: 0 }));
      const times = [];
      for (let i = 0; i <= moves; i++) {
        const updated = new Set();
        const observers = CHARTS.map((name) => {
          const observer = new MutationObserver(() => updated.add(name));
          observer.observe(charts[name], { childList: true, subtree: true, attributes: true });
          return observer;
        });
        const t0 = performance.now();
        overlay.dispatchEvent(new MouseEvent("mousemove", at(0.45 + 0.5 * i / moves)));
        while (updated.size < CHARTS.length) await frame();
        times.push(performance.now() - t0);
        for (const observer of observers) observer.disconnect();
      }
      window.dispatchEvent(new MouseEvent("mouseup", at(0.95)));
      return times;
    },
  };
  document.documentElement.dataset.ready = "true";
} catch (e) {
  document.documentElement.dataset.error = String(e && e.stack || e);
}
`;

/** The tickets' columns the dashboard reads, as one Arrow IPC stream. */
async function ticketColumns(dir: string): Promise<Uint8Array<ArrayBuffer>> {
  const manifest = await readManifest(dir);
  if (!manifest) throw new Error(`no store in ${dir}`);
  const tickets = tableFromIPC(await Deno.readFile(tableFile(dir, manifest, "tickets")));
  return new Uint8Array(tableToIPC(tickets.select(MOSAIC_COLUMNS), "stream"));
}

/** Serves the Mosaic dashboard of the tickets in the store at `dir`. */
export async function serveMosaic(dir: string): Promise<PageServer> {
  // Mosaic pins another DuckDB-WASM build; the anchor runs on the one Linli's pages run on.
  const alias = { "@duckdb/duckdb-wasm": `${DUCKDB}/dist/duckdb-browser.mjs` };
  const [script, tickets] = await Promise.all([bundleScript(PAGE_SCRIPT, alias), ticketColumns(dir)]);
  return servePage(script, { "/data/tickets.arrow": () => new Response(tickets) });
}
