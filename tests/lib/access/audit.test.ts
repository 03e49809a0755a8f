import assert from "node:assert/strict";
import { actor, audit, readAudit } from "../../../lib/access/audit.ts";

Deno.test("the trail is appended line by line and read back filtered by day and user", async () => {
  const dir = await Deno.makeTempDir();
  assert.deepEqual(await readAudit(dir), []);
  const street = { kind: "user" as const, name: "zhang", role: "street" as const, streets: ["S01"] };
  await audit({ event: "sign_in", ...actor(street, "10.0.0.7") }, dir);
  await audit(
    { event: "download", ...actor(street, "10.0.0.7"), table: "tickets", scope: "streets:S01", rows: 12 },
    dir,
  );
  await audit({ event: "sign_in", ...actor({ kind: "wall", name: "screen" }) }, dir);
  const lines = (await Deno.readTextFile(`${dir}/access/audit.jsonl`)).trim().split("\n");
  assert.equal(lines.length, 3);
  const download = JSON.parse(lines[1]);
  assert.deepEqual(
    { ...download, time: undefined },
    {
      time: undefined,
      event: "download",
      user: "zhang",
      role: "street",
      address: "10.0.0.7",
      table: "tickets",
      scope: "streets:S01",
      rows: 12,
    },
  );
  assert.ok(Math.abs(Date.parse(download.time) - Date.now()) < 60_000);
  assert.equal((await readAudit(dir, { user: "zhang" })).length, 2);
  assert.equal((await readAudit(dir, { user: "screen" }))[0].role, "wall");
  assert.equal((await readAudit(dir, { since: "2999-01-01" })).length, 0);
  assert.equal((await readAudit(dir, { since: new Date().toISOString().slice(0, 10) })).length, 3);
  assert.deepEqual((await readAudit(dir, { last: 1 })).map((r) => r.user), ["screen"]);
  assert.equal((await Deno.stat(`${dir}/access/audit.jsonl`)).mode! & 0o777, 0o600);
});
