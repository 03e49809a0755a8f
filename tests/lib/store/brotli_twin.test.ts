/** A large store table is written without its brotli twin, which its first download makes. */
import assert from "node:assert/strict";
import { brotliDecompressSync } from "node:zlib";
import { ensureBrotliTwin } from "../../../lib/store/brotli_twin.ts";
import { readManifest, writeStore } from "../../../lib/store/store.ts";

const callbacks = { ticket_id: ["T1", "T2"], called_at: [0, 60_000], result: ["satisfied", "basic"] };

Deno.test("a twin is made once for however many ask, equal to the file once decompressed", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/table.arrow`;
  const bytes = new TextEncoder().encode("工单 ".repeat(50_000));
  await Deno.writeFile(path, bytes);
  assert.deepEqual(await Promise.all([ensureBrotliTwin(path), ensureBrotliTwin(path)]), [true, true]);
  assert.deepEqual(new Uint8Array(brotliDecompressSync(await Deno.readFile(`${path}.br`))), bytes);
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["table.arrow", "table.arrow.br"]);
  assert.equal(await ensureBrotliTwin(`${dir}/gone.arrow`), false, "a file removed meanwhile has none");
});

Deno.test("a table without its twin is carried to the next version as it is", async () => {
  const dir = await Deno.makeTempDir();
  const first = await writeStore(dir, { callbacks }, "test 1");
  // As a table past TWIN_ON_DOWNLOAD_BYTES is written.
  await Deno.remove(`${dir}/${first.tables.callbacks.file}.br`);
  const second = await writeStore(dir, { tickets: { ticket_id: ["A"], created_at: [0], status: ["open"] } }, "test 2");
  const carried = `${dir}/${second.tables.callbacks.file}`;
  assert.equal((await Deno.stat(carried)).size, first.tables.callbacks.bytes);
  await assert.rejects(Deno.stat(`${carried}.br`), Deno.errors.NotFound);
  assert.equal((await readManifest(dir))!.version, second.version);
});
