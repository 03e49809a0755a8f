/**
 * One import of a file's bytes into a store on disk, for `deno task import` and the web
 * import alike: read the store's tables, run the import library on them, write the rejects,
 * notes, unassigned tickets and overlaps beside the store (0600), set the current version
 * aside (lib/store/previous_version.ts) and write a new one only when something changed,
 * and add the import to the history.
 */
import { notesCsv } from "../import/notes.ts";
import {
  type ImportKind,
  type ImportOptions,
  type ImportOutcome,
  runImport,
  summaryLine,
  TABLES_READ,
} from "../import/pipeline.ts";
import { rejectsCsv } from "../import/rejects.ts";
import { appendHistory, type HistoryEntry } from "./import_history.ts";
import { keepPrevious, restorePrevious } from "./previous_version.ts";
import { readColumns } from "./read_columns.ts";
import { sweepRejects, writeRejectsFile } from "./retention.ts";
import { readManifest, writeStore } from "./store.ts";
import type { Columns } from "../schema.ts";

export interface ImportRun {
  /** What the import library answered; its tables (`columns`, `noteColumns`) are let go once written. */
  outcome: ImportOutcome;
  /** Whether a new version was written (something changed). */
  changed: boolean;
  /** The store's version after the import (unchanged when nothing changed). */
  version: string | null;
  /** Paths of the lists written beside the store. */
  files: { rejects?: string; notes?: string; unassigned?: string; overlaps?: string };
  history: HistoryEntry;
}

export async function importIntoStore(
  dir: string,
  kind: ImportKind,
  name: string,
  bytes: Uint8Array,
  options: ImportOptions & { by: string },
): Promise<ImportRun> {
  const manifest = await readManifest(dir);
  let stored: Record<string, Columns> | null = Object.fromEntries(
    await Promise.all(TABLES_READ[kind].map(async (t) => [t, await readColumns(dir, manifest, t)] as const)),
  );
  const importedAt = Date.now();
  const stamp = new Date(importedAt).toISOString().replace(/[:.]/g, "-");
  const importId = `${stamp} ${kind} ${name}`;
  const outcome = await runImport(kind, name, bytes, stored, { ...options, importId, importedAt });
  // Merged into the outcome, the stored tables (a million tickets on a re-import) are not kept while it is written.
  stored = null;
  options.onPhase?.("write");
  const prefix = `${stamp}-${kind}-${name.replace(/[/\\]/g, "_")}`;
  const files: ImportRun["files"] = {};
  const lists = [
    ["rejects", `${prefix}.csv`, outcome.rejects.length ? rejectsCsv(outcome.rejects) : ""],
    ["notes", `${prefix}.notes.csv`, outcome.notes.length ? notesCsv(outcome.notes) : ""],
    ["unassigned", `${prefix}.unassigned.txt`, outcome.unassigned.map((id) => `${id}\n`).join("")],
    ["overlaps", `${prefix}.overlaps.txt`, outcome.overlaps.map((o) => `${o}\n`).join("")],
  ] as const;
  for (const [list, path, text] of lists) {
    if (!text) continue;
    files[list] = await writeRejectsFile(dir, path, text);
  }
  let version = manifest?.version ?? null;
  const changed = outcome.columns !== null;
  if (outcome.columns) {
    const source = `${manifest?.source ?? "empty"}; import ${kind} ${name}`;
    const tables = {
      [outcome.table]: outcome.columns,
      ...(outcome.notes.length ? { import_notes: outcome.noteColumns } : {}),
    };
    // Held only by `tables` from here, which the write lets go table by table: a million
    // tickets' values are not kept beside their Arrow stream, nor posted back by a worker.
    outcome.columns = null;
    outcome.noteColumns = {};
    if (manifest) await keepPrevious(dir, manifest);
    version = (await writeStore(dir, tables, source)).version;
  }
  // Older reject files hold residents' data past their retention period.
  await sweepRejects(dir);
  const history: HistoryEntry = {
    time: new Date(importedAt).toISOString(),
    action: "import",
    by: options.by,
    kind,
    file: name,
    line: summaryLine(outcome.summary),
    unrecognised: outcome.summary.unrecognised,
    summary: outcome.summary,
    before: manifest?.version ?? null,
    after: version,
    files: Object.fromEntries(Object.entries(files).map(([list, path]) => [list, path.split("/").pop()])),
  };
  await appendHistory(dir, history);
  return { outcome, changed, version, files, history };
}

/**
 * Brings back the version before the latest import or restore, as a new version (the one
 * replaced is set aside in turn), and adds it to the history; null when none was kept.
 */
export async function restoreIntoStore(dir: string, by: string): Promise<HistoryEntry | null> {
  const before = (await readManifest(dir))?.version ?? null;
  const done = await restorePrevious(dir, by);
  if (!done) return null;
  const history: HistoryEntry = {
    time: new Date().toISOString(),
    action: "restore",
    by,
    restored: done.restored,
    before,
    after: done.manifest.version,
  };
  await appendHistory(dir, history);
  return history;
}
