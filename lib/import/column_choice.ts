/**
 * The columns of a file previewed for the web import and the fields chosen for them, as a
 * mapping file: what the page needs in the browser (no reader, no geometry), with the same
 * header recognition as the import (lib/import/headers.ts). lib/import/preview.ts reads the file.
 */
import { table as schemaTable } from "../schema.ts";
import { resolveFields, UPDATED_AT } from "./headers.ts";
import type { ImportKind } from "./kinds.ts";

export interface Preview {
  file: string;
  headers: string[];
  /** The first rows, each cell as text. */
  rows: string[][];
  /** Rows the file holds (those the reader could not split included). */
  total: number;
  /** Per column, the field read from it, or null. */
  matched: (string | null)[];
  /** The fields a column may be mapped to, in the table's order. */
  fields: string[];
  /** Entries of the given mapping naming a column this file does not have: left out. */
  dropped: string[];
  /** The mapping's entries other than columns (timezone, values…), kept as they were. */
  options: Record<string, unknown>;
}

/** The fields an import of `kind` reads: the table's columns and the source's own update time (tickets). */
export function mappableFields(kind: ImportKind): string[] {
  const columns = schemaTable(kind).columns.map((c) => c.name);
  return kind === "tickets" ? [...columns, UPDATED_AT] : columns;
}

/**
 * The mapping file for what the page shows: every column's field by name, the columns left
 * unread whose header would be recognised as `ignore`, and the other entries kept. It is the
 * same file `deno task import --map` reads.
 */
export function mappingFor(
  kind: ImportKind,
  headers: string[],
  chosen: (string | null)[],
  options: Record<string, unknown> = {},
): Record<string, unknown> {
  const fields: Record<string, string> = {};
  chosen.forEach((field, i) => {
    if (field) fields[field] = headers[i];
  });
  const recognised = resolveFields(kind, headers, fields);
  const ignore = [...recognised].filter(([field, i]) => !(field in fields) && !chosen[i]).map(([, i]) => headers[i]);
  return { ...options, ...fields, ...(ignore.length ? { ignore } : {}) };
}
