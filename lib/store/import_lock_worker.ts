/// <reference lib="deno.worker" />
/** Refreshes an import lock's time (lib/store/import_lock.ts) until terminated, on a thread the import never blocks. */
self.onmessage = (e: MessageEvent<{ path: string; every: number }>) => {
  const { path, every } = e.data;
  setInterval(() => {
    const now = new Date();
    Deno.utime(path, now, now).catch(() => {});
  }, every);
};
