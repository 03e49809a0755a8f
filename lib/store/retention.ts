/**
 * Reject and unassigned files (`<store>/rejects/`) hold residents' names, phones and
 * addresses as the source files had them: written readable by the server's user only, and
 * removed once older than the retention period (`LINLI_RETENTION_DAYS`, default 90).
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

/** Removes the files last written more than `days` ago; answers their names. */
export async function sweepRejects(storeDir: string, days = retentionDays(), now = Date.now()): Promise<string[]> {
  const folder = rejectsFolder(storeDir);
  const removed: string[] = [];
  try {
    for await (const e of Deno.readDir(folder)) {
      if (!e.isFile) continue;
      const { mtime } = await Deno.stat(`${folder}/${e.name}`);
      if (mtime && now - mtime.getTime() > days * DAY_MS) {
        await Deno.remove(`${folder}/${e.name}`);
        removed.push(e.name);
      }
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  return removed.sort();
}
