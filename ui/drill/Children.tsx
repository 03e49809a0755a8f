/**
 * The places one level down (or the compounds of a drawn area), as buttons: the keyboard's
 * way to drill, with the layer's value beside compounds.
 */
import { memo } from "../common/memo.ts";
import { childLevel, childrenKey } from "../../lib/drill/path.ts";
import type { MapState, PlaceRef } from "../../lib/drill/state.ts";
import { type Lang, type MessageKey, t } from "../../lib/i18n.ts";
import { formatLayerValue, type LayerId, LAYERS } from "../../lib/map/layers.ts";
import type { DrillGeometry } from "./drill_data.ts";

interface ListProps {
  drawn: string[] | null;
  data: DrillGeometry;
  values: Map<string, number | null>;
  layer: LayerId;
  lang: Lang;
  onPick: (place: PlaceRef) => void;
}

export function Children({ s, drawn, data, values, layer, lang, onPick }: ListProps & { s: MapState }) {
  const level = drawn ? "compound" : childLevel(s.place?.level ?? "district");
  if (!level) return null;
  if (level === "building" && !data.buildings) {
    return <p class="status" role="status">{t(lang, "drill.buildings_loading")}</p>;
  }
  // Only compounds show the layer's values: a list of streets or communities is not rendered
  // again when a filter moves.
  return (
    <ChildList
      level={level}
      parent={s.place?.id ?? null}
      drawn={drawn}
      data={data}
      values={level === "compound" ? values : NO_VALUES}
      layer={layer}
      lang={lang}
      onPick={onPick}
    />
  );
}

const NO_VALUES = new Map<string, number | null>();

const ChildList = memo(function ChildList(
  { level, parent, drawn, data, values, layer, lang, onPick }: ListProps & {
    level: PlaceRef["level"];
    parent: string | null;
  },
) {
  const children = drawn
    ? drawn.flatMap((id) => data.index.get(`compound:${id}`) ?? [])
    : [...data.children.get(childrenKey(level, parent)) ?? []];
  const valueOf = (id: string) => level === "compound" ? values.get(id) ?? null : null;
  // Worst first, as the ranking: the end of the scale that needs attention leads.
  const worst = LAYERS[layer].highIsGood ? 1 : -1;
  children.sort((a, b) =>
    worst * ((valueOf(a.id) ?? worst * Infinity) - (valueOf(b.id) ?? worst * Infinity)) ||
    a.name.localeCompare(b.name, "zh-CN", { numeric: true })
  );
  const format = (v: number | null) => formatLayerValue(layer, v, lang);
  return (
    <details class="children" open>
      <summary>
        {drawn
          ? t(lang, "area.compounds", { n: children.length })
          : t(lang, "drill.children", { level: t(lang, `level.${level}` as MessageKey), n: children.length })}
      </summary>
      <ul>
        {children.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              class="link"
              data-pick={`${level}:${c.id}`}
              onClick={() => onPick({ level, id: c.id })}
            >
              {c.name}
            </button>
            {level === "compound" && <span class="num">{format(valueOf(c.id))}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
});
