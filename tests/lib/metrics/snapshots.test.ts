/**
 * Every exported SQL builder of lib/metrics and lib/alerts, snapshotted in one loop (as Observable
 * Plot's snapshot harness does), so that a change to any metric's SQL shows in review
 * as a diff of `__snapshots__/<builder>.sql`. Each filtered builder is rendered under the
 * same fixed filters. A missing or different snapshot fails; run with
 * `UPDATE_SNAPSHOTS=1` to write them, then read the diff.
 */
import assert from "node:assert/strict";
import { BUILDERS, FILTERS, MODULES } from "./builders.ts";
import type { Filter } from "../../../lib/metrics/filter.ts";

/** `ticketFactsSql` → `ticket_facts`. */
const snapshotName = (builder: string) => builder.replace(/Sql$/, "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A builder's snapshot: its text alone when it takes no filter, else one section per fixed filter. */
function render(build: ((f: Filter) => string) | (() => string)): string {
  if (build.length === 0) return (build as () => string)();
  return Object.entries(FILTERS).map(([name, f]) => `-- filter: ${name}\n${build(f)};\n`).join("\n");
}

// Builders are the synchronous `…Sql` functions; `hotspotsInSql` runs queries and is tested in hotspots.test.ts.
Deno.test("snapshots: the loop covers every exported builder of lib/metrics", () => {
  const exported = Object.values(MODULES).flatMap((module) =>
    Object.entries(module).filter(([name, value]) =>
      typeof value === "function" && value.constructor.name === "Function" && name.endsWith("Sql")
    )
      .map(([name]) => name)
  );
  assert.deepEqual(Object.keys(BUILDERS).toSorted(), exported.toSorted());
});

const UPDATE = Deno.env.get("UPDATE_SNAPSHOTS") === "1";

for (const [builder, build] of Object.entries(BUILDERS)) {
  Deno.test(`snapshot: ${builder}`, async () => {
    const file = new URL(`./__snapshots__/${snapshotName(builder)}.sql`, import.meta.url);
    const sql = render(build);
    const snapshot = await Deno.readTextFile(file).catch(() => null);
    if (UPDATE && snapshot !== sql) {
      await Deno.writeTextFile(file, sql);
      return;
    }
    assert.ok(snapshot !== null, `no snapshot ${file.pathname}: run with UPDATE_SNAPSHOTS=1 to write it`);
    assert.equal(sql, snapshot, `${builder}'s SQL changed: run with UPDATE_SNAPSHOTS=1 if the change is meant`);
  });
}
