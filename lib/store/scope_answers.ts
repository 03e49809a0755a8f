/**
 * The server's answers to a page's SQL, from the scope's own database file (the one its
 * browser downloads), by the server's native DuckDB: Mosaic's split between a page and a
 * data server. A page asks here while its own engine compiles and takes in the file, so its
 * first figures need neither; the same SQL builders run on both. The engine holds the
 * scope's file only, read-only, shut off from the machine (lib/db/duckdb_native.ts
 * `lockDown`), so an answer holds nothing the scope's download does not. The file never
 * changes, so an answer is kept, as it is sent, for the next page that asks the same:
 * a page opens with the same queries on every visit, and every user of a scope with its own.
 */
import type { Columns } from "../db/connector.ts";
import { type NativeConnector, openNativeDuckDB, type SelectLimits } from "../db/duckdb_native.ts";
import { attachDatabase } from "./scope_database.ts";

/** What one answer may cost the server: a page's opening queries take milliseconds to a second. */
export const ANSWER_LIMITS: Omit<SelectLimits, "signal"> = { maxRows: 250_000, timeoutMs: 15_000 };

/** Engines kept open: a district's few scopes in use at once (the admin's, the masked, a street or two). */
const KEPT = 4;

/** The bytes of answers kept per engine; the oldest go first. */
const KEPT_BYTES = 64 * 1024 * 1024;

/** Past this, an answer is kept gzipped too: 100,000 buildings, 5.9 MB of JSON, are 0.5 MB. */
const COMPRESSED_FROM = 64 * 1024;

/** An answer as the query route sends it: JSON by column, and gzipped when it is long. */
export interface SentAnswer {
  rows: number;
  json: Uint8Array;
  gzip: Uint8Array | null;
}

interface Engine {
  db: NativeConnector;
  tempDir: string;
  answering: number;
  evicted: boolean;
  kept: Map<string, SentAnswer>;
  keptBytes: number;
}

/** By database file: a new store version is a new file, and the oldest engines close as new ones open. */
const engines = new Map<string, Promise<Engine>>();

/** `sql`'s answer on the scope database at `path` (its tables `tables`), by column, within the limits. */
export async function answerOnScope(
  path: string,
  tables: string[],
  sql: string,
  signal?: AbortSignal,
): Promise<Columns> {
  return answerOn(await engineFor(path, tables), sql, signal);
}

async function answerOn(engine: Engine, sql: string, signal?: AbortSignal): Promise<Columns> {
  engine.answering++;
  try {
    return await engine.db.answerSelect(sql, { ...ANSWER_LIMITS, signal });
  } finally {
    engine.answering--;
    if (engine.evicted && !engine.answering) await closeEngine(engine);
  }
}

/** `sql`'s answer as sent (see `answerOnScope`), kept for the next request of the same SQL. */
export async function sentAnswer(
  path: string,
  tables: string[],
  sql: string,
  signal?: AbortSignal,
): Promise<SentAnswer> {
  const engine = await engineFor(path, tables);
  const kept = engine.kept.get(sql);
  if (kept) {
    engine.kept.delete(sql);
    engine.kept.set(sql, kept);
    return kept;
  }
  const columns = await answerOn(engine, sql, signal);
  const json = new TextEncoder().encode(JSON.stringify({ columns }));
  const gzip = json.length < COMPRESSED_FROM ? null : await gzipped(json);
  const answer = { rows: Object.values(columns)[0]?.length ?? 0, json, gzip };
  engine.kept.set(sql, answer);
  engine.keptBytes += json.length + (gzip?.length ?? 0);
  for (const [oldest, { json, gzip }] of engine.kept) {
    if (engine.keptBytes <= KEPT_BYTES) break;
    engine.kept.delete(oldest);
    engine.keptBytes -= json.length + (gzip?.length ?? 0);
  }
  return answer;
}

async function gzipped(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function engineFor(path: string, tables: string[]): Promise<Engine> {
  const open = engines.get(path) ?? openEngine(path, tables);
  // Most recently used last: the first is the one to close.
  engines.delete(path);
  engines.set(path, open);
  open.catch(() => engines.get(path) === open && engines.delete(path));
  while (engines.size > KEPT) {
    const [oldest, evicted] = engines.entries().next().value!;
    engines.delete(oldest);
    evicted.then((e) => {
      e.evicted = true;
      if (!e.answering) return closeEngine(e);
    }, () => {});
  }
  return open;
}

async function openEngine(path: string, tables: string[]): Promise<Engine> {
  const tempDir = await Deno.makeTempDir({ prefix: "linli-answers-" });
  // Two threads: the server answers other requests meanwhile; the memory bound spills or refuses, never swaps.
  const db = await openNativeDuckDB({ memoryLimit: "512MB", threads: 2, tempDir });
  try {
    await attachDatabase(db, path, tables);
    await db.lockDown();
  } catch (e) {
    await closeEngine({ db, tempDir, answering: 0, evicted: true, kept: new Map(), keptBytes: 0 });
    throw e;
  }
  return { db, tempDir, answering: 0, evicted: false, kept: new Map(), keptBytes: 0 };
}

async function closeEngine(engine: Engine): Promise<void> {
  await engine.db.close();
  await Deno.remove(engine.tempDir, { recursive: true }).catch(() => {});
}

/** Closes every engine (a test's end, a server's shutdown). */
export async function closeScopeAnswers(): Promise<void> {
  const open = [...engines.values()];
  engines.clear();
  for (const e of await Promise.allSettled(open)) if (e.status === "fulfilled") await closeEngine(e.value);
}
