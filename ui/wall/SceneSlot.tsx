/**
 * One scene's place on the stage: its title, its body, or what it has instead (the data
 * still loading, nothing to show, a failure). A scene that throws shows its failure and
 * is tried again the next time its turn comes, instead of taking the wall down.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useErrorBoundary } from "preact/hooks";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import type { SceneId } from "../../lib/wall/config.ts";

export type SceneBody =
  | { status: "loading" }
  | { status: "empty"; message: MessageKey }
  | { status: "ready"; body: ComponentChildren };

export function SceneSlot({ scene, active, subtitle, lang, children }: {
  scene: SceneId;
  active: boolean;
  subtitle?: string;
  lang: Lang;
  children: SceneBody;
}) {
  const [error, reset] = useErrorBoundary((e) => console.warn(`wall scene ${scene} failed:`, e));
  useEffect(() => {
    if (active && error) reset();
  }, [active]);
  return (
    <section class={`wall-scene wall-scene-${scene}${active ? " is-active" : ""}`} data-scene={scene}>
      <header class="wall-scene-header">
        <h2>{t(lang, `wall.scene.${scene}`)}</h2>
        {subtitle && <p class="wall-scene-subtitle">{subtitle}</p>}
      </header>
      {error
        ? <p class="wall-message" role="alert">{t(lang, "wall.scene_failed")}</p>
        : children.status === "loading"
        ? <p class="wall-message" role="status">{t(lang, "state.loading")}</p>
        : children.status === "empty"
        ? <p class="wall-message wall-empty" data-empty={scene}>{t(lang, children.message)}</p>
        : children.body}
    </section>
  );
}
