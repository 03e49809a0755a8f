/**
 * A page's connection while its own engine starts: queries that read go to the server
 * (lib/db/server_answers.ts) until the page's engine holds the store, then to it. Whatever
 * the server cannot answer (a table the page created, a refusal, the server gone) waits
 * for the page's engine, which is started then if it was not yet: the server only makes
 * the first figures sooner, never different. A workbench's Arrow result is the server's
 * answer too, typed by its columns (lib/db/server_held.ts).
 */
import type { Table as ArrowTable } from "apache-arrow";
import type { Connector, QueryOptions } from "./connector.ts";
import { isAbort } from "./query_queue.ts";
import type { ServerAnswers } from "./server_answers.ts";

/** What the server may answer: a statement that reads. It refuses the rest as well; asking would cost a round trip. */
const READS = /^\s*(\(|SELECT\b|WITH\b|FROM\b)/i;

export interface ServerFirst extends Connector {
  /** Starts the page's engine now, if nothing has yet; resolves once it holds the store. */
  local(): Promise<Connector>;
}

/** `startLocal` is called once, on the first need or `local()`. */
export function serverFirst(server: ServerAnswers, startLocal: () => Promise<Connector>): ServerFirst {
  let started: Promise<Connector> | undefined;
  let ready: Connector | null = null;
  const local = () => started ??= startLocal().then((db) => ready = db);
  const onLocal = <T>(run: (db: Connector) => Promise<T>) => local().then(run);
  /** The server's answer (`remote`) while the engine is not up and the server may answer `sql`, else the engine's. */
  const first = async <T>(
    sql: string,
    options: QueryOptions | undefined,
    remote: (() => Promise<T>) | undefined,
    run: (db: Connector) => Promise<T>,
  ): Promise<T> => {
    if (ready || !remote || !READS.test(sql)) return onLocal(run);
    try {
      return await remote();
    } catch (e) {
      if (isAbort(e) || options?.signal?.aborted) throw e;
      return onLocal(run);
    }
  };
  const { answer } = server;
  return {
    local,
    query: <T>(sql: string, options?: QueryOptions) =>
      first(sql, options, () => server.query<T>(sql, options), (db) => db.query<T>(sql, options)),
    queryArrow: (sql, options): Promise<ArrowTable> =>
      first(
        sql,
        options,
        // Arrow's code is imported when first needed, not part of a page's first script.
        answer && (async () => (await import("./server_held.ts")).answerToArrow(await answer(sql, options))),
        (db) => db.queryArrow(sql, options),
      ),
    insertArrowStream: (name, bytes) => onLocal((db) => db.insertArrowStream(name, bytes)),
    registerFile: (name, bytes) => onLocal((db) => db.registerFile(name, bytes)),
    cancel: () => ready ? ready.cancel() : server.cancel?.() ?? Promise.resolve(false),
    close: () => started ? started.then((db) => db.close()) : Promise.resolve(),
  };
}
