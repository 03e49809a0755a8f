/**
 * The administrative tiling and the compounds. Streets, communities and grids are
 * rectangles of lattice cells, so their borders run along road centre lines as
 * real ones do, and a compound (which lies inside one cell) falls inside exactly
 * one street, community and grid. Compounds are the parcels a block is divided
 * into, with corners cut or notched so that no two look alike.
 */
import type { Row } from "./columns.ts";
import { bilinear, measure, type Point, polygonJson, type Quad, quadSize, type Ring, subQuad } from "./geometry.ts";
import { COMMUNITY_NAMES, compoundNamer, type CompoundType, DISTRICT_NAME, GRID_NAMES, STREET_NAMES } from "./names.ts";
import type { Random } from "./random.ts";
import { type Lattice, ROAD_HALF_WIDTH } from "./roads.ts";

/** A rectangle of lattice cells, bounds inclusive. */
interface CellRect {
  c0: number;
  c1: number;
  r0: number;
  r1: number;
}

export interface Area {
  id: string;
  name: string;
  cells: CellRect;
}

export interface Compound {
  id: string;
  name: string;
  aliases: string | null;
  type: CompoundType;
  builtYear: number;
  hasPropertyManagement: boolean;
  ring: Ring;
  street: Area;
  community: Area;
  grid: Area;
  /** Index of the block (lattice cell) it lies in, to find its neighbours. */
  block: number;
}

export interface Places {
  district: Area;
  streets: Area[];
  communities: Area[];
  grids: Area[];
  compounds: Compound[];
  /** The block left as a park around the lake. */
  park: Quad;
  /** Street and community of each community/grid, by id. */
  parentOf: Map<string, Area>;
}

export const DISTRICT_CODE = "140199";
const COMPOUND_COUNT = 300;
/** Blocks given over to schools, hospitals, offices, markets and one park. */
const NON_RESIDENTIAL_BLOCKS = 24;
/** Lanes and walls between neighbouring compounds in the same block, metres. */
const PARCEL_GAP = 10;
/** Where the old town grew up: the west bank of the river crossing. */
const OLD_TOWN: Point = [1800, 2200];

/** Streets as cell rectangles: two south of the river (which they include), three north. */
function streetCells(lattice: Lattice): CellRect[] {
  const lastColumn = lattice.columns.length - 2;
  const lastRow = lattice.rows.length - 2;
  const half = Math.floor((lastColumn + 1) / 2);
  const third = Math.floor((lastColumn + 1) / 3);
  const south = { r0: 0, r1: lattice.riverRow };
  const north = { r0: lattice.riverRow + 1, r1: lastRow };
  return [
    { c0: 0, c1: half - 1, ...south },
    { c0: half, c1: lastColumn, ...south },
    { c0: 0, c1: third - 1, ...north },
    { c0: third, c1: 2 * third - 1, ...north },
    { c0: 2 * third, c1: lastColumn, ...north },
  ];
}

const width = (r: CellRect) => r.c1 - r.c0 + 1;
const height = (r: CellRect) => r.r1 - r.r0 + 1;

/** Four communities per street: the street cut once across and once along, off-centre. */
function splitInFour(rect: CellRect, random: Random): CellRect[] {
  const cut = (n: number) => random.int(Math.round(n * 0.33), Math.round(n * 0.67));
  const c = rect.c0 + cut(width(rect));
  const r = rect.r0 + cut(height(rect));
  return [
    { ...rect, c1: c - 1, r1: r - 1 },
    { ...rect, c0: c, r1: r - 1 },
    { ...rect, c1: c - 1, r0: r },
    { ...rect, c0: c, r0: r },
  ];
}

/** One to three grids per community, as strips along its longer side. */
function splitIntoGrids(rect: CellRect, random: Random): CellRect[] {
  const cells = width(rect) * height(rect);
  const along = Math.max(width(rect), height(rect));
  const wanted = cells <= 3 ? 1 : cells <= 6 ? random.int(1, 2) : random.int(2, 3);
  const count = Math.min(wanted, along);
  const byColumns = width(rect) >= height(rect);
  return Array.from({ length: count }, (_, k) => {
    const from = Math.round((k * along) / count);
    const to = Math.round(((k + 1) * along) / count) - 1;
    return byColumns
      ? { ...rect, c0: rect.c0 + from, c1: rect.c0 + to }
      : { ...rect, r0: rect.r0 + from, r1: rect.r0 + to };
  });
}

