/**
 * A file's brotli twin (`<file>.br`), which the data route sends to a browser or script
 * that accepts brotli. The import writes a large store table (a million tickets: 216 MB of
 * Arrow) without one: compressing it would hold the import's thread 1.5–3.5 s, and only
 * scripts download single tables (the pages open the scope's database). The twin is then
 * made on the table's first download, once however many ask, written aside and renamed.
 */
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";

const compress = promisify(brotliCompress);

/** Past this, a store table's twin is left to its first download. */
export const TWIN_ON_DOWNLOAD_BYTES = 64 * 2 ** 20;

/**
 * Quality 5 gives most of the gain of 11 at a small part of its time; for large files
 * quality 3 runs 5× faster still (at 50 MB) for 15% more bytes, and past 64 MB quality 1
 * halves the time again for 11% more.
 */
function quality(bytes: Uint8Array): number {
  return bytes.length > TWIN_ON_DOWNLOAD_BYTES ? 1 : bytes.length > 16 * 2 ** 20 ? 3 : 5;
}

export function brotli(bytes: Uint8Array): Promise<Uint8Array> {
  return compress(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality(bytes) } });
}

/** Writes a file and its twin; the file is written by Deno's I/O threads while this one compresses. */
export async function writeWithBrotli(path: string, bytes: Uint8Array) {
  const written = Deno.writeFile(path, bytes);
  const compressed = await brotli(bytes);
  await Promise.all([written, Deno.writeFile(`${path}.br`, compressed)]);
}

const making = new Map<string, Promise<boolean>>();

/** Whether `path` has its twin, made now if it had none; false when it cannot be (the file is gone). */
export function ensureBrotliTwin(path: string): Promise<boolean> {
  let made = making.get(path);
  if (!made) {
    made = makeTwin(path).finally(() => making.delete(path));
    making.set(path, made);
  }
  return made;
}

async function makeTwin(path: string): Promise<boolean> {
  const twin = `${path}.br`;
  if (await Deno.stat(twin).then(() => true, () => false)) return true;
  const part = `${twin}.${crypto.randomUUID()}.tmp`;
  try {
    await Deno.writeFile(part, await brotli(await Deno.readFile(path)));
    await Deno.rename(part, twin);
    return true;
  } catch (e) {
    await Deno.remove(part).catch(() => {});
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}
