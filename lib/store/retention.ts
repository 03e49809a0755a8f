/**
 * Files that hold residents' names, phones and addresses as the source files had them:
 * written readable by the server's user only, and removed once older than their retention
 * period. Reject and unassigned files (`<store>/rejects/`) are kept `LINLI_RETENTION_DAYS`
 * (default 90); the web import's uploads (lib/store/import_uploads.ts) an hour.
 */
import { envNumber } from "../config.ts";
import { DAY_MS } from "../time.ts";
import { writePrivateFile } from "./write_private.ts";

export const rejectsFolder = (storeDir: string) => `${storeDir}/rejects`;

export const retentionDays = () => envNumber("LINLI_RETENTION_DAYS", 90);

/** Writes `<store>/rejects/<name>` (mode 0600, in a folder of mode 0700) and answers its path. */
export async function writeRejectsFile(storeDir: string, name: string, text: string): Promise<string> {
  if (name.includes("/") || name.startsWith(".")) throw new Error(`not a file name: ${name}`);
  await Deno.mkdir(rejectsFolder(storeDir), { recursive: true, mode: 0o700 });
  const path = `${rejectsFolder(storeDir)}/${name}`;
  await writePrivateFile(path, text);
  return path;
}

/** Removes the reject files last written more than `days` ago; answers their names. */
export function sweepRejects(storeDir: string, days = retentionDays(), now = Date.now()): Promise<string[]> {
  return sweepFolder(rejectsFolder(storeDir), days * DAY_MS, now);
}

/** Removes the files of `folder` last written more than `maxAgeMs` ago, but those in `keep`; answers their names. */
export async function sweepFolder(
  folder: string,
  maxAgeMs: number,
  now = Date.now(),
  keep: (name: string) => boolean = () => false,
): Promise<string[]> {
  const removed: string[] = [];
  try {
    for await (const e of Deno.readDir(folder)) {
      if (!e.isFile || keep(e.name)) continue;
      const { mtime } = await Deno.stat(`${folder}/${e.name}`).catch(() => ({ mtime: null }));
      if (mtime && now - mtime.getTime() > maxAgeMs) {
        await Deno.remove(`${folder}/${e.name}`).catch(() => {});
        removed.push(e.name);
      }
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return removed.sort();
}
