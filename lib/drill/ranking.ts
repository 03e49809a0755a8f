/**
 * The compounds of a place ranked by the map's layer, worst first: how a street official
 * finds, from the map alone, the compound with the most overdue tickets in their street.
 */
import type { PlaceIndex } from "./path.ts";
import type { PlaceRef } from "./state.ts";

export interface RankedCompound {
  id: string;
  name: string;
  value: number;
}

/** Whether `compound` lies in `scope`, walking up its parents (compound → community → street). */
function within(index: PlaceIndex, compound: string, scope: PlaceRef): boolean {
  let current = index.get(`compound:${compound}`);
  const up = { compound: "community", community: "street" } as const;
  while (current) {
    if (current.level === scope.level && current.id === scope.id) return true;
    const parent = up[current.level as keyof typeof up];
    if (!parent || current.parent === null) return false;
    current = index.get(`${parent}:${current.parent}`);
  }
  return false;
}

/**
 * The compounds of the district, a street or a community (or of a drawn area's list)
 * that have a value, worst first; ties by name. Compounds and buildings have no ranking.
 */
export function rankCompounds(
  index: PlaceIndex,
  scope: PlaceRef | null,
  drawn: string[] | null,
  values: Map<string, number | null>,
  highIsGood: boolean,
  limit = 10,
): RankedCompound[] {
  if (scope?.level === "compound" || scope?.level === "building") return [];
  const inScope = drawn ? new Set(drawn) : null;
  const ranked: RankedCompound[] = [];
  for (const [id, value] of values) {
    if (value == null || !Number.isFinite(value)) continue;
    if (inScope ? !inScope.has(id) : scope && !within(index, id, scope)) continue;
    ranked.push({ id, name: index.get(`compound:${id}`)?.name ?? id, value });
  }
  ranked.sort((a, b) =>
    (highIsGood ? a.value - b.value : b.value - a.value) || a.name.localeCompare(b.name, "zh-CN", { numeric: true })
  );
  return ranked.slice(0, limit);
}
