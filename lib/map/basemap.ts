/**
 * A user's own basemap under our layers: an XYZ raster tile URL on their intranet,
 * configured with `LINLI_BASEMAP_TILES` (e.g. `http://gis.local/tiles/{z}/{x}/{y}.png`).
 * The browser fetches tiles from our origin (`/api/basemap/z/x/y`), which relays them,
 * so the page still talks to one host only and the security policy needs no exception.
 * Unset, there is no basemap.
 */

export const BASEMAP_ENV = "LINLI_BASEMAP_TILES";
export const BASEMAP_ROUTE = "/api/basemap/{z}/{x}/{y}";

export function basemapTemplate(env: (name: string) => string | undefined): string | null {
  const value = env(BASEMAP_ENV)?.trim();
  if (!value) return null;
  const url = new URL(value);
  if (!["http:", "https:"].includes(url.protocol)) throw new Error(`${BASEMAP_ENV} must be an http(s) URL: ${value}`);
  for (const part of ["{z}", "{x}", "{y}"]) {
    if (!value.includes(part)) throw new Error(`${BASEMAP_ENV} must contain ${part}: ${value}`);
  }
  return value;
}

/** The upstream URL of one tile, or null when the path is not z/x/y in range. */
export function upstreamTileUrl(template: string, path: string): string | null {
  const match = /^(\d{1,2})\/(\d+)\/(\d+)(?:\.\w+)?$/.exec(path);
  if (!match) return null;
  const [z, x, y] = match.slice(1).map(Number);
  if (z > 24 || x >= 2 ** z || y >= 2 ** z) return null;
  return template.replace("{z}", String(z)).replace("{x}", String(x)).replace("{y}", String(y));
}
