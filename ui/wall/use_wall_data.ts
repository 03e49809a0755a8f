/**
 * The wall's figures, kept live without reloading the page: every refresh interval it
 * asks /api/health for the store's version, downloads the store again into the page's
 * one DuckDB when the version changed (a re-import), and re-queries the scenes. A failed
 * refresh keeps the last good figures on screen and retries, backing off; a 401 (its token
 * revoked) stops the refreshes for good and the page says it is signed out.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { EngineUrls } from "../../lib/db/duckdb_browser.ts";
import { loadStore } from "../../lib/db/load_store.ts";
import type { MapLayers } from "../../lib/map/style.ts";
import type { WallConfig } from "../../lib/wall/config.ts";
import { loadWallData, type WallData } from "../../lib/wall/scene_data.ts";
import { checkHealthStatus, parseHealth, retryDelayMs, SignedOutError, syncStep } from "../../lib/wall/sync.ts";
import { loadDistrict } from "../common/district_data.ts";
import { type LoadedStore, markError, openStore } from "../common/store.ts";

const DATA_URL = "/api/data/";
const PUBLIC = "?scope=public";
const HEALTH_TIMEOUT_MS = 10_000;

export interface LiveState {
  data: WallData | null;
  /** The district's base map of the loaded store version, when the playlist has the map. */
  base: MapLayers | null;
  version: string | null;
  /** When the server last confirmed the figures (epoch ms). */
  syncedAt: number | null;
  online: boolean;
  /** Why the first load failed; the page reloads itself after a while. */
  failure: string | null;
  refreshes: number;
  /** The server said this screen is no longer signed in: nothing it shows may be trusted. */
  signedOut: boolean;
}

export interface LiveData {
  state: LiveState;
  /** When the refresh under way started, for the watchdog. */
  refreshStartedAt: { current: number | null };
  /** Stops the query under way, so a hung refresh fails and is retried. */
  cancel(): void;
}

async function fetchHealth() {
  const res = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
  checkHealthStatus(res.status);
  return parseHealth(await res.json());
}

export function useWallData(engine: EngineUrls, config: WallConfig): LiveData {
  const [state, setState] = useState<LiveState>({
    data: null,
    base: null,
    version: null,
    syncedAt: null,
    online: true,
    failure: null,
    refreshes: 0,
    signedOut: false,
  });
  const refreshStartedAt = useRef<number | null>(null);
  const store = useRef<LoadedStore | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let version = "";
    let base: MapLayers | null = null;
    const refreshMs = config.refreshSeconds * 1000;
    const withMap = config.scenes.includes("map");
    const loadBase = async (loaded: LoadedStore) => withMap ? (await loadDistrict(loaded.db)).layers : null;
    const schedule = (ms: number) => {
      if (!stopped) timer = setTimeout(cycle, ms);
    };

    async function cycle() {
      // The first load is left out: a large store may take long, and a reload would only start it again.
      if (store.current) refreshStartedAt.current = Date.now();
      try {
        if (!store.current) {
          const loaded = await openStore(engine, "public");
          base = await loadBase(loaded);
          version = loaded.manifest.version;
          store.current = loaded;
        } else if (syncStep(await fetchHealth(), version) === "reload") {
          const manifest = await loadStore(store.current.db, DATA_URL, fetch, PUBLIC);
          base = await loadBase(store.current);
          version = manifest.version;
        }
        const data = await loadWallData(store.current.db, config);
        failures = 0;
        if (!stopped) {
          setState((s) => ({
            data,
            base,
            version,
            syncedAt: Date.now(),
            online: true,
            failure: null,
            refreshes: s.refreshes + 1,
            signedOut: false,
          }));
        }
        schedule(refreshMs);
      } catch (e) {
        if (e instanceof SignedOutError) {
          if (!stopped) setState((s) => ({ ...s, online: false, signedOut: true }));
          return;
        }
        failures++;
        console.warn("wall refresh failed:", e);
        if (stopped) return;
        const delay = retryDelayMs(failures, refreshMs);
        if (!store.current) {
          // openStore keeps its first promise, failed or not: only a reload tries again.
          markError((e as Error).message);
          setState((s) => ({ ...s, online: false, failure: (e as Error).message }));
          timer = setTimeout(() => location.reload(), delay);
        } else {
          setState((s) => ({ ...s, online: false }));
          schedule(delay);
        }
      } finally {
        refreshStartedAt.current = null;
      }
    }

    cycle();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return { state, refreshStartedAt, cancel: () => void store.current?.db.cancel() };
}
