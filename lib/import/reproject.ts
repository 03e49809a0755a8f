/**
 * Coordinates to WGS84: projected GeoJSON (a declared `crs` such as EPSG:3857) through
 * proj4, and Chinese map services' GCJ-02 (AMap, Tencent) and BD-09 (Baidu) through
 * gcoord, which sit 300–600 m off OpenStreetMap's WGS84 otherwise.
 */
import gcoordModule from "gcoord";
import proj4 from "proj4";

import type { CoordSystem } from "./kinds.ts";
export { COORD_SYSTEMS, type CoordSystem } from "./kinds.ts";

type Transform = (x: number, y: number) => [number, number];

/** gcoord's types describe its CommonJS default export as the module namespace; this is its real shape. */
const gcoord = gcoordModule as unknown as {
  GCJ02: string;
  BD09: string;
  WGS84: string;
  transform(input: [number, number], from: string, to: string): [number, number];
};

const CHINESE = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** The transform to WGS84 for a Chinese map service's coordinates, or null for WGS84 itself. */
export function fromCoordSystem(system: CoordSystem): Transform | null {
  if (system === "wgs84") return null;
  const crs = CHINESE[system];
  return (x, y) => gcoord.transform([x, y], crs, gcoord.WGS84);
}

/** `{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}` → "EPSG:3857". */
export function crsName(crs: unknown): string | null {
  const name = (crs as { properties?: { name?: unknown } })?.properties?.name;
  if (typeof name !== "string") return null;
  if (/CRS84$/i.test(name)) return "EPSG:4326";
  const m = /EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(name);
  return m ? `EPSG:${m[1]}` : name;
}

/** The transform to WGS84 for a GeoJSON file's declared CRS, or null when it already is WGS84. */
export function fromCrs(crs: unknown): Transform | null {
  const name = crsName(crs);
  if (name === null || name === "EPSG:4326") return null;
  if (!proj4.defs(name)) {
    throw new Error(`the declared CRS "${name}" is not known (proj4 knows EPSG:4326, 3857, 900913)`);
  }
  const converter = proj4(name, "EPSG:4326");
  return (x, y) => converter.forward([x, y]) as [number, number];
}

/** Both transforms in turn, a CRS first and a map service's offset second. */
export function compose(first: Transform | null, second: Transform | null): Transform | null {
  if (!first || !second) return first ?? second;
  return (x, y) => second(...first(x, y));
}
