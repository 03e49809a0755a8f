import assert from "node:assert/strict";
import type { Connector } from "../../../lib/db/connector.ts";
import { startLoadingStore } from "../../../lib/db/load_store.ts";

/** A store of three tables served from memory; `tickets` arrives only when `release` is called. */
function server(fail?: string) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => release = resolve);
  const manifest = {
    version: "v1",
    tables: { tickets: { rows: 9, bytes: 900 }, places: { rows: 3, bytes: 30 }, callbacks: { rows: 5, bytes: 50 } },
  };
  const fetcher = async (url: string) => {
    const name = url.slice("/api/data/".length);
    if (name === "manifest.json") return Response.json(manifest);
    if (name === `${fail}.arrow`) return new Response("gone", { status: 404, statusText: "Not Found" });
    if (name === "tickets.arrow") await held;
    return new Response(new Uint8Array([1, 2, 3]));
  };
  return { fetcher, release };
}

/** Records the order tables go in; answers the views' questions as if calendar were there. */
function recorder() {
  const inserted: string[] = [];
  const db = {
    insertArrowStream: (name: string) => {
      inserted.push(name);
      return Promise.resolve();
    },
    query: () => Promise.resolve([{ n: 1 }]),
  } as unknown as Connector;
  return { db, inserted };
}

Deno.test("the tables a page names go in first, the rest smallest first, and a page can start on them", async () => {
  const { fetcher, release } = server();
  const { db, inserted } = recorder();
  const loading = startLoadingStore(db, "/api/data/", fetcher, ["places"]);
  await loading.tables(["places"]);
  assert.equal(inserted[0], "places");
  assert.ok(!inserted.includes("tickets"), "tickets are still on their way");
  release();
  assert.equal((await loading.complete).version, "v1");
  assert.deepEqual(inserted, ["places", "callbacks", "tickets"]);
});

Deno.test("a table that cannot be fetched fails the load with its URL and status", async () => {
  const { fetcher, release } = server("callbacks");
  release();
  const { db, inserted } = recorder();
  const loading = startLoadingStore(db, "/api/data/", fetcher);
  await assert.rejects(loading.complete, /\/api\/data\/callbacks\.arrow: 404 Not Found/);
  await assert.rejects(loading.tables(["tickets"]), /callbacks\.arrow: 404/);
  assert.deepEqual(inserted, ["places"]);
});
