import assert from "node:assert/strict";
import { rejectsFolder, sweepRejects, writeRejectsFile } from "../../../lib/store/retention.ts";

Deno.test("reject files are readable by the server's user only", async () => {
  const store = await Deno.makeTempDir();
  const path = await writeRejectsFile(store, "2026-12-01-tickets-a.csv", "file,row\na.csv,2\n");
  assert.equal(await Deno.readTextFile(path), "file,row\na.csv,2\n");
  assert.equal(Deno.statSync(path).mode! & 0o777, 0o600);
  assert.equal(Deno.statSync(rejectsFolder(store)).mode! & 0o077, 0);
  await assert.rejects(writeRejectsFile(store, "../manifest.json", "x"), /not a file name/);
  await Deno.remove(store, { recursive: true });
});

Deno.test("reject files older than the retention period are swept, newer ones kept", async () => {
  const store = await Deno.makeTempDir();
  const old = await writeRejectsFile(store, "old.csv", "x");
  await writeRejectsFile(store, "new.csv", "y");
  const now = Date.now();
  await Deno.utime(old, new Date(now - 91 * 86_400_000), new Date(now - 91 * 86_400_000));
  assert.deepEqual(await sweepRejects(store, 90, now), ["old.csv"]);
  assert.deepEqual([...Deno.readDirSync(rejectsFolder(store))].map((e) => e.name), ["new.csv"]);
  assert.deepEqual(await sweepRejects(store, 0, now + 1_000), ["new.csv"], "a shorter period, configured");
  assert.deepEqual(await sweepRejects(await Deno.makeTempDir()), [], "no rejects folder: nothing to do");
  await Deno.remove(store, { recursive: true });
});
