import assert from "node:assert/strict";
import { DEFAULT_WALL_CONFIG, SCENES, validateWallConfig, wallConfigFromUrl } from "../../../lib/wall/config.ts";

Deno.test("the default playlist holds every scene once", () => {
  assert.deepEqual([...DEFAULT_WALL_CONFIG.scenes].sort(), [...SCENES].sort());
  assert.ok(DEFAULT_WALL_CONFIG.staleAfterSeconds > DEFAULT_WALL_CONFIG.refreshSeconds);
});

Deno.test("URL parameters set the playlist and the clocks", () => {
  const config = wallConfigFromUrl(
    new URLSearchParams("scenes=backlog, map&interval=2.5&refresh=3&stale=1&watchdog=4"),
  );
  assert.deepEqual(config.scenes, ["backlog", "map"]);
  assert.equal(config.sceneSeconds, 2.5);
  assert.equal(config.refreshSeconds, 3);
  assert.equal(config.staleAfterSeconds, 1);
  assert.equal(config.watchdogSeconds, 4);
  assert.equal(config.hotspotDays, DEFAULT_WALL_CONFIG.hotspotDays);
});

Deno.test("nonsense in the address falls back to the defaults instead of failing the screen", () => {
  const config = wallConfigFromUrl(new URLSearchParams("scenes=weather,,&interval=0&refresh=abc&stale=-5"));
  assert.deepEqual(config, DEFAULT_WALL_CONFIG);
  assert.deepEqual(wallConfigFromUrl(new URLSearchParams("scenes=map,weather")).scenes, ["map"]);
});

Deno.test("a bad configuration file is refused with the field named", () => {
  assert.throws(() => validateWallConfig({ ...DEFAULT_WALL_CONFIG, scenes: [] }), /scenes/);
  assert.throws(
    () => validateWallConfig({ ...DEFAULT_WALL_CONFIG, scenes: ["map", "weather" as "map"] }),
    /scenes/,
  );
  assert.throws(() => validateWallConfig({ ...DEFAULT_WALL_CONFIG, refreshSeconds: 0 }), /refreshSeconds/);
});
