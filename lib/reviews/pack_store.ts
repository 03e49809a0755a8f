/**
 * Frozen review packs on disk, in the store's folder: `<store>/reviews/<id>.json`, and beside
 * each its summary (`<id>.summary.json`), so listing a period never reads its packs' tables.
 */
import { writePrivateFile } from "../store/write_private.ts";
import { openDenoDuckDB } from "../db/duckdb_deno.ts";
import { maskRows } from "../privacy/mask_rows.ts";
import { freeze, isPackId, type PackSummary, type ReviewPack, summarise } from "./pack.ts";
import type { ReviewData } from "./review.ts";

/**
 * A review as the archive keeps it: every role that may read reviews reads the same
 * packs, so residents' fields are masked whoever froze it (an admin's worklist shows
 * them as stored). Run in a worker (lib/store/in_worker.ts).
 */
export async function maskedForArchive(data: ReviewData): Promise<ReviewData> {
  if (!Array.isArray(data?.tables)) return data;
  const db = await openDenoDuckDB();
  try {
    const tables = [];
    for (const t of data.tables) tables.push(Array.isArray(t.rows) ? { ...t, rows: await maskRows(db, t.rows) } : t);
    return { ...data, tables };
  } finally {
    await db.close();
  }
}

const folder = (storeDir: string) => `${storeDir}/reviews`;
const summaryFile = (storeDir: string, id: string) => `${folder(storeDir)}/${id}.summary.json`;

export async function savePack(storeDir: string, data: ReviewData, now = Date.now()): Promise<ReviewPack> {
  const pack = freeze(data, now);
  await Deno.mkdir(folder(storeDir), { recursive: true });
  // The summary first: a pack that is listed always has one.
  await writePrivateFile(summaryFile(storeDir, pack.id), JSON.stringify(summarise(pack)));
  await writePrivateFile(`${folder(storeDir)}/${pack.id}.json`, JSON.stringify(pack));
  return pack;
}

/** The file holding a pack, or null when the id names none (never a path outside the folder). */
export async function packFile(storeDir: string, id: string): Promise<string | null> {
  if (!isPackId(id)) return null;
  const path = `${folder(storeDir)}/${id}.json`;
  try {
    return (await Deno.stat(path)).isFile ? path : null;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

export async function readPack(storeDir: string, id: string): Promise<ReviewPack | null> {
  const path = await packFile(storeDir, id);
  return path && JSON.parse(await Deno.readTextFile(path));
}

/** The packs of one period, newest first. */
export async function listPacks(storeDir: string, kind: string, period: string): Promise<PackSummary[]> {
  const prefix = `${kind}-${period}-`;
  const ids: string[] = [];
  try {
    for await (const e of Deno.readDir(folder(storeDir))) {
      const id = e.name.replace(/\.json$/, "");
      if (e.isFile && e.name.endsWith(".json") && id.startsWith(prefix) && isPackId(id)) ids.push(id);
    }
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  ids.sort().reverse();
  return await Promise.all(ids.map((id) => readSummary(storeDir, id)));
}

async function readSummary(storeDir: string, id: string): Promise<PackSummary> {
  try {
    return JSON.parse(await Deno.readTextFile(summaryFile(storeDir, id)));
  } catch (e) {
    // Packs frozen before summaries were kept.
    if (e instanceof Deno.errors.NotFound) return summarise((await readPack(storeDir, id))!);
    throw e;
  }
}
