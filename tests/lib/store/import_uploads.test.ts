import assert from "node:assert/strict";
import {
  readUpload,
  removeUpload,
  saveUpload,
  sweepUploads,
  UPLOAD_TTL_MS,
  uploadOf,
  uploadsFolder,
} from "../../../lib/store/import_uploads.ts";

/** A body arriving in chunks, with no declared length: what a browser's streamed upload looks like. */
function chunked(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === chunks) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(65 + (sent % 26)));
    },
  });
}

const files = (store: string) => [...Deno.readDirSync(uploadsFolder(store))].map((e) => e.name).sort();

Deno.test("an upload is streamed to a file readable by the server's user only, and read back from it", async () => {
  const store = await Deno.makeTempDir();
  const upload = await saveUpload(store, chunked(10, 1000), { name: "a.csv", by: "admin", limit: 10_000 });
  assert.ok(upload);
  assert.equal(upload.path, `${uploadsFolder(store)}/${upload.id}`);
  assert.equal(Deno.statSync(upload.path).mode! & 0o777, 0o600);
  assert.equal(Deno.statSync(`${upload.path}.json`).mode! & 0o777, 0o600);
  assert.equal(Deno.statSync(uploadsFolder(store)).mode! & 0o077, 0);
  assert.equal((await readUpload(upload.path)).length, 10_000);
  assert.deepEqual(files(store), [upload.id, `${upload.id}.json`], "no temporary file left");
  // Found from the store's folder alone: nothing of it is held in the server's memory.
  assert.deepEqual(await uploadOf(store, upload.id, "admin"), upload);
  assert.equal(await uploadOf(store, upload.id, "other-admin"), undefined, "only its uploader imports it");
  assert.equal(await uploadOf(store, "../../manifest", "admin"), undefined);
  assert.equal(await uploadOf(store, 42, "admin"), undefined);
  await removeUpload(store, upload.id);
  assert.deepEqual(files(store), []);
  await Deno.remove(store, { recursive: true });
});

Deno.test("an upload past the limit is stopped while it streams, and nothing of it is kept", async () => {
  const store = await Deno.makeTempDir();
  let pulled = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(1000));
    },
  });
  assert.equal(await saveUpload(store, endless, { name: "big.csv", by: "admin", limit: 5_500 }), null);
  assert.ok(pulled < 10, `read ${pulled} chunks of a body that never ends`);
  assert.deepEqual(files(store), []);
  const exact = await saveUpload(store, chunked(5, 1100), { name: "exact.csv", by: "admin", limit: 5_500 });
  assert.equal(exact?.name, "exact.csv", "the limit itself is allowed");
  await Deno.remove(store, { recursive: true });
});

Deno.test("uploads are removed after an hour, and only the newest few wait", async () => {
  const store = await Deno.makeTempDir();
  const at = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push((await saveUpload(store, chunked(1, 10), { name: `${i}.csv`, by: "admin", limit: 100 }))!.id);
  }
  assert.deepEqual(files(store).filter((f) => !f.endsWith(".json")), ids.slice(2).sort(), "the newest four");
  const busy = ids[5];
  await sweepUploads(store, { now: at + UPLOAD_TTL_MS + 60_000, busy });
  assert.deepEqual(files(store), [busy, `${busy}.json`], "past the hour, all but the one being imported");
  await Deno.remove(store, { recursive: true });
});

Deno.test("an upload gone before its worker reads it is the page's message, not the server's path", async () => {
  const store = await Deno.makeTempDir();
  const error = await readUpload(`${store}/imports/uploads/gone`).catch((e) => e as Error);
  assert.ok(error instanceof Error);
  assert.equal(error.message, "the upload has expired: choose the file again");
  assert.ok(!error.message.includes(store));
  await Deno.remove(store, { recursive: true });
});