/** The outline of a cell rectangle, walked along lattice corners. */
function outline(lattice: Lattice, { c0, c1, r0, r1 }: CellRect): Ring {
  const ring: Point[] = [];
  for (let i = c0; i <= c1; i++) ring.push(lattice.corner(i, r0));
  for (let j = r0; j <= r1; j++) ring.push(lattice.corner(c1 + 1, j));
  for (let i = c1 + 1; i > c0; i--) ring.push(lattice.corner(i, r1 + 1));
  for (let j = r1 + 1; j > r0; j--) ring.push(lattice.corner(c0, j));
  return ring;
}

const contains = (r: CellRect, c: number, row: number) => c >= r.c0 && c <= r.c1 && row >= r.r0 && row <= r.r1;

/** The block's buildable land: the cell minus half of each bounding road. */
function blockLand(lattice: Lattice, c: number, r: number): Quad {
  const quad = lattice.cell(c, r);
  const { width: w, depth: d } = quadSize(quad);
  const inset = (kind: keyof typeof ROAD_HALF_WIDTH) => ROAD_HALF_WIDTH[kind] + 4;
  return subQuad(
    quad,
    inset(lattice.columns[c].kind) / w,
    inset(lattice.rows[r].kind) / d,
    1 - inset(lattice.columns[c + 1].kind) / w,
    1 - inset(lattice.rows[r + 1].kind) / d,
  );
}

