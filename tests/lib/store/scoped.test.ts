/**
 * Each role's scope built from a small demo store: what its tables hold, and that it is
 * built once per store version. The store's own values are the reference.
 */
import assert from "node:assert/strict";
import { scopeKeyOf } from "../../../lib/access/scope.ts";
import type { Connector } from "../../../lib/db/connector.ts";
import { addAccount, setDisabled } from "../../../lib/access/accounts.ts";
import { openDenoDuckDB } from "../../../lib/db/duckdb_deno.ts";
import { generateDemo } from "../../../lib/demo/generate.ts";
import { openStoreDb } from "../../../lib/store/open_store_db.ts";
import { STREET_SCORECARDS } from "../../../lib/reviews/scorecard.ts";
import { attachScopeDatabase } from "../../../lib/store/scope_database.ts";
import { prebuildVersion, versionPrepared } from "../../../lib/store/prebuild.ts";
import { scopeFacts } from "../../../lib/store/scope_facts.ts";
import {
  type ScopedManifest,
  scopedManifest,
  scopedTables,
  servedManifest,
  StoreChanged,
} from "../../../lib/store/scoped.ts";
import { readManifest, writeStore } from "../../../lib/store/store.ts";
import { withEnv } from "../../routes/product_app.ts";

const dir = await Deno.makeTempDir();
const stored = await writeStore(dir, generateDemo({ tickets: 3000 }), "scoped test");
const { db: full } = await openStoreDb(dir);

/** A DuckDB holding a scope's tables, as a browser of that scope would: its database file attached. */
async function openScope(manifest: ScopedManifest): Promise<Connector> {
  const db = await openDenoDuckDB();
  await attachScopeDatabase(db, await Deno.readFile(`${dir}/${manifest.database.file}`), Object.keys(manifest.tables));
  return db;
}

const values = async (db: Connector, sql: string) => (await db.query<{ v: string }>(sql)).map((r) => String(r.v));
const [street] = await values(full, "SELECT street_id AS v FROM tickets GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");

Deno.test("a street official's scope holds only that street's tickets, all of them, masked", async () => {
  const key = scopeKeyOf({ kind: "user", name: "s", role: "street", streets: [street] });
  const manifest = await scopedManifest(dir, stored, key);
  const db = await openScope(manifest);
  try {
    assert.deepEqual(await values(db, "SELECT DISTINCT street_id AS v FROM tickets"), [street]);
    const [{ n }] = await full.query<{ n: number }>(`SELECT count(*) AS n FROM tickets WHERE street_id = '${street}'`);
    const [{ held }] = await db.query<{ held: number }>("SELECT count(*) AS held FROM tickets");
    assert.equal(held, n);
    assert.equal(manifest.tables.tickets.rows, n);
    // Callbacks only of the street's tickets.
    const [{ foreign }] = await db.query<{ foreign: number }>(
      "SELECT count(*) AS foreign FROM callbacks WHERE ticket_id NOT IN (SELECT ticket_id FROM tickets)",
    );
    assert.equal(foreign, 0);
    assert.ok(manifest.tables.callbacks.rows > 0);
    // Masked like the masked roles' scope: no raw phone of the store.
    const phones = new Set(
      await values(full, "SELECT DISTINCT reporter_phone AS v FROM tickets WHERE reporter_phone IS NOT NULL"),
    );
    const held_phones = await values(
      db,
      "SELECT DISTINCT reporter_phone AS v FROM tickets WHERE reporter_phone IS NOT NULL",
    );
    assert.ok(held_phones.length > 0 && held_phones.every((p) => !phones.has(p) && /^\d{3}\*{4}\d{4}$/.test(p)));
    // Every street's scorecard, computed over the whole district.
    const streets = await values(full, "SELECT DISTINCT street_id AS v FROM tickets ORDER BY 1");
    assert.deepEqual(
      await values(
        db,
        `SELECT DISTINCT place_id AS v FROM ${STREET_SCORECARDS.name} WHERE place_id IS NOT NULL ORDER BY 1`,
      ),
      streets,
    );
    const [{ facts }] = await db.query<{ facts: number }>("SELECT count(*) AS facts FROM ticket_facts");
    assert.equal(facts, n, "the metrics' view works over the scope");
  } finally {
    await db.close();
  }
});

