import assert from "node:assert/strict";
import { isAbort, QueryQueue } from "../../../lib/db/query_queue.ts";

/** A fake engine: each statement takes `ms` unless stopped, and logs what happened. */
function engine() {
  const log: string[] = [];
  let stopRunning: (() => void) | null = null;
  const queue = new QueryQueue(() => {
    stopRunning?.();
    return Promise.resolve(true);
  });
  const statement = (name: string, ms = 20) => () =>
    new Promise<string>((resolve) => {
      log.push(`start ${name}`);
      const timer = setTimeout(() => {
        stopRunning = null;
        log.push(`end ${name}`);
        resolve(name);
      }, ms);
      stopRunning = () => {
        clearTimeout(timer);
        stopRunning = null;
        log.push(`stopped ${name}`);
        // A stopped statement may still answer, with a partial result.
        resolve(`${name} (partial)`);
      };
    });
  return { queue, statement, log };
}

Deno.test("the interactive lane goes before background work and loading", async () => {
  const { queue, statement, log } = engine();
  const done = Promise.all([
    queue.add(statement("load"), { priority: "load" }),
    queue.add(statement("panel"), { priority: "background" }),
    queue.add(statement("chart")),
  ]);
  assert.deepEqual(await done, ["load", "panel", "chart"]);
  // The load had started before the others arrived; loading is never stopped.
  assert.deepEqual(log, ["start load", "end load", "start chart", "end chart", "start panel", "end panel"]);
});

Deno.test("a running background query is stopped for an interactive one and run again after", async () => {
  const { queue, statement, log } = engine();
  const panel = queue.add(statement("panel", 50), { priority: "background" });
  await new Promise((r) => setTimeout(r, 5));
  const chart = queue.add(statement("chart"));
  assert.equal(await chart, "chart");
  // The panel's answer is the whole one, from its second run, never the stopped partial one.
  assert.equal(await panel, "panel");
  assert.deepEqual(log, ["start panel", "stopped panel", "start chart", "end chart", "start panel", "end panel"]);
});

Deno.test("aborted work leaves the queue, or is stopped while running, and rejects as an abort", async () => {
  const { queue, statement, log } = engine();
  const first = new AbortController(), second = new AbortController();
  const running = queue.add(statement("old chart", 50), { signal: first.signal });
  const waiting = queue.add(statement("old panel"), { priority: "background", signal: second.signal });
  const latest = queue.add(statement("new chart"));
  await new Promise((r) => setTimeout(r, 5));
  first.abort();
  second.abort();
  await assert.rejects(running, (e) => isAbort(e));
  await assert.rejects(waiting, (e) => isAbort(e));
  assert.equal(await latest, "new chart");
  assert.deepEqual(log, ["start old chart", "stopped old chart", "start new chart", "end new chart"]);
  assert.deepEqual(queue.waiting, { interactive: 0, background: 0, load: 0 });
  await assert.rejects(queue.add(statement("never"), { signal: first.signal }), (e) => isAbort(e));
});

Deno.test("a failing statement rejects its own promise only", async () => {
  const { queue, statement } = engine();
  const failing = queue.add(() => Promise.reject(new Error("Binder Error: no column x")));
  const next = queue.add(statement("next"));
  await assert.rejects(failing, /no column x/);
  assert.equal(await next, "next");
});

Deno.test("a queue of two slots runs two at once and stops background work only when both are taken", async () => {
  const log: string[] = [];
  const queue = new QueryQueue(undefined, 2);
  const statement = (name: string, ms: number) => (stopped: AbortSignal) =>
    new Promise<string>((resolve) => {
      log.push(`start ${name}`);
      const timer = setTimeout(() => (log.push(`end ${name}`), resolve(name)), ms);
      stopped.addEventListener("abort", () => (clearTimeout(timer), log.push(`stopped ${name}`), resolve("partial")));
    });
  const panel = queue.add(statement("panel", 60), { priority: "background" });
  const first = queue.add(statement("first", 30));
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(log, ["start panel", "start first"], "both run at once");
  // Both slots taken: the background panel makes way, and runs again after.
  const second = queue.add(statement("second", 10));
  assert.deepEqual(await Promise.all([first, second, panel]), ["first", "second", "panel"]);
  assert.deepEqual(log, [
    "start panel",
    "start first",
    "stopped panel",
    "start second",
    "end second",
    "start panel",
    "end first",
    "end panel",
  ]);
});
