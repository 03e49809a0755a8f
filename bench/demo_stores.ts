/**
 * The stores the benches run on, built by the bench that needs them on its first run and
 * kept under data/stores (not committed), so `deno task bench` works on a fresh clone.
 */
import { ROOT } from "../lib/config.ts";
import { DEFAULT_SEED } from "../lib/demo/generate.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { readManifest } from "../lib/store/store.ts";

/** Where the benches keep their stores. */
export const BENCH_STORES = `${ROOT}/data/stores`;

/**
 * A demo store of `tickets` in `root/demo-<name>`, built when it is missing (and said so
 * through `log`). One already there for the same seed and size is used as it is even when
 * the generator has changed since: query speed does not depend on the generator's details,
 * and a 10M store takes many minutes to build.
 */
export async function demoStore(
  name: string,
  tickets: number,
  log: (message: string) => void,
  root = BENCH_STORES,
): Promise<string> {
  const dir = `${root}/demo-${name.toLowerCase()}`;
  const source = (await readManifest(dir))?.source ?? "";
  if (source.startsWith(`demo seed=${DEFAULT_SEED} tickets=${tickets} `)) return dir;
  log(`no demo store of ${tickets} tickets in ${dir}: building it (once; kept for the next runs)`);
  await ensureDemoStore(dir, { tickets });
  return dir;
}
