/**
 * The wall's figures, kept live without reloading the page: every refresh interval it
 * asks /api/health for the store's version and, when the version changed (a re-import),
 * fetches the figures the server computed for it (aggregates only: the page holds no
 * ticket row). A failed refresh keeps the last good figures on screen and retries, backing off; a 401 (its token
 * revoked) stops the refreshes for good and the page says it is signed out.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { MapLayers } from "../../lib/map/style.ts";
import type { WallConfig } from "../../lib/wall/config.ts";
import type { WallData } from "../../lib/wall/scene_data.ts";
import type { ServedWall } from "../../lib/wall/served.ts";
import { checkHealthStatus, parseHealth, retryDelayMs, SignedOutError, syncStep } from "../../lib/wall/sync.ts";
import { markError } from "../common/store.ts";

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

async function fetchFigures(config: WallConfig, signal: AbortSignal): Promise<ServedWall> {
  const res = await fetch(`/api/wall/data?scenes=${config.scenes.join(",")}`, { cache: "no-store", signal });
  checkHealthStatus(res.status);
  if (!res.ok) throw new Error(`wall figures: ${res.status}`);
  return await res.json();
}

export function useWallData(config: WallConfig): LiveData {
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
  const figures = useRef<ServedWall | null>(null);
  const aborter = useRef(new AbortController());

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const refreshMs = config.refreshSeconds * 1000;
    const fetchNew = async () => {
      aborter.current = new AbortController();
      figures.current = await fetchFigures(config, aborter.current.signal);
    };
    const schedule = (ms: number) => {
      if (!stopped) timer = setTimeout(cycle, ms);
    };

    async function cycle() {
      // The first load is left out: a large store may take long, and a reload would only start it again.
      const first = !figures.current;
      if (!first) refreshStartedAt.current = Date.now();
      try {
        if (first || syncStep(await fetchHealth(), figures.current!.version) === "reload") await fetchNew();
        const { data, base, version } = figures.current!;
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
        if (!figures.current) {
          // The first figures never came: a reload starts the page afresh.
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

  return { state, refreshStartedAt, cancel: () => aborter.current.abort() };
}
