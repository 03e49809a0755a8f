/**
 * A page's connection while its own engine starts: queries that read go to the server
 * (lib/db/server_answers.ts) until the page's engine holds the store, then to it. Whatever
 * the server cannot answer (a table the page created, a refusal, the server gone) waits
 * for the page's engine, which is started then if it was not yet: the server only makes
 * the first figures sooner, never different.
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
  return {
    local,
    async query<T>(sql: string, options?: QueryOptions): Promise<T[]> {
      if (ready || !READS.test(sql)) return onLocal((db) => db.query<T>(sql, options));
      try {
        return await server.query<T>(sql, options);
      } catch (e) {
        if (isAbort(e) || options?.signal?.aborted) throw e;
        return onLocal((db) => db.query<T>(sql, options));
      }
    },
    queryArrow: (sql, options): Promise<ArrowTable> => onLocal((db) => db.queryArrow(sql, options)),
    insertArrowStream: (name, bytes) => onLocal((db) => db.insertArrowStream(name, bytes)),
    registerFile: (name, bytes) => onLocal((db) => db.registerFile(name, bytes)),
    // What runs on the server stops with its request's signal.
    cancel: () => ready ? ready.cancel() : Promise.resolve(false),
    close: () => started ? started.then((db) => db.close()) : Promise.resolve(),
  };
}
