/** Frozen review packs on disk, in the store's folder: `<store>/reviews/<id>.json`. */
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

export async function savePack(storeDir: string, data: ReviewData, now = Date.now()): Promise<ReviewPack> {
  const pack = freeze(data, now);
  await Deno.mkdir(folder(storeDir), { recursive: true });
  // Written aside and renamed, so a reader never sees half a pack.
  const path = `${folder(storeDir)}/${pack.id}.json`;
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(pack));
  await Deno.rename(`${path}.tmp`, path);
  return pack;
}

export async function readPack(storeDir: string, id: string): Promise<ReviewPack | null> {
  if (!isPackId(id)) return null;
  try {
    return JSON.parse(await Deno.readTextFile(`${folder(storeDir)}/${id}.json`));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
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
  const packs = await Promise.all(ids.map((id) => readPack(storeDir, id)));
  return packs.filter((p): p is ReviewPack => p !== null).map(summarise);
}
