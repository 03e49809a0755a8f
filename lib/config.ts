/** Server-side settings, from the environment, with the defaults the README documents. */
export const ROOT = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** The store the server and `deno task sql` use: `LINLI_DATA`, else the built-in demo. */
export function dataDir(): string {
  return Deno.env.get("LINLI_DATA") ?? `${ROOT}/data/demo`;
}

export function usesDemoData(): boolean {
  return !Deno.env.get("LINLI_DATA");
}

/** How long a person's session lasts without a request: `LINLI_SESSION_IDLE_HOURS`, default 8. */
export function sessionIdleMs(): number {
  const hours = Number(Deno.env.get("LINLI_SESSION_IDLE_HOURS") ?? 8);
  if (!(hours > 0)) throw new Error(`LINLI_SESSION_IDLE_HOURS must be a positive number of hours, not "${hours}"`);
  return hours * 3_600_000;
}
