/**
 * The built-in demo store, generated once and regenerated only when its recipe
 * changes: the options, or the source of the generator, the schema or the store
 * format (hashed), so an edit to any of them can never leave a stale demo behind.
 */
import { DEFAULT_SEED, DEFAULT_TICKETS, type DemoOptions, generateDemo } from "../demo/generate.ts";
import { readManifest, writeStore } from "./store.ts";

function recipeHash(): Promise<string> {
  const demo = new URL("../demo/", import.meta.url);
  const files = [
    ...[...Deno.readDirSync(demo)].map((e) => new URL(e.name, demo)).filter((u) => u.pathname.endsWith(".ts")),
    new URL("../schema.ts", import.meta.url),
    new URL("./arrow.ts", import.meta.url),
    new URL("./store.ts", import.meta.url),
  ].sort((a, b) => a.href.localeCompare(b.href));
  return hash(files.map((f) => f.pathname + Deno.readTextFileSync(f)).join("\0"));
}

async function hash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function demoSource({ seed = DEFAULT_SEED, tickets = DEFAULT_TICKETS, plan }: DemoOptions = {}) {
  // A district with planted events is another district: it is rebuilt when its plan changes.
  const planted = plan ? ` plan=${await hash(JSON.stringify(plan))}` : "";
  return `demo seed=${seed} tickets=${tickets}${planted} recipe=${await recipeHash()}`;
}

export async function ensureDemoStore(dir: string, options: DemoOptions = {}): Promise<void> {
  const source = await demoSource(options);
  if ((await readManifest(dir))?.source === source) return;
  console.log(`Building the demo store in ${dir} (${source})…`);
  const started = performance.now();
  await writeStore(dir, generateDemo(options), source);
  console.log(`Demo store ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