interface UnitRect {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

/** Guillotine cuts across the longer side until there are `n` parcels. */
function parcels(land: Quad, n: number, random: Random): Quad[] {
  const { width: w, depth: d } = quadSize(land);
  const split = (r: UnitRect, k: number): UnitRect[] => {
    if (k === 1) return [r];
    const first = random.chance(0.5) ? Math.floor(k / 2) : Math.ceil(k / 2);
    const t = first / k + random.uniform(-0.08, 0.08);
    if ((r.u1 - r.u0) * w >= (r.v1 - r.v0) * d) {
      const at = r.u0 + (r.u1 - r.u0) * t;
      const gap = PARCEL_GAP / w / 2;
      return [
        ...split({ ...r, u1: at - gap }, first),
        ...split({ ...r, u0: at + gap }, k - first),
      ];
    }
    const at = r.v0 + (r.v1 - r.v0) * t;
    const gap = PARCEL_GAP / d / 2;
    return [...split({ ...r, v1: at - gap }, first), ...split({ ...r, v0: at + gap }, k - first)];
  };
  return split({ u0: 0, v0: 0, u1: 1, v1: 1 }, n).map((r) => subQuad(land, r.u0, r.v0, r.u1, r.v1));
}

const UNIT_CORNERS: Point[] = [[0, 0], [1, 0], [1, 1], [0, 1]];

/**
 * A compound outline inside its parcel: some parcels stay whole, others lose a
 * corner to a chamfer (a road junction) or a notch (a school, a shop row, a
 * substation). Working in the parcel's unit square keeps the outline inside it.
 */
function compoundRing(parcel: Quad, random: Random): Ring {
  const cuts = new Map<number, "chamfer" | "notch">();
  const style = random();
  if (style > 0.3) cuts.set(random.int(0, 3), style < 0.6 ? "chamfer" : "notch");
  if (style > 0.85) cuts.set(random.int(0, 3), "chamfer");
  const unit: Point[] = [];
  UNIT_CORNERS.forEach((corner, k) => {
    const cut = cuts.get(k);
    if (!cut) return unit.push(corner);
    const prev = UNIT_CORNERS[(k + 3) % 4];
    const next = UNIT_CORNERS[(k + 1) % 4];
    const a = random.uniform(0.15, 0.4);
    const b = random.uniform(0.15, 0.4);
    const toward = (p: Point, t: number): Point => [
      corner[0] + (p[0] - corner[0]) * t,
      corner[1] + (p[1] - corner[1]) * t,
    ];
    const inPoint = toward(prev, a);
    const outPoint = toward(next, b);
    if (cut === "chamfer") return unit.push(inPoint, outPoint);
    const inner: Point = [inPoint[0] + outPoint[0] - corner[0], inPoint[1] + outPoint[1] - corner[1]];
    unit.push(inPoint, inner, outPoint);
  });
  return unit.map(([u, v]) => bilinear(parcel, u, v));
}

function blockType(centre: Point, random: Random): CompoundType {
  const fromOldTown = Math.hypot(centre[0] - OLD_TOWN[0], centre[1] - OLD_TOWN[1]);
  const oldChance = Math.max(0.05, Math.min(0.9, 1.3 - fromOldTown / 2200));
  const onFringe = centre[0] > 4700 || centre[1] > 4300;
  const u = random();
  if (u < oldChance) return "old";
  return u < oldChance + (1 - oldChance) * (onFringe ? 0.55 : 0.08) ? "resettlement" : "modern";
}

/** Compounds per block by era: old walk-up estates are small, resettlement ones big. */
const COMPOUNDS_PER_BLOCK: Record<CompoundType, [number, number]> = {
  old: [3, 5],
  modern: [2, 3],
  resettlement: [1, 2],
};

const BUILT: Record<CompoundType, [number, number]> = {
  old: [1980, 1999],
  modern: [2005, 2020],
  resettlement: [2010, 2019],
};
/** Share of compounds with a property management company, by era. */
const MANAGED: Record<CompoundType, number> = { old: 0.3, modern: 1, resettlement: 0.85 };

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function buildPlaces(lattice: Lattice, random: Random): Places {
  const district: Area = {
    id: "D01",
    name: DISTRICT_NAME,
    cells: { c0: 0, c1: lattice.columns.length - 2, r0: 0, r1: lattice.rows.length - 2 },
  };
  const parentOf = new Map<string, Area>();
  const streets: Area[] = [];
  const communities: Area[] = [];
  const grids: Area[] = [];
  const communityNames = random.shuffle([...COMMUNITY_NAMES]);
  streetCells(lattice).forEach((cells, s) => {
    const street = { id: `S${pad(s + 1, 2)}`, name: STREET_NAMES[s], cells };
    streets.push(street);
    parentOf.set(street.id, district);
    splitInFour(cells, random).forEach((cells, k) => {
      const community = {
        id: `${street.id}C${pad(k + 1, 2)}`,
        name: communityNames[communities.length],
        cells,
      };
      communities.push(community);
      parentOf.set(community.id, street);
      splitIntoGrids(cells, random).forEach((cells, g) => {
        const grid = { id: `${community.id}G${g + 1}`, name: GRID_NAMES[g], cells };
        grids.push(grid);
        parentOf.set(grid.id, community);
      });
    });
  });

  const land: { c: number; r: number; quad: Quad; type: CompoundType; count: number }[] = [];
  for (let c = 0; c <= district.cells.c1; c++) {
    for (let r = 0; r <= district.cells.r1; r++) {
      if (r === lattice.riverRow) continue;
      const quad = blockLand(lattice, c, r);
      const centre = bilinear(quad, 0.5, 0.5);
      const type = blockType(centre, random);
      land.push({ c, r, quad, type, count: random.int(...COMPOUNDS_PER_BLOCK[type]) });
    }
  }
  random.shuffle(land);
  const park = land.splice(0, NON_RESIDENTIAL_BLOCKS)[0];
  // Settle on exactly COMPOUND_COUNT compounds, nudging blocks at random.
  let total = land.reduce((s, b) => s + b.count, 0);
  while (total !== COMPOUND_COUNT) {
    const block = random.pick(land);
    const step = total < COMPOUND_COUNT ? 1 : -1;
    if (block.count + step < 1 || block.count + step > 6) continue;
    block.count += step;
    total += step;
  }
  land.sort((a, b) => a.c - b.c || a.r - b.r);

  const nameCompound = compoundNamer(random);
  const perCommunity = new Map<string, number>();
  const compounds: Compound[] = [];
  land.forEach((block, blockIndex) => {
    const street = streets.find((s) => contains(s.cells, block.c, block.r))!;
    const community = communities.find((s) => contains(s.cells, block.c, block.r))!;
    const grid = grids.find((s) => contains(s.cells, block.c, block.r))!;
    // Some blocks keep a parcel for a school, a market or a clinic.
    const reserve = random.weighted([0.3, 0.55, 0.15]);
    const plots = random.shuffle(parcels(block.quad, block.count + reserve, random));
    for (const parcel of plots.slice(reserve)) {
      const type = random.chance(0.8) ? block.type : random.pick(["old", "modern", "resettlement"] as const);
      const n = (perCommunity.get(community.id) ?? 0) + 1;
      perCommunity.set(community.id, n);
      compounds.push({
        id: `${community.id}X${pad(n, 2)}`,
        ...nameCompound(type),
        type,
        builtYear: random.int(...BUILT[type]),
        hasPropertyManagement: random.chance(MANAGED[type]),
        ring: compoundRing(parcel, random),
        street,
        community,
        grid,
        block: blockIndex,
      });
    }
  });
  return { district, streets, communities, grids, compounds, park: park.quad, parentOf };
}

/** Occupancy, renting and shops scale with households; the shares are the seeds' 龙泽书苑 figures, varied by era. */
const OCCUPIED: Record<CompoundType, [number, number]> = {
  old: [0.82, 0.95],
  modern: [0.78, 0.92],
  resettlement: [0.85, 0.95],
};
const RENTED: Record<CompoundType, [number, number]> = {
  old: [0.26, 0.38],
  modern: [0.15, 0.32],
  resettlement: [0.2, 0.35],
};
const SHOPS_PER_HOUSEHOLD: Record<CompoundType, number> = { old: 0.03, modern: 0.07, resettlement: 0.05 };

export function compoundFigures(type: CompoundType, households: number, random: Random): CompoundFigures {
  const occupied = Math.round(households * random.uniform(...OCCUPIED[type]));
  return {
    households,
    occupied,
    rented: Math.min(occupied, Math.round(households * random.uniform(...RENTED[type]))),
    shops: Math.round(households * SHOPS_PER_HOUSEHOLD[type] * random.uniform(0.5, 1.5)),
  };
}

function communityCode(communities: Area[], community: Area, streetIndex: number): string {
  const within = communities.filter((c) => c.id.startsWith(community.id.slice(0, 3)));
  return `${DISTRICT_CODE}${pad(streetIndex + 1, 3)}${pad(within.indexOf(community) + 1, 3)}`;
}

/** Household figures of a compound, summed from its buildings. */
export interface CompoundFigures {
  households: number;
  occupied: number;
  rented: number;
  shops: number;
}

/** Rows of the places table: district, streets, communities, grids, then compounds. */
export function placeRows(
  lattice: Lattice,
  places: Places,
  figures: (c: Compound) => CompoundFigures,
): Row[] {
  const { district, streets, communities, grids, compounds, parentOf } = places;
  const area = (a: Area, level: string, extra: Row): Row => {
    const ring = outline(lattice, a.cells);
    const { areaM2, lon, lat } = measure(ring);
    return {
      place_id: a.id,
      level,
      name: a.name,
      parent_id: parentOf.get(a.id)?.id ?? null,
      area_m2: areaM2,
      lon,
      lat,
      geometry: polygonJson(ring),
      ...extra,
    };
  };
  const streetOf = (a: Area) => parentOf.get(a.id)!;
  return [
    area(district, "district", { code: DISTRICT_CODE }),
    ...streets.map((s, i) => area(s, "street", { code: `${DISTRICT_CODE}${pad(i + 1, 3)}` })),
    ...communities.map((c) =>
      area(c, "community", {
        street_id: streetOf(c).id,
        code: communityCode(communities, c, streets.indexOf(streetOf(c))),
      })
    ),
    ...grids.map((g) => {
      const community = parentOf.get(g.id)!;
      return area(g, "grid", { street_id: streetOf(community).id, community_id: community.id });
    }),
    ...compounds.map((c) => {
      const { areaM2, lon, lat } = measure(c.ring);
      const f = figures(c);
      return {
        place_id: c.id,
        level: "compound",
        name: c.name,
        parent_id: c.community.id,
        street_id: c.street.id,
        community_id: c.community.id,
        aliases: c.aliases,
        compound_type: c.type,
        built_year: c.builtYear,
        households: f.households,
        occupied_households: f.occupied,
        rented_households: f.rented,
        shops: f.shops,
        has_property_management: c.hasPropertyManagement,
        area_m2: areaM2,
        lon,
        lat,
        geometry: polygonJson(c.ring),
      };
    }),
  ];
}
