/**
 * The server's answers to a page's SQL (routes/api/query.ts), as a connector's `query`:
 * the same rows the page's own engine gives on the same scope file (BIGINT as number,
 * times as epoch ms), for a page whose engine is not up yet. A refusal (not a SELECT, a
 * table only the page holds, an answer too long) rejects with the server's reason.
 * Requests go in the page's lanes (lib/db/query_queue.ts), SLOTS at a time: a page's
 * first figures are a score of small answers, mostly kept by the server from an earlier
 * visit, whose round trips one after another were most of a revisit; more at once would
 * only share the server's two cores, and a chart following a control still overtakes the
 * panel's slow figures.
 */
import { columnsToRows, type Connector, type QueryOptions, type TypedColumns } from "./connector.ts";
import { QueryQueue } from "./query_queue.ts";

export const QUERY_URL = "/api/query";

/** Requests of a page in flight at once. */
const SLOTS = 3;

export interface ServerAnswers extends Pick<Connector, "query"> {
  /** The answer by column with the columns' SQL types, as sent: a result without rows still names its columns. */
  answer?(sql: string, options?: QueryOptions): Promise<TypedColumns>;
  cancel?(): Promise<boolean>;
}

/** `version` is the store version the page shows: answers are of that version or refused, never of a newer one. */
export function serverAnswers(
  version: string,
  url = QUERY_URL,
  fetcher: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Required<ServerAnswers> {
  const running = new Set<AbortController>();
  // A request the queue stops (for interactive work) is dropped on the server too, by its signal; asked again later.
  const queue = new QueryQueue(undefined, SLOTS);
  const post = async (sql: string, signal: AbortSignal): Promise<TypedColumns> => {
    const res = await fetcher(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sql, version }),
      signal,
    });
    const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
    // The server's reason is what a person reads (the workbench shows it as DuckDB's error).
    if (!res.ok) throw new Error(body.error ?? `${url}: ${res.status}`);
    return body;
  };
  const answer = (sql: string, options?: QueryOptions) =>
    queue.add(async (stopped) => {
      const own = new AbortController();
      running.add(own);
      try {
        return await post(sql, AbortSignal.any([stopped, own.signal, ...options?.signal ? [options.signal] : []]));
      } finally {
        running.delete(own);
      }
    }, options);
  return {
    answer,
    query: async <T>(sql: string, options?: QueryOptions) => columnsToRows<T>((await answer(sql, options)).columns),
    // A person's cancel (the workbench's button), not the queue's: the query is dropped, not asked again.
    cancel() {
      const cancelled = running.size > 0;
      for (const own of running) own.abort(new DOMException("The query was cancelled", "AbortError"));
      return Promise.resolve(cancelled);
    },
  };
}
