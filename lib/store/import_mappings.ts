/**
 * Mappings saved by name from the web import, for next month's file:
 * `<store>/imports/mappings/<kind>/<name>.json`, each the same mapping file
 * `deno task import --map` reads (checked by lib/import/mapping.ts before it is saved).
 */
import { parseMapping } from "../import/mapping.ts";
import type { ImportKind } from "../import/pipeline.ts";
import { importsFolder } from "./previous_version.ts";
import { writePrivateFile } from "./write_private.ts";

export interface SavedMapping {
  name: string;
  saved_at: string;
}

/** Letters, digits, spaces, `_`, `-` and `.`, not first: a name that is a file name and nothing more. */
const NAME = /^[\p{L}\p{N}_ -][\p{L}\p{N}_ .-]{0,59}$/u;

export function isMappingName(name: string): boolean {
  return NAME.test(name) && name.trim() === name;
}

const folder = (dir: string, kind: ImportKind) => `${importsFolder(dir)}/mappings/${kind}`;

export function mappingPath(dir: string, kind: ImportKind, name: string): string {
  if (!isMappingName(name)) throw new Error(`not a mapping name: "${name}"`);
  return `${folder(dir, kind)}/${name}.json`;
}

/** Checks and saves the mapping, replacing one of the same name. */
export async function saveMapping(dir: string, kind: ImportKind, name: string, mapping: unknown): Promise<void> {
  parseMapping(mapping, kind);
  const path = mappingPath(dir, kind, name);
  await Deno.mkdir(folder(dir, kind), { recursive: true, mode: 0o700 });
  await writePrivateFile(path, JSON.stringify(mapping, null, 2) + "\n");
}

export async function readMapping(dir: string, kind: ImportKind, name: string): Promise<unknown | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(mappingPath(dir, kind, name)));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
}

/** The kind's saved mappings, newest first. */
export async function listMappings(dir: string, kind: ImportKind): Promise<SavedMapping[]> {
  const saved: SavedMapping[] = [];
  try {
    for await (const e of Deno.readDir(folder(dir, kind))) {
      if (!e.isFile || !e.name.endsWith(".json")) continue;
      const { mtime } = await Deno.stat(`${folder(dir, kind)}/${e.name}`);
      saved.push({ name: e.name.slice(0, -".json".length), saved_at: (mtime ?? new Date(0)).toISOString() });
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return saved.sort((a, b) => b.saved_at.localeCompare(a.saved_at) || a.name.localeCompare(b.name));
}
