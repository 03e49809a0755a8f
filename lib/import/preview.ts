/**
 * What the web import shows before it imports: the file's first rows and, per column, the
 * canonical field the import would read from it, with the same header recognition and
 * mapping as the import itself (lib/import/headers.ts, mapping.ts). A saved mapping that
 * names columns this file does not have keeps the rest, and says which were dropped.
 */
import { table as schemaTable } from "../schema.ts";
import { resolveFields, UPDATED_AT } from "./headers.ts";
import { defaultMapping, type Mapping, parseMapping } from "./mapping.ts";
import { type ImportKind, type ImportOptions, readRows } from "./pipeline.ts";

/** Rows shown under the headers. */
export const PREVIEW_ROWS = 8;
/** Characters of a cell shown; the import reads it whole. */
const CELL_CHARS = 80;

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

function cellText(value: unknown): string {
  if (value == null) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text;
}

/** Splits a mapping file's JSON into its column entries (checked) and the rest. */
function columnEntries(json: unknown, kind: ImportKind): { mapping: Mapping; options: Record<string, unknown> } {
  if (json === undefined) return { mapping: defaultMapping(), options: {} };
  const mapping = parseMapping(json, kind);
  const options = Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(([k]) => !(k in mapping.fields) && k !== "ignore"),
  );
  return { mapping, options };
}

export async function previewImport(
  kind: ImportKind,
  name: string,
  bytes: Uint8Array,
  mappingJson?: unknown,
  options: Pick<ImportOptions, "coords" | "xlsxLimit"> = {},
): Promise<Preview> {
  const raw = await readRows(kind, name, bytes, options);
  const { mapping, options: rest } = columnEntries(mappingJson, kind);
  const dropped = Object.entries(mapping.fields).filter(([, column]) => !raw.headers.includes(column))
    .map(([field, column]) => `${field} ← ${column}`);
  const present = Object.fromEntries(Object.entries(mapping.fields).filter(([, c]) => raw.headers.includes(c)));
  const byField = resolveFields(kind, raw.headers, present, mapping.ignored);
  const matched: (string | null)[] = raw.headers.map(() => null);
  for (const [field, index] of byField) matched[index] = field;
  return {
    file: name,
    headers: raw.headers,
    rows: raw.rows.slice(0, PREVIEW_ROWS).map((r) => raw.headers.map((_, i) => cellText(r.cells[i]))),
    total: raw.rows.length + raw.rejects.length,
    matched,
    fields: mappableFields(kind),
    dropped,
    options: rest,
  };
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
