/**
 * The tickets' derived facts (`ticket_facts`, lib/metrics/views.ts) of a scope's database
 * file, computed once into a file of the server's own beside it (named by the view's
 * definition), for the server's answers (lib/store/scope_answers.ts). The file is never
 * sent: the data route serves the scope's database alone, and a page's engine keeps the
 * view (materialised there, the facts took 33 s at 1M). Native DuckDB writes them once per
 * scope file, in turn with the other builds (lib/store/in_worker.ts), ~12 s at 1M on one
 * thread; after that each of a page's opening queries over the facts takes 10–35 ms on the
 * server instead of 150–220 ms (the map bench's store).
 */
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import type { Connector } from "../db/connector.ts";
import { inBuildTurn } from "./in_worker.ts";
import { withBuildDb } from "./scope_build.ts";
import { attachDatabase } from "./scope_database.ts";

const FACTS_SCHEMA = "facts";

/** Builds under way or done in this process, by scope database. */
const builds = new Map<string, Promise<string>>();

/** Only a scope with tickets has facts to keep (the wall's has none). */
export const hasFacts = (tables: string[]) => tables.includes("tickets");

/**
 * The facts' key for the view `db` defines over its scope: a release that defines the facts
 * otherwise writes a file of its own instead of reading the last release's.
 */
export async function factsKey(db: Connector): Promise<string> {
  const [view] = await db.query<{ sql: string }>(
    "SELECT sql FROM duckdb_views() WHERE view_name = 'ticket_facts' AND database_name = current_database()",
  );
  return createHash("sha256").update(view.sql).digest("hex").slice(0, 12);
}

const factsPath = (database: string, key: string) => join(dirname(database), `facts-${key}.duckdb`);

/** The facts file of the scope database at `database` (its tables `tables`), built when missing. */
export function scopeFacts(database: string, tables: string[]): Promise<string> {
  let build = builds.get(database);
  if (!build) {
    build = inBuildTurn(() => buildFacts(database, tables));
    builds.set(database, build);
    build.catch(() => builds.get(database) === build && builds.delete(database));
  }
  return build;
}

/** The facts file of `key` when it is already written, else null (nothing is built). */
export async function builtFacts(database: string, key: string): Promise<string | null> {
  const file = factsPath(database, key);
  return await Deno.stat(file).then(() => file, () => null);
}

async function buildFacts(database: string, tables: string[]): Promise<string> {
  const part = `${database}.facts-${crypto.randomUUID()}`;
  return await withBuildDb(`${part}.tmp`, async (db) => {
    await attachDatabase(db, database, tables);
    const key = await factsKey(db);
    const file = factsPath(database, key);
    if (await builtFacts(database, key)) return file;
    // Written aside and renamed when whole: an engine never attaches half a file.
    await db.query(`ATTACH '${part}' AS ${FACTS_SCHEMA}`);
    await db.query(`CREATE TABLE ${FACTS_SCHEMA}.ticket_facts AS SELECT * FROM ticket_facts`);
    await db.query(`DETACH ${FACTS_SCHEMA}`);
    await Deno.rename(part, file);
    return file;
  });
}

/** Points `db`'s `ticket_facts` (and so every view over it) at the facts file, attached read-only. */
export async function readFacts(db: Connector, file: string): Promise<void> {
  await db.query(`ATTACH '${file}' AS ${FACTS_SCHEMA} (READ_ONLY)`);
  await db.query(`CREATE OR REPLACE VIEW ticket_facts AS SELECT * FROM ${FACTS_SCHEMA}.ticket_facts`);
}
