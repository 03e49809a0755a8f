/**
 * The wall's playlist and clocks: defaults in data/config/wall.json, overridden per
 * screen by URL parameters (`/wall?scenes=map,backlog&interval=15&refresh=30&stale=120`),
 * since a command room configures a screen by the address it opens, not by a form.
 */
import defaults from "../../data/config/wall.json" with { type: "json" };

export const SCENES = ["map", "ranking", "backlog", "callbacks", "priority", "closures", "alerts"] as const;
export type SceneId = typeof SCENES[number];

export interface WallConfig {
  /** The playlist, shown in this order and then again from the start. */
  scenes: SceneId[];
  /** How long each scene stays on screen. */
  sceneSeconds: number;
  /** How often the figures are refreshed from the server. */
  refreshSeconds: number;
  /** The figures count as stale once the server has not confirmed them for this long. */
  staleAfterSeconds: number;
  /** How long a scene or a refresh may be stuck before the watchdog steps in. */
  watchdogSeconds: number;
  /** The window of tickets the hotspot map is computed over, ending at the data's as-of. */
  hotspotDays: number;
  /** The window of tickets the streets are ranked on. */
  rankingDays: number;
}

const isScene = (value: unknown): value is SceneId => SCENES.includes(value as SceneId);
const DURATIONS = ["sceneSeconds", "refreshSeconds", "staleAfterSeconds", "watchdogSeconds"] as const;
const WINDOWS = ["hotspotDays", "rankingDays"] as const;

/** Checks a configuration read from JSON, so a typo fails at start-up rather than as a blank screen. */
export function validateWallConfig(config: WallConfig): WallConfig {
  if (!Array.isArray(config.scenes) || config.scenes.length === 0 || !config.scenes.every(isScene)) {
    throw new Error(`wall config: scenes must be a non-empty list of ${SCENES.join(", ")}`);
  }
  for (const name of [...DURATIONS, ...WINDOWS]) {
    if (typeof config[name] !== "number" || !(config[name] > 0)) {
      throw new Error(`wall config: ${name} must be a number > 0`);
    }
  }
  return config;
}

export const DEFAULT_WALL_CONFIG: WallConfig = validateWallConfig(defaults as WallConfig);

/** URL parameter → the duration it sets. */
const URL_DURATIONS: Record<string, typeof DURATIONS[number]> = {
  interval: "sceneSeconds",
  refresh: "refreshSeconds",
  stale: "staleAfterSeconds",
  watchdog: "watchdogSeconds",
};

/** Shorter than this, a browser cannot draw a scene before the next one replaces it. */
const MIN_SECONDS = 0.1;

/**
 * The configuration a screen asked for in its address. A value that makes no sense is
 * ignored rather than refused: an unattended screen should show the default playlist,
 * not an error nobody is there to read.
 */
export function wallConfigFromUrl(params: URLSearchParams, base: WallConfig = DEFAULT_WALL_CONFIG): WallConfig {
  const config = { ...base };
  const scenes = params.get("scenes")?.split(",").map((s) => s.trim()).filter(isScene);
  if (scenes?.length) config.scenes = scenes;
  for (const [param, field] of Object.entries(URL_DURATIONS)) {
    const value = Number(params.get(param) ?? NaN);
    if (Number.isFinite(value) && value >= MIN_SECONDS) config[field] = value;
  }
  return config;
}
