import assert from "node:assert/strict";
import { addAccount, setDisabled, setPassword } from "../../../lib/access/accounts.ts";
import { lookupSession, startSession } from "../../../lib/access/sessions.ts";
import { addWallToken, revokeWallToken } from "../../../lib/access/wall_tokens.ts";
import { secretHash } from "../../../lib/access/secrets.ts";

const HOUR = 3_600_000;
const dir = await Deno.makeTempDir();
await addAccount(dir, {
  name: "zhang",
  role: "street",
  streets: ["S01"],
  display: "张三",
  password: "a long password",
});

Deno.test("a session says who it acts for, with role and streets, and survives a new process reading the file", async () => {
  const id = await startSession(dir, { kind: "user", user: "zhang" });
  assert.match(id, /^[\w-]{43}$/, "256 random bits");
  const { principal } = await lookupSession(dir, id, 8 * HOUR);
  assert.deepEqual(principal, { kind: "user", name: "zhang", display: "张三", role: "street", streets: ["S01"] });
  const file = await Deno.readTextFile(`${dir}/access/sessions.json`);
  assert.ok(!file.includes(id) && file.includes(secretHash(id)), "only the id's hash is stored");
  assert.equal((await lookupSession(dir, "made-up", 8 * HOUR)).principal, null);
});

Deno.test("a session expires after its idle time, measured from its last request", async () => {
  const start = Date.now();
  const id = await startSession(dir, { kind: "user", user: "zhang" }, start);
  assert.ok((await lookupSession(dir, id, 8 * HOUR, start + 7 * HOUR)).principal, "7 idle hours: still on");
  // The request at 7 h counts: 7 more hours from there are within 8 idle hours.
  assert.ok((await lookupSession(dir, id, 8 * HOUR, start + 14 * HOUR)).principal);
  const expired = await lookupSession(dir, id, 8 * HOUR, start + 22.5 * HOUR);
  assert.equal(expired.principal, null);
  assert.ok(expired.session, "the ended session is reported as ended, not unknown");
  assert.equal((await lookupSession(dir, id, 8 * HOUR, start + 22.5 * HOUR)).session, undefined, "and removed");
});

Deno.test("disabling the account or changing its password ends its sessions", async () => {
  const id = await startSession(dir, { kind: "user", user: "zhang" });
  await setDisabled(dir, "zhang", true);
  assert.equal((await lookupSession(dir, id, 8 * HOUR)).principal, null);
  await setDisabled(dir, "zhang", false);
  const id2 = await startSession(dir, { kind: "user", user: "zhang" });
  assert.ok((await lookupSession(dir, id2, 8 * HOUR)).principal);
  await setPassword(dir, "zhang", "another long password");
  assert.equal((await lookupSession(dir, id2, 8 * HOUR)).principal, null);
});

Deno.test("a wall's session lasts while its token does, idle or not, and ends when it is revoked", async () => {
  const token = await addWallToken(dir, "screen-1");
  const id = await startSession(dir, { kind: "wall", wall: "screen-1", token_hash: secretHash(token) });
  assert.deepEqual((await lookupSession(dir, id, HOUR, Date.now() + 30 * 24 * HOUR)).principal, {
    kind: "wall",
    name: "screen-1",
  });
  const file = await Deno.readTextFile(`${dir}/access/wall_tokens.json`);
  assert.ok(!file.includes(token), "the token itself is never stored");
  await revokeWallToken(dir, "screen-1");
  assert.equal((await lookupSession(dir, id, HOUR)).principal, null);
});

Deno.test("a file changed by another process (a CLI beside the server) is read again", async () => {
  const id = await startSession(dir, { kind: "user", user: "zhang" });
  const path = `${dir}/access/users.json`;
  const users = JSON.parse(await Deno.readTextFile(path));
  users.zhang.role = "leader";
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(users));
  await Deno.rename(`${path}.tmp`, path);
  const { principal } = await lookupSession(dir, id, HOUR);
  assert.equal(principal?.kind === "user" && principal.role, "leader");
});
