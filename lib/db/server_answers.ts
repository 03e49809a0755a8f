/**
 * The server's answers to a page's SQL (routes/api/query.ts), as a connector's `query`:
 * the same rows the page's own engine gives on the same scope file (BIGINT as number,
 * times as epoch ms), for a page whose engine is not up yet. A refusal (not a SELECT, a
 * table only the page holds, an answer too long) rejects with the server's reason.
 * Requests go one at a time in the page's lanes (lib/db/query_queue.ts), as they would to
 * the page's engine: the server's cores run one query at full speed rather than a dozen
 * at once, and a chart following a control overtakes the panel's slow figures.
 */
import { columnsToRows, type Connector, type QueryOptions } from "./connector.ts";
import { QueryQueue } from "./query_queue.ts";

export const QUERY_URL = "/api/query";

export type ServerAnswers = Pick<Connector, "query">;

export function serverAnswers(
  url = QUERY_URL,
  fetcher: (url: string, init: RequestInit) => Promise<Response> = fetch,
): ServerAnswers {
  let running: AbortController | null = null;
  // Stopping the running request (for interactive work) drops it on the server too; the queue asks again later.
  const queue = new QueryQueue(() => Promise.resolve(running?.abort()));
  const post = async <T>(sql: string, signal: AbortSignal): Promise<T[]> => {
    const res = await fetcher(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sql }),
      signal,
    });
    const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
    if (!res.ok) throw new Error(`${url}: ${body.error ?? res.status}`);
    return columnsToRows<T>(body.columns);
  };
  return {
    query: <T>(sql: string, options?: QueryOptions) =>
      queue.add(() => {
        const own = running = new AbortController();
        return post<T>(sql, options?.signal ? AbortSignal.any([options.signal, own.signal]) : own.signal);
      }, options),
  };
}
