import assert from "node:assert/strict";
import {
  busyText,
  HEARTBEAT_MS,
  type HeldLock,
  type LockHolder,
  lockPath,
  STALE_MS,
  takeImportLock,
  takeoverText,
} from "../../../lib/store/import_lock.ts";

const PAGE = { by: "admin", action: "import", kind: "tickets", file: "a.csv", via: "page" } as const;
const COMMAND = { by: "cli:ops", action: "import", kind: "callbacks", file: "b.csv", via: "command" } as const;

function held(lock: HeldLock | { busy: LockHolder }): HeldLock {
  assert.ok(!("busy" in lock), "busy" in lock ? busyText(lock.busy) : "");
  return lock;
}

function busy(lock: HeldLock | { busy: LockHolder }): LockHolder {
  assert.ok("busy" in lock, "the lock was taken");
  return lock.busy;
}

/** A lock file as a holder killed midway leaves it. */
async function leftBehind(store: string, holder: Partial<LockHolder>, ageMs = 0) {
  await Deno.mkdir(`${store}/imports`, { recursive: true });
  const lock = {
    ...COMMAND,
    pid: Deno.pid,
    host: Deno.hostname(),
    started: "2026-12-01T08:00:00.000Z",
    token: "old",
    ...holder,
  };
  await Deno.writeTextFile(lockPath(store), JSON.stringify(lock));
  const at = new Date(Date.now() - ageMs);
  await Deno.utime(lockPath(store), at, at);
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = new Deno.Command("true").spawn();
  await child.status;
  return child.pid;
}

Deno.test("of two imports at once exactly one gets the store, and the other is told who and what", async () => {
  const store = await Deno.makeTempDir();
  const [a, b] = await Promise.all([takeImportLock(store, PAGE), takeImportLock(store, COMMAND)]);
  const winner = "busy" in a ? b : a;
  const loser = busy("busy" in a ? a : b);
  held(winner);
  assert.equal(loser.token, (winner as HeldLock).holder.token);
  assert.equal(loser.pid, Deno.pid);
  const text = busyText(held(winner).holder);
  assert.match(
    text,
    /^another import is running \((a\.csv: tickets, by admin on the data page|b\.csv: callbacks, by cli:ops with deno task import \(process \d+ on .+\)) since 20\d\d-/,
  );
  assert.equal((await Deno.stat(lockPath(store))).mode! & 0o777, 0o600);
  await held(winner).release();
  await assert.rejects(Deno.stat(lockPath(store)), Deno.errors.NotFound, "released");
  const next = held(await takeImportLock(store, COMMAND));
  assert.equal(next.tookOver, undefined);
  await next.release();
  await Deno.remove(store, { recursive: true });
});

Deno.test("a lock whose process is gone, or not refreshed for a minute, is taken over with a note", async () => {
  const store = await Deno.makeTempDir();
  await leftBehind(store, { pid: await deadPid() });
  const afterKill = held(await takeImportLock(store, PAGE));
  assert.equal(afterKill.tookOver?.file, "b.csv");
  assert.match(takeoverText(afterKill.tookOver!), /^the lock of an import that no longer runs was taken over \(b\.csv/);
  await afterKill.release();

  await leftBehind(store, { host: "another-host", pid: 1 }, STALE_MS + 5_000);
  const afterSilence = held(await takeImportLock(store, PAGE));
  assert.equal(afterSilence.tookOver?.host, "another-host");
  await afterSilence.release();

  // A lock that cannot be read names no one: judged by its age alone.
  await Deno.writeTextFile(lockPath(store), "{");
  assert.equal(busy(await takeImportLock(store, PAGE)).by, "unknown", "fresh: the import still waits");
  const old = new Date(Date.now() - STALE_MS - 5_000);
  await Deno.utime(lockPath(store), old, old);
  await held(await takeImportLock(store, PAGE)).release();
  await Deno.remove(store, { recursive: true });
});

Deno.test("a live holder's lock is kept: refreshed while it runs, and only its holder removes it", async () => {
  const store = await Deno.makeTempDir();
  // Another host's process cannot be checked: only the lock's age tells, and it is fresh.
  await leftBehind(store, { host: "another-host", pid: 1 }, STALE_MS - 10_000);
  assert.equal(busy(await takeImportLock(store, PAGE)).host, "another-host");
  await Deno.remove(lockPath(store));

  const lock = held(await takeImportLock(store, PAGE));
  const old = new Date(Date.now() - STALE_MS / 2);
  await Deno.utime(lockPath(store), old, old);
  // Its worker starts within seconds (longer under `deno test`, which type-checks it first), then refreshes it.
  const deadline = Date.now() + 60_000;
  while ((await Deno.stat(lockPath(store))).mtime!.getTime() === old.getTime() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  const refreshed = (await Deno.stat(lockPath(store))).mtime!.getTime();
  assert.ok(Date.now() - refreshed < HEARTBEAT_MS, "refreshed by its worker");
  // Taken over meanwhile (it was judged stale): releasing leaves the new holder's lock alone.
  await leftBehind(store, { token: "newer" });
  await lock.release();
  assert.equal(JSON.parse(await Deno.readTextFile(lockPath(store))).token, "newer");
  await Deno.remove(store, { recursive: true });
});
