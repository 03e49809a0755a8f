/** The built-in demo store, generated once and regenerated only when its recipe changes. */
import { DEMO_GENERATOR_VERSION, generateDemo } from "../demo/generate.ts";
import { readManifest, writeStore } from "./store.ts";

export interface DemoOptions {
  seed?: number;
  tickets?: number;
}

export function demoSource({ seed = 20240419, tickets = 300_000 }: DemoOptions = {}): string {
  return `demo ${DEMO_GENERATOR_VERSION} seed=${seed} tickets=${tickets}`;
}

export async function ensureDemoStore(dir: string, options: DemoOptions = {}): Promise<void> {
  const source = demoSource(options);
  if ((await readManifest(dir))?.source === source) return;
  console.log(`Building the demo store in ${dir} (${source})…`);
  const started = performance.now();
  await writeStore(dir, generateDemo(options), source);
  console.log(`Demo store ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
