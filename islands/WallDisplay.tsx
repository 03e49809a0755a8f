/**
 * The wall: an unattended big screen rotating through the district's state. It receives
 * the figures the server computed (so no ticket row, and no resident's name, phone or
 * description, ever reaches this browser), refreshes itself without reloading, and a watchdog recovers a
 * stuck scene. What each scene shows is built in lib/wall; this file wires it to the screen.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { formatPercent } from "../lib/format.ts";
import { type Lang, type MessageKey, t } from "../lib/i18n.ts";
import { DEFAULT_CONFIG } from "../lib/metrics/deadlines.ts";
import { UTC_OFFSET_HOURS } from "../lib/time.ts";
import type { SceneId, WallConfig } from "../lib/wall/config.ts";
import { localDateLabel } from "../lib/wall/freshness.ts";
import type { MapPageProps } from "../ui/common/district_data.ts";
import { loadMapLibre } from "../ui/common/MapCanvas.tsx";
import { markReady } from "../ui/common/store.ts";
import { DEFAULT_ALERTS } from "../lib/alerts/config.ts";
import { AlertsScene } from "../ui/wall/AlertsScene.tsx";
import { BacklogScene } from "../ui/wall/BacklogScene.tsx";
import { CallbacksScene } from "../ui/wall/CallbacksScene.tsx";
import { ClosuresScene } from "../ui/wall/ClosuresScene.tsx";
import { FreshnessBadge } from "../ui/wall/FreshnessBadge.tsx";
import { MapScene } from "../ui/wall/MapScene.tsx";
import { PriorityScene } from "../ui/wall/PriorityScene.tsx";
import { RankingScene } from "../ui/wall/RankingScene.tsx";
import { type SceneBody, SceneSlot } from "../ui/wall/SceneSlot.tsx";
import { useRotation } from "../ui/wall/use_rotation.ts";
import { type LiveState, useWallData } from "../ui/wall/use_wall_data.ts";
import { useWatchdog } from "../ui/wall/use_watchdog.ts";

export interface WallProps extends Omit<MapPageProps, "engine"> {
  config: WallConfig;
  demo: boolean;
}

const EMPTY: Record<SceneId, MessageKey> = {
  map: "wall.no_tickets",
  ranking: "wall.empty.ranking",
  backlog: "wall.empty.backlog",
  callbacks: "wall.empty.callbacks",
  priority: "wall.empty.priority",
  closures: "wall.empty.closures",
  alerts: "wall.empty.alerts",
};

function sceneBody(scene: SceneId, live: LiveState, lang: Lang, mapWorker: string): SceneBody {
  const { data, base, version } = live;
  if (!data) return { status: "loading" };
  if (data.asOf === null) return { status: "empty", message: "wall.no_tickets" };
  const s = data.scenes;
  switch (scene) {
    case "map":
      if (!s.map || !base || !version) return { status: "loading" };
      return {
        status: "ready",
        body: (
          <MapScene
            data={s.map}
            base={base}
            version={version}
            asOfDate={localDateLabel(data.asOf, UTC_OFFSET_HOURS)}
            mapWorker={mapWorker}
            lang={lang}
          />
        ),
      };
    case "ranking":
      return s.ranking ? { status: "ready", body: <RankingScene rows={s.ranking} lang={lang} /> } : empty(scene);
    case "backlog":
      return s.backlog ? { status: "ready", body: <BacklogScene data={s.backlog} lang={lang} /> } : empty(scene);
    case "callbacks":
      return s.callbacks ? { status: "ready", body: <CallbacksScene data={s.callbacks} lang={lang} /> } : empty(scene);
    case "priority":
      return s.priority ? { status: "ready", body: <PriorityScene data={s.priority} lang={lang} /> } : empty(scene);
    case "closures":
      return s.closures ? { status: "ready", body: <ClosuresScene rows={s.closures} lang={lang} /> } : empty(scene);
    case "alerts":
      return s.alerts ? { status: "ready", body: <AlertsScene data={s.alerts} lang={lang} /> } : empty(scene);
  }
}

const empty = (scene: SceneId): SceneBody => ({ status: "empty", message: EMPTY[scene] });

function subtitle(scene: SceneId, live: LiveState, config: WallConfig, lang: Lang): string | undefined {
  switch (scene) {
    case "map":
      return t(lang, "wall.hotspots_window", { days: config.hotspotDays });
    case "ranking":
      return t(lang, "wall.ranking_window", { days: config.rankingDays });
    case "callbacks":
      return t(lang, "wall.callbacks_basis", { day: DEFAULT_CONFIG.callbackDayOfNextMonth });
    case "alerts":
      return t(lang, "alerts.basis", { days: DEFAULT_ALERTS.judgedDays, q: DEFAULT_ALERTS.q });
    case "priority": {
      const median = live.data?.scenes.priority?.coverageMedian;
      return median === undefined ? undefined : t(lang, "wall.priority_basis", { median: formatPercent(median, lang) });
    }
  }
}

export default function WallDisplay({ lang, mapWorker, config, demo }: WallProps) {
  const live = useWallData(config);
  const { state } = live;
  const sceneMs = config.sceneSeconds * 1000;
  const rotation = useRotation(config.scenes.length, sceneMs, state.data !== null);
  const [stageKey, setStageKey] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const current = config.scenes[rotation.index];

  useWatchdog(
    root,
    { expectedScene: current, sceneStartedAt: rotation.startedAt, refreshStartedAt: live.refreshStartedAt },
    { sceneMs, stuckMs: config.watchdogSeconds * 1000 },
    { advance: rotation.advance, remount: () => setStageKey((k) => k + 1), cancel_refresh: live.cancel },
  );
  // MapLibre's workers start while the figures load, when the playlist has the map.
  useEffect(() => void (config.scenes.includes("map") && loadMapLibre(mapWorker)), []);
  // With the map on the playlist the page is ready once the map has drawn (MapCanvas says so).
  useEffect(() => {
    if (state.data && !config.scenes.includes("map")) markReady();
  }, [state.data !== null]);

  return (
    <div
      ref={root}
      class="wall-live"
      data-scene={current}
      data-turns={rotation.turns}
      data-refreshes={state.refreshes}
      data-version={state.version ?? ""}
    >
      <header class="wall-header">
        <h1>{t(lang, "wall.title")}</h1>
        {demo && <span class="badge-demo">{t(lang, "app.demo")}</span>}
        <ol class="wall-playlist">
          {config.scenes.map((scene, i) => (
            <li key={i} class={i === rotation.index ? "is-current" : ""}>{t(lang, `wall.scene.${scene}`)}</li>
          ))}
        </ol>
        <FreshnessBadge
          asOf={state.data?.asOf ?? null}
          syncedAt={state.syncedAt}
          online={state.online}
          staleAfterMs={config.staleAfterSeconds * 1000}
          lang={lang}
        />
      </header>
      <main class="wall-stage" key={stageKey}>
        {[...new Set(config.scenes)].map((scene) => (
          <SceneSlot
            key={scene}
            scene={scene}
            active={scene === current}
            subtitle={subtitle(scene, state, config, lang)}
            lang={lang}
          >
            {sceneBody(scene, state, lang, mapWorker)}
          </SceneSlot>
        ))}
      </main>
      {state.signedOut && (
        <div class="wall-signed-out" role="alert" data-signed-out="true">{t(lang, "wall.signed_out")}</div>
      )}
      <div class="wall-progress">
        <span key={rotation.turns} style={{ animationDuration: `${config.sceneSeconds}s` }} />
      </div>
    </div>
  );
}
