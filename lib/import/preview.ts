/**
 * What the web import shows before it imports: the file's first rows and, per column, the
 * canonical field the import would read from it, with the same header recognition and
 * mapping as the import itself (lib/import/headers.ts, mapping.ts). A saved mapping that
 * names columns this file does not have keeps the rest, and says which were dropped.
 */
import { mappableFields, type Preview } from "./column_choice.ts";
import { resolveFields } from "./headers.ts";
import { defaultMapping, type Mapping, parseMapping } from "./mapping.ts";
import { type ImportKind, type ImportOptions, readRows } from "./pipeline.ts";

export type { Preview } from "./column_choice.ts";

/** Rows shown under the headers. */
export const PREVIEW_ROWS = 8;
/** Characters of a cell shown; the import reads it whole. */
const CELL_CHARS = 80;

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
