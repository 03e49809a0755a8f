/**
 * The import history of a store (`<store>/imports/history.jsonl`, one JSON object a line,
 * appended): who imported which file when, its summary and the store versions before and
 * after, and the restores. The web import shows it; command-line imports are in it too.
 */
import type { ImportKind, Summary } from "../import/pipeline.ts";
import { readJsonLines } from "../json_lines.ts";
import { importsFolder } from "./previous_version.ts";

export interface HistoryEntry {
  time: string;
  action: "import" | "restore";
  /** The account, or `cli:<OS user>` for `deno task import`. */
  by: string;
  kind?: ImportKind;
  file?: string;
  /** The summary line, as the command prints it, and the words not recognised. */
  line?: string;
  unrecognised?: string[];
  summary?: Summary;
  /** A restore: the version whose tables it brought back (as a new version, `after`). */
  restored?: string;
  /** The store's version before and after (equal when nothing changed). */
  before: string | null;
  after: string | null;
  /** The lists written beside the store (file names in `<store>/rejects/`). */
  files?: { rejects?: string; notes?: string; unassigned?: string; overlaps?: string };
}

const historyFile = (dir: string) => `${importsFolder(dir)}/history.jsonl`;

export async function appendHistory(dir: string, entry: HistoryEntry): Promise<void> {
  await Deno.mkdir(importsFolder(dir), { recursive: true, mode: 0o700 });
  await Deno.writeTextFile(historyFile(dir), JSON.stringify(entry) + "\n", { append: true, mode: 0o600 });
}

/** The newest `last` entries, newest first. */
export async function readHistory(dir: string, last = 100): Promise<HistoryEntry[]> {
  return (await readJsonLines<HistoryEntry>(historyFile(dir))).slice(-last).reverse();
}
