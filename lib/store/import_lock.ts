/**
 * One import or restore at a time in a store, whoever runs it: the data page's jobs
 * (lib/store/import_jobs.ts) and `deno task import` both hold `<store>/imports/import.lock`
 * from before they read the store until they have written it. The lock is written whole to a
 * file of its own (`createNew`) and hard-linked into place, which fails when the lock exists:
 * of two at once exactly one gets it, and no one ever reads half a lock. It says who holds
 * it, what they run, their process and since when; the other is told all that and stores nothing.
 *
 * A holder killed midway (`kill -9`, out of memory, a server crash) cannot remove its lock,
 * so the lock is refreshed every few seconds from a worker of its own (the import's own
 * thread may be busy for many seconds): a lock not refreshed for a minute, or whose process
 * is gone from this host, is stale and is taken over, with a note saying whose it was.
 */

export interface LockHolder {
  by: string;
  action: "import" | "restore";
  kind?: string;
  file?: string;
  /** Where it was started: the data page or `deno task import`. */
  via: "page" | "command";
  pid: number;
  host: string;
  started: string;
  /** This holding's own mark: only it removes the lock. */
  token: string;
}

export type LockRequest = Pick<LockHolder, "by" | "action" | "kind" | "file" | "via">;

export interface HeldLock {
  holder: LockHolder;
  /** The stale lock taken over to get this one, if any. */
  tookOver?: LockHolder;
  release(): Promise<void>;
}

/** How often a holder refreshes its lock, and how long one not refreshed stays valid. */
export const HEARTBEAT_MS = 5_000;
export const STALE_MS = 60_000;

export const lockPath = (storeDir: string) => `${storeDir}/imports/import.lock`;

/** `another import is running (tickets.csv: tickets, by admin on the data page since …): wait for it to end`. */
export function busyText(h: LockHolder): string {
  const what = h.action === "restore" ? "a restore" : `${h.file}: ${h.kind}`;
  const where = h.via === "page" ? "on the data page" : `with deno task import (process ${h.pid} on ${h.host})`;
  return `another import is running (${what}, by ${h.by} ${where} since ${h.started}): wait for it to end`;
}

/** A stale lock, as a note for the console and the history. */
export function takeoverText(h: LockHolder): string {
  return `the lock of an import that no longer runs was taken over (${
    h.action === "restore" ? "a restore" : `${h.file}: ${h.kind}`
  }, by ${h.by}, process ${h.pid} on ${h.host}, since ${h.started})`;
}

/** Takes the store's lock, or answers who holds it. */
export async function takeImportLock(storeDir: string, request: LockRequest): Promise<HeldLock | { busy: LockHolder }> {
  const path = lockPath(storeDir);
  await Deno.mkdir(`${storeDir}/imports`, { recursive: true, mode: 0o700 });
  const holder: LockHolder = {
    ...request,
    pid: Deno.pid,
    host: Deno.hostname(),
    started: new Date().toISOString(),
    token: crypto.randomUUID(),
  };
  let tookOver: LockHolder | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createLock(path, holder)) return { holder, tookOver, release: heartbeat(path, holder.token) };
    const current = await readLock(path);
    if (current === "gone") continue;
    if (!(await isStale(current.holder, current.refreshed))) return { busy: current.holder };
    // Set aside under a name of its own, so that of two takers only one removes it, and only the stale one.
    const aside = `${path}.${holder.token}.stale`;
    if (!(await Deno.rename(path, aside).then(() => true, () => false))) continue;
    const taken = await readLock(aside);
    if (taken !== "gone" && taken.holder.token !== current.holder.token) {
      // Another taker's fresh lock came in between: it stands.
      await Deno.link(aside, path).catch(() => {});
      await Deno.remove(aside).catch(() => {});
      return { busy: taken.holder };
    }
    await Deno.remove(aside).catch(() => {});
    tookOver = current.holder;
  }
  const current = await readLock(path);
  if (current !== "gone") return { busy: current.holder };
  throw new Error("the store's import lock cannot be taken: try again");
}

/** Writes the lock whole beside its place, then links it there: false when a lock is there already. */
async function createLock(path: string, holder: LockHolder): Promise<boolean> {
  const tmp = `${path}.${holder.token}.tmp`;
  await Deno.writeTextFile(tmp, JSON.stringify(holder), { createNew: true, mode: 0o600 });
  try {
    await Deno.link(tmp, path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.AlreadyExists) return false;
    throw e;
  } finally {
    await Deno.remove(tmp).catch(() => {});
  }
}

/** The lock's holder and when it was last refreshed; a lock that cannot be read (a disk fault) names no one, and only its age tells. */
async function readLock(path: string): Promise<{ holder: LockHolder; refreshed: number } | "gone"> {
  try {
    const [text, stat] = await Promise.all([Deno.readTextFile(path), Deno.stat(path)]);
    const refreshed = stat.mtime?.getTime() ?? 0;
    let holder: LockHolder;
    try {
      holder = JSON.parse(text);
    } catch {
      const started = new Date(refreshed).toISOString();
      holder = { by: "unknown", action: "import", via: "command", pid: 0, host: "", started, token: "" };
    }
    return { holder, refreshed };
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return "gone";
    throw e;
  }
}

async function isStale(holder: LockHolder, refreshed: number, now = Date.now()): Promise<boolean> {
  if (now - refreshed > STALE_MS) return true;
  if (holder.host !== Deno.hostname() || holder.pid === Deno.pid) return false;
  return !(await processAlive(holder.pid));
}

/** Whether a process of this host runs; true when it cannot be told (the server may not read /proc). */
async function processAlive(pid: number): Promise<boolean> {
  try {
    await Deno.stat(`/proc/${pid}`);
    return true;
  } catch (e) {
    return !(e instanceof Deno.errors.NotFound);
  }
}

/** Refreshes the lock from a worker until released; the release removes the lock only if it is still this one. */
function heartbeat(path: string, token: string): () => Promise<void> {
  const worker = new Worker(new URL("./import_lock_worker.ts", import.meta.url), { type: "module" });
  worker.postMessage({ path, every: HEARTBEAT_MS });
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    worker.terminate();
    const current = await readLock(path);
    if (current !== "gone" && current.holder.token === token) await Deno.remove(path).catch(() => {});
  };
}
