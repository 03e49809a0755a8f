/** `deno task build`: the island bundles into `_build/islands/`, so the server needs no permission to run esbuild. */
import { islandEntries, writeIslandBuild } from "../framework/build.ts";
import { PREBUILT_ISLANDS, ROOT } from "../lib/config.ts";

const built = await writeIslandBuild(ROOT, await islandEntries(ROOT), PREBUILT_ISLANDS);
console.log(`built ${Object.keys(built.modules).length} islands into ${PREBUILT_ISLANDS}`);
