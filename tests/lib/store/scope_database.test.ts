/**
 * The scope's database file, written by the server's native DuckDB, opens in DuckDB-WASM
 * (the browser's engine, here in Deno) by registerFileBuffer + ATTACH, and every metric
 * builder answers on it as on the scope's Arrow tables loaded into memory.
 */
import assert from "node:assert/strict";
import { firstStreet } from "../../../lib/access/demo_accounts.ts";
import type { Connector } from "../../../lib/db/connector.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { createViews } from "../../../lib/metrics/views.ts";
import { attachScopeDatabase } from "../../../lib/store/scope_database.ts";
import { scopedManifest, scopedTables } from "../../../lib/store/scoped.ts";
import { writeStore } from "../../../lib/store/store.ts";
import type { ScopeKey } from "../../../lib/access/scope.ts";
import { BUILDERS, canonical, FILTERS } from "../metrics/builders.ts";

const dir = await Deno.makeTempDir();
const stored = await writeStore(dir, generateDemo({ tickets: 2000 }), "scope database test");
const street = (await firstStreet(dir))!.id;

async function answer(db: Connector, sql: string): Promise<string[] | { error: string }> {
  try {
    return canonical(await db.query(sql));
  } catch (e) {
    return { error: (e as Error).message.replace(/\s+/g, " ").slice(0, 80) };
  }
}

for (const scope of ["full", "masked", `street-${street}`] as ScopeKey[]) {
  Deno.test(`the ${scope} scope's database answers every metric builder as its Arrow tables do`, async () => {
    const manifest = await scopedManifest(dir, stored, scope);
    const file = await Deno.readFile(`${dir}/${manifest.database.file}`);
    const onFile = await openDenoDuckDB();
    await attachScopeDatabase(onFile, file, Object.keys(manifest.tables));
    const inMemory = await openDenoDuckDB();
    for (const [name, entry] of Object.entries(await scopedTables(dir, stored, scope))) {
      await inMemory.insertArrowStream(name, await Deno.readFile(`${dir}/${entry.file}`));
    }
    await createViews(inMemory);
    try {
      const [{ engine }] = await onFile.query<{ engine: string }>("SELECT version() AS engine");
      assert.match(engine, /^v1\.4\./, "the browser's engine, older than the server's that wrote the file");
      for (const [t, { rows }] of Object.entries(manifest.tables)) {
        const [{ n }] = await onFile.query<{ n: number }>(`SELECT count(*) AS n FROM "${t}"`);
        assert.equal(n, rows, t);
      }
      let compared = 0;
      for (const [builder, build] of Object.entries(BUILDERS)) {
        for (const [filter, f] of Object.entries(FILTERS)) {
          const sql = (build as (f: unknown) => string)(f);
          const [expected, actual] = [await answer(inMemory, sql), await answer(onFile, sql)];
          assert.deepEqual(actual, expected, `${builder} under ${filter}`);
          if (Array.isArray(expected) && expected.length) compared++;
        }
      }
      assert.ok(compared > 30, `only ${compared} builders answered with rows`);
    } finally {
      await onFile.close();
      await inMemory.close();
    }
  });
}

Deno.test("closing the store", async () => {
  await Deno.remove(dir, { recursive: true });
});
