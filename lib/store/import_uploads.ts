/**
 * The web import's uploads, on disk rather than in the server's memory: each request body
 * is streamed to `<store>/imports/uploads/<id>` as it arrives (a temporary file of its own,
 * mode 0600 in a 0700 folder, renamed into place once whole), stopped as soon as it passes
 * the size limit, with `<id>.json` beside it saying whose it is and the file's name. The
 * preview and the import read the file (in their workers); it is removed once imported, and
 * every upload after an hour (lib/store/retention.ts) or when more than a few are waiting.
 */
import { HOUR_MS } from "../time.ts";
import { sweepFolder } from "./retention.ts";
import { writePrivateFile } from "./write_private.ts";

/** How long an upload waits for its import. */
export const UPLOAD_TTL_MS = HOUR_MS;
/** Uploads kept at most (the newest), so a stream of uploads never fills the disk. */
const UPLOADS_KEPT = 4;

export interface Upload {
  id: string;
  /** The file's name as uploaded, without folders. */
  name: string;
  /** Who uploaded it: only they import it. */
  by: string;
  at: number;
  /** The bytes' file: read in a worker, never shown to anyone. */
  path: string;
}

export const uploadsFolder = (storeDir: string) => `${storeDir}/imports/uploads`;

/** Ids are made here; anything else (`../manifest`) names no upload. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Streams `body` into a new upload of `by`, or answers null (nothing kept) once it has
 * passed `limit` bytes. `busy` is an upload being imported, which no sweep removes.
 */
export async function saveUpload(
  storeDir: string,
  body: ReadableStream<Uint8Array> | null,
  { name, by, limit, busy }: { name: string; by: string; limit: number; busy?: string },
): Promise<Upload | null> {
  const folder = uploadsFolder(storeDir);
  await Deno.mkdir(folder, { recursive: true, mode: 0o700 });
  // One place is left for the upload about to be written.
  await sweepUploads(storeDir, { busy, kept: UPLOADS_KEPT - 1 });
  const id = crypto.randomUUID();
  const path = `${folder}/${id}`;
  const tmp = `${path}.tmp`;
  const file = await Deno.open(tmp, { write: true, createNew: true, mode: 0o600 });
  const writer = file.writable.getWriter();
  let size = 0;
  try {
    for await (const chunk of body ?? []) {
      size += chunk.length;
      if (size > limit) break;
      await writer.write(chunk);
    }
    await writer.close();
    if (size > limit) {
      await Deno.remove(tmp);
      return null;
    }
    const upload = { id, name, by, at: Date.now() };
    await writePrivateFile(`${path}.json`, JSON.stringify(upload));
    await Deno.rename(tmp, path);
    return { ...upload, path };
  } catch (e) {
    await writer.abort().catch(() => {});
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}

/** The upload `id`, if it is `by`'s, whole and not expired; an expired one is removed. */
export async function uploadOf(storeDir: string, id: unknown, by: string): Promise<Upload | undefined> {
  if (typeof id !== "string" || !ID.test(id)) return undefined;
  const path = `${uploadsFolder(storeDir)}/${id}`;
  let upload: Omit<Upload, "path">;
  try {
    upload = JSON.parse(await Deno.readTextFile(`${path}.json`));
    await Deno.stat(path);
  } catch {
    return undefined;
  }
  if (Date.now() - upload.at > UPLOAD_TTL_MS) {
    await removeUpload(storeDir, id);
    return undefined;
  }
  return upload.by === by ? { ...upload, path } : undefined;
}

export async function removeUpload(storeDir: string, id: string): Promise<void> {
  const path = `${uploadsFolder(storeDir)}/${id}`;
  await Promise.all([Deno.remove(path), Deno.remove(`${path}.json`)].map((p) => p.catch(() => {})));
}

/**
 * The bytes of an upload, for the worker that previews or imports it. An upload removed
 * meanwhile is the page's message, never the server's path.
 */
export async function readUpload(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new Error("the upload has expired: choose the file again");
    throw new Error("the upload cannot be read: choose the file again");
  }
}

/** Removes uploads past their hour (and any a killed write left), then the oldest beyond `kept`, but `busy`. */
export async function sweepUploads(
  storeDir: string,
  { now = Date.now(), busy, kept = UPLOADS_KEPT }: { now?: number; busy?: string; kept?: number } = {},
): Promise<void> {
  const folder = uploadsFolder(storeDir);
  await sweepFolder(folder, UPLOAD_TTL_MS, now, (name) => busy !== undefined && name.startsWith(busy));
  const waiting: { id: string; at: number }[] = [];
  try {
    for await (const e of Deno.readDir(folder)) {
      const id = e.name.replace(/\.json$/, "");
      if (e.name === id || id === busy) continue;
      const at = await Deno.readTextFile(`${folder}/${e.name}`).then((t) => JSON.parse(t).at, () => 0);
      waiting.push({ id, at });
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  waiting.sort((a, b) => b.at - a.at);
  for (const { id } of waiting.slice(kept)) await removeUpload(storeDir, id);
}
