import assert from "node:assert/strict";
import { streamToTable } from "../../../lib/store/arrow.ts";
import { readManifest, readTableStream, writeStore } from "../../../lib/store/store.ts";

const callbacks = (n: number) => ({
  ticket_id: Array.from({ length: n }, (_, i) => `T${i}`),
  called_at: Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * 60_000),
  result: Array.from({ length: n }, (_, i) => ["satisfied", "basic", "unsatisfied"][i % 3]),
  channel: Array.from({ length: n }, () => "phone"),
});

Deno.test("a write makes a new version; tables not given are carried over as the same files", async () => {
  const dir = await Deno.makeTempDir();
  const first = await writeStore(dir, { callbacks: callbacks(3) }, "test 1");
  assert.equal(first.tables.callbacks.rows, 3);
  assert.equal(first.tables.tickets.rows, 0);
  assert.equal(first.data_as_of, null);
  const firstInode = Deno.statSync(`${dir}/${first.tables.callbacks.file}.br`).ino;
  const second = await writeStore(dir, { tickets: { ticket_id: ["A"], created_at: [0], status: ["open"] } }, "test 2");
  assert.equal(Deno.statSync(`${dir}/${second.tables.callbacks.file}.br`).ino, firstInode);
  assert.notEqual(second.version, first.version);
  assert.equal(second.data_as_of, 0);
  assert.equal(second.tables.callbacks.rows, 3);
  const table = streamToTable(await readTableStream(dir, second, "callbacks"));
  assert.deepEqual(table.getChild("ticket_id")!.toArray(), ["T0", "T1", "T2"]);

  // The superseded version's folder is gone; only the current one remains.
  const folders = [...Deno.readDirSync(dir)].filter((e) => e.isDirectory).map((e) => e.name);
  assert.deepEqual(folders, [second.version]);
});

Deno.test("a write killed midway leaves the previous store intact and readable", async () => {
  const dir = await Deno.makeTempDir();
  const before = await writeStore(dir, { callbacks: callbacks(5) }, "before");
  const script = `
    import { writeStore } from "${new URL("../../../lib/store/store.ts", import.meta.url)}";
    const n = 1_500_000;
    const cols = {
      ticket_id: Array.from({ length: n }, (_, i) => "T" + i),
      called_at: Array.from({ length: n }, (_, i) => i),
      result: Array.from({ length: n }, () => "satisfied"),
      channel: Array.from({ length: n }, () => "phone"),
    };
    console.log("writing");
    await writeStore(${JSON.stringify(dir)}, { callbacks: cols }, "after");
  `;
  const child = new Deno.Command(Deno.execPath(), { args: ["eval", script], stdout: "piped", stderr: "null" }).spawn();
  // Kill as soon as the new version's folder exists: the write is then certainly midway.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const versions = [...Deno.readDirSync(dir)].filter((e) => e.isDirectory && e.name !== before.version);
    if (versions.length) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill("SIGKILL");
  await child.status;
  await child.stdout.cancel();
  const after = await readManifest(dir);
  assert.equal(after?.version, before.version);
  const table = streamToTable(await readTableStream(dir, after!, "callbacks"));
  assert.equal(table.numRows, 5);
  // The next write still succeeds and clears the half-written folder.
  const next = await writeStore(dir, { callbacks: callbacks(2) }, "next");
  assert.deepEqual([...Deno.readDirSync(dir)].filter((e) => e.isDirectory).map((e) => e.name), [next.version]);
});
