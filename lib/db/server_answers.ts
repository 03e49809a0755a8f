/**
 * The server's answers to a page's SQL (routes/api/query.ts), as a connector's `query`:
 * the same rows the page's own engine gives on the same scope file (BIGINT as number,
 * times as epoch ms), for a page whose engine is not up yet. A refusal (not a SELECT, a
 * table only the page holds, an answer too long) rejects with the server's reason.
 * Requests go one at a time in the page's lanes (lib/db/query_queue.ts), as they would to
 * the page's engine: the server's cores run one query at full speed rather than a dozen
 * at once, and a chart following a control overtakes the panel's slow figures.
 */
import { columnsToRows, type Connector, type QueryOptions, type TypedColumns } from "./connector.ts";
import { QueryQueue } from "./query_queue.ts";

export const QUERY_URL = "/api/query";

export interface ServerAnswers extends Pick<Connector, "query"> {
  /** The answer by column with the columns' SQL types, as sent: a result without rows still names its columns. */
  answer?(sql: string, options?: QueryOptions): Promise<TypedColumns>;
  cancel?(): Promise<boolean>;
}

export function serverAnswers(
  url = QUERY_URL,
  fetcher: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Required<ServerAnswers> {
  let running: AbortController | null = null;
  // Stopping the running request (for interactive work) drops it on the server too; the queue asks again later.
  const queue = new QueryQueue(() => Promise.resolve(running?.abort()));
  const post = async (sql: string, signal: AbortSignal): Promise<TypedColumns> => {
    const res = await fetcher(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sql }),
      signal,
    });
    const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
    if (!res.ok) throw new Error(`${url}: ${body.error ?? res.status}`);
    return body;
  };
  const answer = (sql: string, options?: QueryOptions) =>
    queue.add(async () => {
      const own = running = new AbortController();
      try {
        return await post(sql, options?.signal ? AbortSignal.any([options.signal, own.signal]) : own.signal);
      } finally {
        if (running === own) running = null;
      }
    }, options);
  return {
    answer,
    query: async <T>(sql: string, options?: QueryOptions) => columnsToRows<T>((await answer(sql, options)).columns),
    // A person's cancel (the workbench's button), not the queue's: the query is dropped, not asked again.
    cancel() {
      const own = running;
      own?.abort(new DOMException("The query was cancelled", "AbortError"));
      return Promise.resolve(own !== null);
    },
  };
}
