/**
 * The road network and the river. Roads follow a lattice of jittered lines, as a
 * planned northern Chinese city does: arterials about every kilometre, minor
 * roads between them, bending a little at every crossing. The cells of the
 * lattice are the blocks in which compounds are laid out; one row of cells is the
 * river corridor.
 */
import type { Row } from "./columns.ts";
import { EAST_WEST_ARTERIALS, LAKE_NAME, MINOR_ROADS, NORTH_SOUTH_ARTERIALS, RIVER_NAME } from "./names.ts";
import { lineJson, type Point, polygonJson, type Quad, type Ring } from "./geometry.ts";
import type { Random } from "./random.ts";

export type RoadKind = "primary" | "secondary" | "residential";

interface LatticeLine {
  /** Nominal position in metres (x for north–south lines, y for east–west ones). */
  at: number;
  kind: RoadKind;
  name: string;
}

/** Half the width of the carriageway plus the pavement, by road kind. */
export const ROAD_HALF_WIDTH: Record<RoadKind, number> = {
  primary: 22,
  secondary: 15,
  residential: 8,
};

export interface Lattice {
  columns: LatticeLine[];
  rows: LatticeLine[];
  /** Index of the cell row the river runs through. */
  riverRow: number;
  corner(i: number, j: number): Point;
  cell(c: number, r: number): Quad;
}

// Arterials (nominal metres) and whether they are primary; minor roads run between.
const NORTH_SOUTH = [0, 1000, 2000, 3000, 4000, 5000, 6000];
const EAST_WEST = [0, 1000, 2000, 2350, 3300, 4200, 5000];
const PRIMARY_NORTH_SOUTH = new Set([0, 3000, 6000]);
const PRIMARY_EAST_WEST = new Set([0, 3300, 5000]);
const RIVER_SOUTH_BANK = 2000;

function latticeLines(
  arterials: number[],
  names: string[],
  primary: Set<number>,
  random: Random,
  minorNames: () => string,
  skipMinorAfter: number,
): LatticeLine[] {
  const lines: LatticeLine[] = [];
  arterials.forEach((at, k) => {
    lines.push({ at, kind: primary.has(at) ? "primary" : "secondary", name: names[k] });
    const next = arterials[k + 1];
    if (next === undefined || at === skipMinorAfter) return;
    const middle = (at + next) / 2 + random.normal(0, (next - at) * 0.06);
    lines.push({ at: Math.round(middle), kind: "residential", name: minorNames() });
  });
  return lines;
}

export function buildLattice(random: Random): Lattice {
  let minor = 0;
  const minorNames = () => MINOR_ROADS[minor++ % MINOR_ROADS.length];
  const columns = latticeLines(
    NORTH_SOUTH,
    NORTH_SOUTH_ARTERIALS,
    PRIMARY_NORTH_SOUTH,
    random,
    minorNames,
    NaN,
  );
  const rows = latticeLines(
    EAST_WEST,
    EAST_WEST_ARTERIALS,
    PRIMARY_EAST_WEST,
    random,
    minorNames,
    RIVER_SOUTH_BANK,
  );
  // Independent jitter per crossing is what makes the roads bend.
  const corners = columns.map((col) =>
    rows.map((row): Point => [
      Math.round(col.at + random.normal(0, 14)),
      Math.round(row.at + random.normal(0, 14)),
    ])
  );
  const corner = (i: number, j: number) => corners[i][j];
  return {
    columns,
    rows,
    riverRow: rows.findIndex((r) => r.at === RIVER_SOUTH_BANK),
    corner,
    cell: (c, r) => [corner(c, r), corner(c + 1, r), corner(c + 1, r + 1), corner(c, r + 1)],
  };
}

/**
 * Road features: arterials run the whole way; minor roads are drawn block by
 * block and sometimes left out (a compound wall or a school in the way), and never
 * bridge the river.
 */
function roadFeatures(lattice: Lattice, random: Random): Row[] {
  const { columns, rows, riverRow, corner } = lattice;
  const features: Row[] = [];
  const add = (line: LatticeLine, points: Point[]) =>
    features.push({
      feature_id: `R${String(features.length + 1).padStart(3, "0")}`,
      layer: "road",
      kind: line.kind,
      name: line.name,
      geometry: lineJson(points),
    });
  const trace = (
    lines: LatticeLine[],
    across: LatticeLine[],
    at: (i: number, j: number) => Point,
    crossesRiver: (j: number) => boolean,
  ) => {
    lines.forEach((line, i) => {
      const points = across.map((_, j) => at(i, j));
      if (line.kind !== "residential") return add(line, points);
      // Minor roads run between consecutive arterials, one piece per stretch.
      let start = 0;
      for (let j = 1; j < across.length; j++) {
        if (across[j].kind === "residential") continue;
        if (!crossesRiver(start) && random.chance(0.85)) add(line, points.slice(start, j + 1));
        start = j;
      }
    });
  };
  trace(columns, rows, corner, (j) => j === riverRow);
  trace(rows, columns, (i, j) => corner(j, i), () => false);
  return features;
}

/** The river meanders down the middle of its corridor; it runs past the district's edges. */
function riverRing(lattice: Lattice, random: Random): Ring {
  const { columns, riverRow, corner } = lattice;
  const phase = random.uniform(0, 2 * Math.PI);
  const bankAt = (j: number, x: number) => {
    let i = 0;
    while (i < columns.length - 2 && corner(i + 1, j)[0] < x) i++;
    const [x0, y0] = corner(i, j);
    const [x1, y1] = corner(i + 1, j);
    return y0 + (y1 - y0) * Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
  };
  const south: Point[] = [];
  const north: Point[] = [];
  for (let x = -300; x <= 6300; x += 100) {
    const centre = (bankAt(riverRow, x) + bankAt(riverRow + 1, x)) / 2 +
      40 * Math.sin(x / 330 + phase) + 12 * Math.sin(x / 110 + 2 * phase);
    const halfWidth = 52 + 8 * Math.sin(x / 500 + phase);
    south.push([x, centre - halfWidth]);
    north.push([x, centre + halfWidth]);
  }
  return [...south, ...north.reverse()];
}

/** An irregular oval pond in the middle of a park block. */
function lakeRing(park: Quad, random: Random): Ring {
  const cx = park.reduce((s, p) => s + p[0], 0) / 4;
  const cy = park.reduce((s, p) => s + p[1], 0) / 4;
  const phase = random.uniform(0, 2 * Math.PI);
  return Array.from({ length: 24 }, (_, k): Point => {
    const a = (k / 24) * 2 * Math.PI;
    const wobble = 1 + 0.15 * Math.sin(3 * a + phase);
    return [cx + 130 * wobble * Math.cos(a), cy + 85 * wobble * Math.sin(a)];
  });
}

export function mapFeatures(lattice: Lattice, park: Quad, random: Random): Row[] {
  return [
    ...roadFeatures(lattice, random),
    {
      feature_id: "W01",
      layer: "water",
      kind: "river",
      name: RIVER_NAME,
      geometry: polygonJson(riverRing(lattice, random)),
    },
    {
      feature_id: "W02",
      layer: "water",
      kind: "lake",
      name: LAKE_NAME,
      geometry: polygonJson(lakeRing(park, random)),
    },
  ];
}
