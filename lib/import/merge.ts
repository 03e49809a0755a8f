/**
 * Imported rows into a stored table, by the table's key from lib/schema.ts: a new key
 * is added, a row identical to the stored one leaves it alone, a differing one replaces
 * it. Columns the import does not supply keep their stored values, so a file without,
 * say, a handler column does not erase the handlers another import stored.
 */
import { type Columns, table as schemaTable } from "../schema.ts";
import { KeyIndex, keyOf } from "./key_index.ts";

export interface MergeResult {
  /** The whole table after the merge; null when nothing changed, so no new version is written. */
  columns: Columns | null;
  added: number;
  updated: number;
  unchanged: number;
  /** Rows older than the stored version of the same key, which was kept. */
  older: number;
}

/** A row's version time, when the table has one: the newer of two rows with one key wins. */
export type VersionOf = (columns: Columns, i: number) => number | null;

/**
 * Rows of one file that share a key: the newest (by `versionOf`, else the last in the
 * file) is kept; the indices of the others are returned with the index that superseded them.
 */
export function duplicatesWithin(
  tableName: string,
  columns: Columns,
  versionOf?: VersionOf,
): { dropped: number; keptBy: number }[] {
  const keys = schemaTable(tableName).key.map((k) => columns[k]);
  const n = keys[0].length;
  const kept = new KeyIndex(keys, n);
  const dropped: { dropped: number; keptBy: number }[] = [];
  for (let i = 0; i < n; i++) {
    const key = keyOf(keys, i);
    const previous = kept.get(key);
    if (previous === undefined) kept.set(key, i);
    else if (versionOf && (versionOf(columns, i) ?? -Infinity) < (versionOf(columns, previous) ?? -Infinity)) {
      dropped.push({ dropped: i, keptBy: previous });
    } else {
      dropped.push({ dropped: previous, keptBy: i });
      kept.set(key, i);
    }
  }
  return dropped;
}

/** Keeps the rows whose index is not in `drop`, in every column. */
export function withoutRows(columns: Columns, drop: Set<number>): Columns {
  if (drop.size === 0) return columns;
  return Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [name, values.filter((_, i) => !drop.has(i))]),
  );
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}

export function upsert(
  tableName: string,
  stored: Columns | null,
  incoming: Columns,
  supplied: Iterable<string>,
  versionOf?: VersionOf,
): MergeResult {
  const schema = schemaTable(tableName);
  const names = schema.columns.map((c) => c.name);
  const suppliedColumns = names.filter((name) => new Set(supplied).has(name));
  const base: Columns = Object.fromEntries(names.map((name) => [name, stored?.[name] ?? []]));
  const storedCount = base[schema.key[0]].length;
  const storedKeys = schema.key.map((k) => base[k]);
  const rowsByKey = new KeyIndex(storedKeys, storedCount);
  for (let i = 0; i < storedCount; i++) rowsByKey.set(keyOf(storedKeys, i), i);

  const incomingKeys = schema.key.map((k) => incoming[k]);
  const result: MergeResult = { columns: null, added: 0, updated: 0, unchanged: 0, older: 0 };
  const replaced: [number, number][] = [];
  const added: number[] = [];
  for (let j = 0; j < incomingKeys[0].length; j++) {
    const i = rowsByKey.get(keyOf(incomingKeys, j));
    if (i === undefined) {
      added.push(j);
    } else if (suppliedColumns.every((name) => same(base[name][i], incoming[name][j]))) {
      result.unchanged++;
    } else if (versionOf && (versionOf(incoming, j) ?? Infinity) < (versionOf(base, i) ?? -Infinity)) {
      result.older++;
    } else {
      replaced.push([i, j]);
    }
  }
  result.added = added.length;
  result.updated = replaced.length;
  if (added.length === 0 && replaced.length === 0) return result;
  result.columns = Object.fromEntries(names.map((name) => {
    // Into an empty table (a district's first import) every row is added in order: the
    // file's column is the table's, not copied (a million rows by thirty columns).
    if (storedCount === 0 && suppliedColumns.includes(name)) return [name, incoming[name]];
    const values = base[name].slice();
    if (!suppliedColumns.includes(name)) {
      values.length += added.length;
      return [name, values.fill(null, storedCount)];
    }
    const from = incoming[name];
    for (const [i, j] of replaced) values[i] = from[j];
    // Sized once: a million pushes per column, for thirty columns, is a second of a large import.
    values.length = storedCount + added.length;
    for (let k = 0; k < added.length; k++) values[storedCount + k] = from[added[k]];
    return [name, values];
  }));
  return result;
}
