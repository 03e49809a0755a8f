/**
 * Building footprints. Chinese estates face south for winter sun, so buildings
 * are east–west rectangles in rows whatever the compound's outline, with rows
 * spaced by a multiple of the height of the row in front (the sunlight spacing
 * rule). Old estates are rows of 6-storey walk-up slabs; newer ones mix
 * high-rise slabs and point towers, towers staggered row to row.
 */
import { rectangleTester, ringBounds } from "./geometry.ts";
import type { Compound } from "./places.ts";
import type { Random } from "./random.ts";
import type { CompoundType } from "./names.ts";

export interface Building {
  id: string;
  name: string;
  compound: number;
  floors: number;
  units: number;
  households: number;
  height: number;
  /** Footprint [x0, y0, x1, y1] in local metres. */
  rect: [number, number, number, number];
}

interface Form {
  tower: boolean;
  floors: [number, number];
  units: [number, number];
  /** East–west length of one unit (单元), metres. */
  unitLength: number;
  depth: number;
  householdsPerUnitFloor: number;
  /** Clear gap east–west between neighbours, metres. */
  sideGap: [number, number];
}

const WALK_UP: Form = {
  tower: false,
  floors: [5, 7],
  units: [3, 6],
  unitLength: 13,
  depth: 11,
  householdsPerUnitFloor: 2,
  sideGap: [8, 14],
};
const HIGH_RISE_SLAB: Form = {
  tower: false,
  floors: [11, 18],
  units: [2, 4],
  unitLength: 18,
  depth: 14,
  householdsPerUnitFloor: 2,
  sideGap: [13, 20],
};
const POINT_TOWER: Form = {
  tower: true,
  floors: [18, 33],
  units: [1, 1],
  unitLength: 24,
  depth: 22,
  householdsPerUnitFloor: 4,
  sideGap: [22, 34],
};
const RESETTLEMENT_SLAB: Form = { ...HIGH_RISE_SLAB, unitLength: 16, depth: 13, sideGap: [12, 16] };

/** Forms of the rows from south to north; modern estates put towers at the back. */
function rowForms(type: CompoundType, random: Random): (row: number) => Form {
  if (type === "old") return () => WALK_UP;
  if (type === "resettlement") return () => RESETTLEMENT_SLAB;
  const style = random();
  if (style < 0.35) return () => POINT_TOWER;
  if (style < 0.65) return () => HIGH_RISE_SLAB;
  return (row) => (row < 1 ? HIGH_RISE_SLAB : POINT_TOWER);
}

const STOREY_HEIGHT = 3;
/** Clearance from the compound wall (fire lane, greenery), metres. */
const MARGIN = 10;
/** High-rise spacing is set by sunlight-hour analysis rather than a ratio, so the ratio is capped. */
const MAX_ROW_GAP: Record<"slab" | "tower", number> = { slab: 60, tower: 42 };

/** Rows of buildings from the south wall northwards, each row filled west to east. */
function layOut(compound: Compound, index: number, random: Random): Building[] {
  const fits = rectangleTester(compound.ring, MARGIN);
  const [minX, minY, maxX, maxY] = ringBounds(compound.ring);
  const formOf = rowForms(compound.type, random);
  const gapRatio = random.uniform(1.2, 1.5);
  const buildings: Building[] = [];
  let y = minY + MARGIN + random.uniform(0, 10);
  for (let row = 0; y < maxY - MARGIN; row++) {
    const form = formOf(row);
    const floors = random.int(...form.floors);
    const stagger = form.tower && row % 2 === 1 ? form.unitLength : 0;
    let x = minX + MARGIN + stagger + random.uniform(0, 8);
    let placed = false;
    while (x < maxX - MARGIN) {
      let units = random.int(...form.units);
      while (units >= form.units[0] && !fits(x, y, x + units * form.unitLength, y + form.depth)) units--;
      if (units < form.units[0]) {
        x += 4;
        continue;
      }
      const length = units * form.unitLength;
      const n = buildings.length + 1;
      buildings.push({
        id: `${compound.id}B${String(n).padStart(2, "0")}`,
        name: `${n}栋`,
        compound: index,
        floors,
        units,
        households: floors * units * form.householdsPerUnitFloor,
        height: floors * STOREY_HEIGHT,
        rect: [x, y, x + length, y + form.depth],
      });
      placed = true;
      x += length + random.uniform(...form.sideGap);
    }
    const height = floors * STOREY_HEIGHT;
    const gap = Math.min(gapRatio * height, MAX_ROW_GAP[form.tower ? "tower" : "slab"]);
    y += placed ? form.depth + gap : 4;
  }
  return buildings;
}

export function buildBuildings(compounds: Compound[], random: Random): Building[] {
  return compounds.flatMap((compound, index) => layOut(compound, index, random));
}
