/** Server-side settings, from the environment, with the defaults the README documents. */
export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** The store the server and `deno task sql` use: `LINLI_DATA`, else the built-in demo. */
export function dataDir(): string {
  return Deno.env.get("LINLI_DATA") ?? `${ROOT}/data/demo`;
}

export function usesDemoData(): boolean {
  return !Deno.env.get("LINLI_DATA");
}
