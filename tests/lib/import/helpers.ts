/** Shared by the import tests: fixtures, the real data folder, running one import. */
import type { Columns } from "../../../lib/schema.ts";
import { type ImportKind, type ImportOptions, runImport } from "../../../lib/import/pipeline.ts";

export const FIXTURES = new URL("../../fixtures/import/", import.meta.url);
/** Real third-party files, credited in tests/fixtures/real/SOURCES.md. */
export const REAL = new URL("../../fixtures/real/", import.meta.url);

export const encode = (text: string) => new TextEncoder().encode(text);

export function run(
  kind: ImportKind,
  name: string,
  content: string | Uint8Array,
  stored: Record<string, Columns> = {},
  options: ImportOptions = {},
) {
  return runImport(kind, name, typeof content === "string" ? encode(content) : content, stored, options);
}

export async function mapping(name: string): Promise<unknown> {
  return JSON.parse(await Deno.readTextFile(new URL(name, FIXTURES)));
}

export function row(columns: Columns, key: string, id: unknown): Record<string, unknown> {
  const i = columns[key].indexOf(id);
  if (i < 0) throw new Error(`no row ${key}=${id}`);
  return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, values[i]]));
}
