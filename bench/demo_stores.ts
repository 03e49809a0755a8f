/** Demo stores of a given size, built once and kept under data/stores (not committed). */
import { ROOT } from "../lib/config.ts";
import { DEFAULT_SEED } from "../lib/demo/generate.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { readManifest } from "../lib/store/store.ts";

/**
 * A demo store of `tickets` under data/stores. One already there for the same seed and
 * size is used as it is even when the generator has changed since: query speed does not
 * depend on the generator's details, and a 10M store takes many minutes to build.
 */
export async function demoStore(name: string, tickets: number): Promise<string> {
  const dir = `${ROOT}/data/stores/demo-${name.toLowerCase()}`;
  const source = (await readManifest(dir))?.source ?? "";
  if (!source.startsWith(`demo seed=${DEFAULT_SEED} tickets=${tickets} `)) await ensureDemoStore(dir, { tickets });
  return dir;
}
