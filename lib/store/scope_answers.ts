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
import type { TypedColumns } from "../db/connector.ts";
import { type NativeConnector, openNativeDuckDB, type SelectLimits } from "../db/duckdb_native.ts";
import { attachDatabase } from "./scope_database.ts";
import { builtFacts, factsKey, hasFacts, readFacts, scopeFacts } from "./scope_facts.ts";

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
  /** Shared with the engine that replaces this one on the same file. */
  answers: { kept: Map<string, SentAnswer>; bytes: number };
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
  return (await answerOn(await engineFor(path, tables), sql, signal)).columns;
}

async function answerOn(engine: Engine, sql: string, signal?: AbortSignal): Promise<TypedColumns> {
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
  const { answers } = engine;
  const kept = answers.kept.get(sql);
  if (kept) {
    answers.kept.delete(sql);
    answers.kept.set(sql, kept);
    return kept;
  }
  const { columns, types } = await answerOn(engine, sql, signal);
  const json = new TextEncoder().encode(JSON.stringify({ columns, types }));
  const gzip = json.length < COMPRESSED_FROM ? null : await gzipped(json);
  const answer = { rows: Object.values(columns)[0]?.length ?? 0, json, gzip };
  answers.kept.set(sql, answer);
  answers.bytes += json.length + (gzip?.length ?? 0);
  for (const [oldest, { json, gzip }] of answers.kept) {
    if (answers.bytes <= KEPT_BYTES) break;
    answers.kept.delete(oldest);
    answers.bytes -= json.length + (gzip?.length ?? 0);
  }
  return answer;
}

async function gzipped(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Answers kept by an engine retired for one that reads the facts file: the same file, the same answers. */
const carried = new Map<string, Engine["answers"]>();

/** Facts builds started by engines, awaited on shutdown. */
const factsBuilds = new Set<Promise<void>>();

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
  const answers = carried.get(path) ?? { kept: new Map(), bytes: 0 };
  carried.delete(path);
  const engine: Engine = { db, tempDir, answering: 0, evicted: false, answers };
  let facts: string | null = null;
  try {
    await attachDatabase(db, path, tables);
    facts = hasFacts(tables) ? await builtFacts(path, await factsKey(db)) : null;
    if (facts) await readFacts(db, facts);
    await db.lockDown();
  } catch (e) {
    await closeEngine({ ...engine, evicted: true });
    throw e;
  }
  // Meanwhile the view answers, as in the browser; the next request after the build opens an engine on the file.
  if (!facts && hasFacts(tables)) {
    const build = scopeFacts(path, tables).then(
      () => retire(path, engine),
      (e) => console.error(`${path}: building the tickets' facts failed:`, e),
    ).finally(() => factsBuilds.delete(build));
    factsBuilds.add(build);
  }
  return engine;
}

function retire(path: string, engine: Engine): void {
  const open = engines.get(path);
  if (!open) return;
  open.then((current) => {
    if (current !== engine || engines.get(path) !== open) return;
    engines.delete(path);
    carried.set(path, engine.answers);
    engine.evicted = true;
    if (!engine.answering) return closeEngine(engine);
  }, () => {});
}

async function closeEngine(engine: Engine): Promise<void> {
  await engine.db.close();
  await Deno.remove(engine.tempDir, { recursive: true }).catch(() => {});
}

/** Closes every engine (a test's end, a server's shutdown). */
export async function closeScopeAnswers(): Promise<void> {
  await Promise.allSettled([...factsBuilds]);
  carried.clear();
  const open = [...engines.values()];
  engines.clear();
  for (const e of await Promise.allSettled(open)) if (e.status === "fulfilled") await closeEngine(e.value);
}
