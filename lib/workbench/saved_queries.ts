/**
 * Named queries and the history of queries run, kept in the browser's own storage
 * (passed in, so tests use a plain object). Nothing leaves the browser.
 */

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SavedQuery {
  name: string;
  sql: string;
  saved_at: number;
}

const SAVED_KEY = "linli.sql.saved";
const HISTORY_KEY = "linli.sql.history";
export const HISTORY_LIMIT = 30;

function read<T>(storage: KeyValueStorage, key: string): T[] {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? "[]");
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function savedQueries(storage: KeyValueStorage): SavedQuery[] {
  return read<SavedQuery>(storage, SAVED_KEY);
}

/** Saving under an existing name replaces that query. */
export function saveQuery(storage: KeyValueStorage, name: string, sql: string, now = Date.now()): SavedQuery[] {
  const list = [{ name, sql, saved_at: now }, ...savedQueries(storage).filter((q) => q.name !== name)];
  storage.setItem(SAVED_KEY, JSON.stringify(list));
  return list;
}

export function deleteQuery(storage: KeyValueStorage, name: string): SavedQuery[] {
  const list = savedQueries(storage).filter((q) => q.name !== name);
  storage.setItem(SAVED_KEY, JSON.stringify(list));
  return list;
}

export function history(storage: KeyValueStorage): string[] {
  return read<string>(storage, HISTORY_KEY);
}

/** Most recent first; running a query again moves it to the top instead of repeating it. */
export function remember(storage: KeyValueStorage, sql: string): string[] {
  const list = [sql, ...history(storage).filter((q) => q !== sql)].slice(0, HISTORY_LIMIT);
  storage.setItem(HISTORY_KEY, JSON.stringify(list));
  return list;
}

/** The shareable URL of a query: the workbench's address with the text in `q`. */
export function queryUrl(base: string, sql: string): string {
  const url = new URL(base);
  url.searchParams.set("q", sql);
  return url.toString();
}
