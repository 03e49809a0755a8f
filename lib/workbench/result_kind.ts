/**
 * What a query result can be drawn as, decided from its column names and types so
 * the chart and the map open with sensible choices and no configuration.
 */

export type ColumnKind = "number" | "time" | "text" | "other";

export interface ResultColumn {
  name: string;
  kind: ColumnKind;
}

export type ChartSpec =
  | { mark: "line"; x: string; y: string }
  | { mark: "bar"; x: string; y: string }
  | { mark: "histogram"; x: string }
  | null;

/** Line over time, bars over categories, a histogram of a lone number. */
export function defaultChart(columns: ResultColumn[]): ChartSpec {
  const numbers = columns.filter((c) => c.kind === "number" && !isIdLike(c.name));
  const time = columns.find((c) => c.kind === "time");
  const text = columns.find((c) => c.kind === "text");
  if (time && numbers.length) return { mark: "line", x: time.name, y: numbers[0].name };
  if (text && numbers.length) return { mark: "bar", x: text.name, y: numbers[0].name };
  if (numbers.length === 1) return { mark: "histogram", x: numbers[0].name };
  if (numbers.length >= 2) return { mark: "line", x: numbers[0].name, y: numbers[1].name };
  return null;
}

function isIdLike(name: string): boolean {
  return /(^|_)(id|lon|lat|lng|longitude|latitude)$/i.test(name);
}

export type MapSpec =
  | { kind: "points"; lon: string; lat: string }
  | { kind: "places"; column: string; table: "places" | "buildings"; idColumn: "place_id" | "building_id" }
  | { kind: "h3"; column: string }
  | null;

const PLACE_COLUMNS = ["place_id", "compound_id", "community_id", "street_id", "grid_id"];

/** Points from lon/lat, polygons from a place or building id, hexagons from an H3 cell. */
export function defaultMap(columns: ResultColumn[]): MapSpec {
  const names = columns.map((c) => c.name.toLowerCase());
  const find = (...candidates: string[]) => columns[names.findIndex((n) => candidates.includes(n))]?.name;
  const lon = find("lon", "lng", "longitude");
  const lat = find("lat", "latitude");
  if (lon && lat) return { kind: "points", lon, lat };
  const building = find("building_id");
  if (building) return { kind: "places", column: building, table: "buildings", idColumn: "building_id" };
  const place = find(...PLACE_COLUMNS);
  if (place) return { kind: "places", column: place, table: "places", idColumn: "place_id" };
  const h3 = columns.find((c) => /^h3(_r\d+)?$|_h3$|^cell$/i.test(c.name));
  if (h3) return { kind: "h3", column: h3.name };
  return null;
}

/** Arrow type names (as `String(field.type)` prints them) → the kind that decides charts. */
export function columnKind(arrowType: string): ColumnKind {
  if (/^(Int|Uint|Float|Decimal)/.test(arrowType)) return "number";
  if (/^(Timestamp|Date)/.test(arrowType)) return "time";
  if (/^(Utf8|LargeUtf8|Dictionary)/.test(arrowType)) return "text";
  return "other";
}