Deno.test("a masked scope holds every ticket and no name or phone of the store", async () => {
  const manifest = await scopedManifest(dir, stored, "masked");
  assert.equal(manifest.tables.tickets.rows, stored.tables.tickets.rows);
  const db = await openScope(manifest);
  const held = await values(db, "SELECT DISTINCT reporter_phone AS v FROM tickets WHERE reporter_phone IS NOT NULL");
  await db.close();
  // As Arrow (the route's other way out), text lies in the file as it is.
  const tables = await scopedTables(dir, stored, "masked");
  assert.equal(tables.tickets.rows, stored.tables.tickets.rows);
  const bytes = new TextDecoder().decode(await Deno.readFile(`${dir}/${tables.tickets.file}`));
  const phones = await values(
    full,
    "SELECT DISTINCT reporter_phone AS v FROM tickets WHERE reporter_phone IS NOT NULL",
  );
  assert.ok(phones.length > 100 && held.length > 100);
  assert.deepEqual(phones.filter((p) => bytes.includes(p)), []);
  assert.deepEqual(held.filter((p) => phones.includes(p)), []);
  const names = await values(full, "SELECT DISTINCT reporter_name AS v FROM tickets WHERE length(reporter_name) > 1");
  assert.deepEqual(names.filter((n) => !n.endsWith("*") && bytes.includes(n)).slice(0, 5), []);
  // The callbacks hold no residents' field: the store's own file is served.
  assert.equal(tables.callbacks.file, stored.tables.callbacks.file);
});

Deno.test("the wall's scope holds no ticket row and no ticket coordinates", async () => {
  const manifest = await scopedManifest(dir, stored, scopeKeyOf({ kind: "wall", name: "room" }));
  assert.ok(!("tickets" in manifest.tables) && !("callbacks" in manifest.tables));
  assert.ok("places" in manifest.tables && "buildings" in manifest.tables);
});

Deno.test("a table with residents' fields and no masking of its own (import notes) stays the admin's", async () => {
  assert.ok("import_notes" in stored.tables);
  for (const scope of ["masked", "wall", `street-${street}`] as const) {
    assert.ok(!("import_notes" in (await scopedManifest(dir, stored, scope)).tables), scope);
  }
  assert.ok("import_notes" in (await scopedManifest(dir, stored, "full")).tables);
});

Deno.test("a scope is built once per store version, concurrent requests sharing the build", async () => {
  const key = scopeKeyOf({ kind: "user", name: "a", role: "street", streets: ["S02", "S01"] });
  assert.equal(key, scopeKeyOf({ kind: "user", name: "b", role: "street", streets: ["S01", "S02", "S01"] }));
  const [a, b] = await Promise.all([scopedManifest(dir, stored, key), scopedManifest(dir, stored, key)]);
  assert.deepEqual(a, b);
  const file = `${dir}/${a.database.file}`;
  const built = (await Deno.stat(file)).mtime;
  await scopedManifest(dir, stored, key);
  assert.deepEqual((await Deno.stat(file)).mtime, built, "the second request reuses the files");
  const folders = async () => {
    const names = [];
    for await (const e of Deno.readDir(`${dir}/scopes`)) names.push(e.name);
    return names;
  };
  assert.deepEqual(await folders(), [stored.version]);
  // A new store version builds anew and drops the old version's scopes, once past their grace period.
  const next = await writeStore(dir, {}, "scoped test 2");
  assert.equal((await readManifest(dir))!.version, next.version);
  await withEnv({ LINLI_VERSION_GRACE_MS: "0" }, async () => {
    const again = await scopedManifest(dir, next, key);
    assert.ok(again.database.file.startsWith(`scopes/${next.version}/`));
  });
  assert.deepEqual(await folders(), [next.version]);
});

