import assert from "node:assert/strict";
import { UrlWriter } from "../../../lib/drill/url_writer.ts";

function fakeHistory() {
  const writes: string[] = [];
  const queued: (() => void)[] = [];
  const writer = new UrlWriter(
    {
      pushState: (_d, _u, url) => writes.push(`push ${url}`),
      replaceState: (_d, _u, url) => writes.push(`replace ${url}`),
    },
    (run) => queued.push(run),
  );
  const idle = () => queued.splice(0).forEach((run) => run());
  return { writes, writer, idle, queued };
}

Deno.test("replacements wait for the idle page and only the last is written", () => {
  const { writes, writer, idle, queued } = fakeHistory();
  writer.replace("/map?from=2026-01-01");
  writer.replace("/map?from=2026-01-02");
  writer.replace("/map?from=2026-01-03");
  assert.deepEqual(writes, []);
  assert.equal(queued.length, 1, "one idle callback for the whole run of moves");
  idle();
  assert.deepEqual(writes, ["replace /map?from=2026-01-03"]);
  writer.replace("/map?from=2026-01-04");
  idle();
  assert.deepEqual(writes, ["replace /map?from=2026-01-03", "replace /map?from=2026-01-04"]);
});

Deno.test("a push is written at once, after the replacement still waiting, so the back button finds both", () => {
  const { writes, writer, idle } = fakeHistory();
  writer.replace("/map?cat=电梯");
  writer.push("/map?cat=电梯&place=street:S01");
  assert.deepEqual(writes, ["replace /map?cat=电梯", "push /map?cat=电梯&place=street:S01"]);
  idle();
  assert.equal(writes.length, 2, "nothing left to write when the page is idle");
});

Deno.test("flush writes what waits before the page is left; drop forgets it after a move in the history", () => {
  const { writes, writer, idle } = fakeHistory();
  writer.replace("/map?kind=complaint");
  writer.flush();
  writer.flush();
  assert.deepEqual(writes, ["replace /map?kind=complaint"]);
  writer.replace("/map?kind=help");
  writer.drop();
  idle();
  assert.deepEqual(writes, ["replace /map?kind=complaint"]);
});
