/**
 * The store version before the latest import or restore, set aside so the web import can
 * bring it back: `<store>/imports/previous/` holds its manifest and hard links to its table
 * files (a write removes the old version folders; the links keep their files). Restoring
 * writes a new version equal to it, and sets the one it replaces aside in turn, so a
 * restore can itself be undone and nothing is lost.
 */
import { linkTable, type Manifest, readManifest, writeStoreAs } from "./store.ts";

export const importsFolder = (dir: string) => `${dir}/imports`;
const previousFolder = (dir: string) => `${importsFolder(dir)}/previous`;

/** The version set aside, or null when there is none. */
export async function readPrevious(dir: string): Promise<Manifest | null> {
  return await readManifest(previousFolder(dir));
}

/** Sets `current` (the store's manifest as it is now) aside as the previous version, replacing the one kept. */
export async function keepPrevious(dir: string, current: Manifest): Promise<void> {
  await Deno.mkdir(importsFolder(dir), { recursive: true, mode: 0o700 });
  const tmp = `${importsFolder(dir)}/previous.${crypto.randomUUID()}.tmp`;
  await Deno.mkdir(`${tmp}/${current.version}`, { recursive: true });
  try {
    for (const entry of Object.values(current.tables)) await linkTable(dir, current.version, entry, tmp);
    await Deno.writeTextFile(`${tmp}/manifest.json`, JSON.stringify(current, null, 2));
    await Deno.remove(previousFolder(dir), { recursive: true }).catch(() => {});
    await Deno.rename(tmp, previousFolder(dir));
  } catch (e) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    throw e;
  }
}

/**
 * Writes a new version whose tables are the previous version's, and sets the current one
 * aside in its place. Answers the new manifest and the version brought back, or null when
 * no version was set aside.
 */
export async function restorePrevious(
  dir: string,
  by: string,
): Promise<{ manifest: Manifest; restored: string } | null> {
  const kept = await readPrevious(dir);
  const current = await readManifest(dir);
  if (!kept || !current) return null;
  const restoring = `${importsFolder(dir)}/restoring.${crypto.randomUUID()}`;
  await Deno.rename(previousFolder(dir), restoring);
  try {
    await keepPrevious(dir, current);
    const manifest = await writeStoreAs(dir, restoring, kept, `${kept.source}; restored ${kept.version} by ${by}`);
    return { manifest, restored: kept.version };
  } catch (e) {
    // The store is as it was: put the version that was to come back where it was.
    await Deno.remove(previousFolder(dir), { recursive: true }).catch(() => {});
    await Deno.rename(restoring, previousFolder(dir));
    throw e;
  } finally {
    await Deno.remove(restoring, { recursive: true }).catch(() => {});
  }
}