Deno.test("a replaced version is answered on for its grace period from what was built of it, and nothing more is built", async () => {
  const first = await writeStore(dir, {}, "scoped test grace 1");
  const masked = await scopedManifest(dir, first, "masked");
  const next = await writeStore(dir, {}, "scoped test grace 2");
  await withEnv({ LINLI_VERSION_GRACE_MS: "600000" }, async () => {
    await scopedManifest(dir, next, "masked");
    const served = async (version: string) => JSON.stringify(await servedManifest(dir, version));
    assert.equal(await served(next.version), JSON.stringify(next));
    assert.equal(await served(first.version), JSON.stringify(first), "the replaced version's manifest is kept");
    assert.deepEqual(await scopedManifest(dir, first, "masked"), masked, "its builds are read as they were");
    await assert.rejects(() => scopedManifest(dir, first, `street-${street}`), StoreChanged);
    assert.equal(await servedManifest(dir, "v0unknown"), null);
  });
  await withEnv({ LINLI_VERSION_GRACE_MS: "0" }, async () => {
    assert.equal(await servedManifest(dir, first.version), null, "past the grace period it is no longer served");
  });
});

Deno.test("a new version's shared builds are made before anyone asks: the store's, the masked roles', the review figures", async () => {
  const next = await writeStore(dir, {}, "scoped test 3");
  const version = `${dir}/scopes/${next.version}`;
  await Promise.all([prebuildVersion(dir), prebuildVersion(dir, next)]);
  const built = async () => {
    const names = [];
    for await (const e of Deno.readDir(version)) names.push(e.name.replace(/\.[0-9a-f]{8}$/, ""));
    return names.sort();
  };
  assert.deepEqual(await built(), ["full.db", "manifest.json", "masked.db", "scorecards"]);
});

Deno.test("a street official with an account has the scope built before the first page asks", async () => {
  await addAccount(dir, { name: "official", password: "a long enough password 1", role: "street", streets: [street] });
  await addAccount(dir, { name: "gone", password: "a long enough password 2", role: "street", streets: ["S-gone"] });
  await setDisabled(dir, "gone", true);
  const next = await writeStore(dir, {}, "scoped test 3b");
  await prebuildVersion(dir, next);
  const built = [];
  for await (const e of Deno.readDir(`${dir}/scopes/${next.version}`)) built.push(e.name.replace(/\.[0-9a-f]{8}$/, ""));
  assert.deepEqual(built.sort(), ["full.db", "manifest.json", "masked.db", "scorecards", `street-${street}.db`]);
  // The tests after this one build no street's scope.
  await setDisabled(dir, "official", true);
});

Deno.test("a version replaced while its builds run: the builds take turns, none fails, and the replaced one stops", async () => {
  const first = await writeStore(dir, {}, "scoped test 4");
  const building = prebuildVersion(dir, first);
  // The next version arrives once the first's builds are writing their folder.
  while (!(await Deno.stat(`${dir}/scopes/${first.version}`).then(() => true, () => false))) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const next = await writeStore(dir, {}, "scoped test 5");
  await Promise.all([building, prebuildVersion(dir, next)]);
  assert.ok(versionPrepared(dir, next));
  assert.ok(!versionPrepared(dir, first), "the replaced version's remaining builds were not made");
});

Deno.test("a replaced version's folder is removed only once the build writing in it has ended", async () => {
  const first = await writeStore(dir, {}, "scoped test 6");
  const masked = await scopedManifest(dir, first, "masked");
  const facts = scopeFacts(`${dir}/${masked.database.file}`, Object.keys(masked.tables));
  const next = await writeStore(dir, {}, "scoped test 7");
  const [written] = await withEnv(
    { LINLI_VERSION_GRACE_MS: "0" },
    () => Promise.all([facts, scopedManifest(dir, next, "masked")]),
  );
  assert.match(written, new RegExp(`/scopes/${first.version}/masked\\.db\\.[0-9a-f]{8}/facts-[0-9a-f]{12}\\.duckdb$`));
  const folders = [];
  for await (const e of Deno.readDir(`${dir}/scopes`)) folders.push(e.name);
  assert.deepEqual(folders, [next.version]);
});

Deno.test("closing the reference store", async () => {
  await full.close();
});
