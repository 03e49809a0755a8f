/**
 * `deno task bench [filter]`: runs every bench registered by a `bench/*.bench.ts` file,
 * or only those whose name contains the filter. Found by listing the folder, so a new
 * bench is a new file and nothing else.
 */
import { runBenches } from "./harness.ts";

const folder = new URL("./", import.meta.url);
const files: string[] = [];
for await (const entry of Deno.readDir(folder)) {
  if (entry.isFile && entry.name.endsWith(".bench.ts")) files.push(entry.name);
}
for (const file of files.sort()) await import(new URL(file, folder).href);

const { failed } = await runBenches(Deno.args[0]);
if (failed.length > 0) {
  console.error(`benches that failed to run: ${failed.join(", ")}`);
  Deno.exitCode = 1;
}
