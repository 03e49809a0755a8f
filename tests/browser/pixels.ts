/**
 * Reads screenshots pixel by pixel, to check that a map really drew something where the
 * page says it did rather than trusting the page's own word.
 */
import { decode } from "fast-png";

export type Rgb = [number, number, number];
/** A position in CSS pixels relative to the element's top-left corner. */
export type Point = [number, number];

/** A per-channel difference below this is antialiasing or compression, not a drawing. */
export const CLEAR_DIFFERENCE = 32;

export interface Image {
  width: number;
  height: number;
  /** The colour at device pixel (x, y), or undefined outside the image. */
  pixel(x: number, y: number): Rgb | undefined;
}

export function decodeImage(png: Uint8Array): Image {
  const { width, height, data, depth, channels, palette } = decode(png);
  if (depth !== 8 || channels < 3 || palette) {
    throw new Error(`unsupported PNG: depth ${depth}, ${channels} channels`);
  }
  return {
    width,
    height,
    pixel(x, y) {
      if (x < 0 || y < 0 || x >= width || y >= height) return undefined;
      const i = (y * width + x) * channels;
      return [data[i], data[i + 1], data[i + 2]];
    },
  };
}

export function parseHexColor(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`not a #rrggbb colour: ${JSON.stringify(hex)}`);
  return [1, 2, 3].map((i) => parseInt(match[i], 16)) as Rgb;
}

export function differsClearly(a: Rgb, b: Rgb): boolean {
  return a.some((channel, i) => Math.abs(channel - b[i]) >= CLEAR_DIFFERENCE);
}

export interface ProbeResult {
  hits: Point[];
  misses: Point[];
}

/**
 * Sorts the probe points by whether the image differs clearly from the background there.
 * A point hits when any pixel of the 3×3 block around it does, because a point's CSS
 * position rounds to a pixel next to the centre of a small marker.
 */
export function probe(
  image: Image,
  points: Point[],
  background: Rgb,
  scale = 1,
): ProbeResult {
  const result: ProbeResult = { hits: [], misses: [] };
  for (const point of points) {
    const cx = Math.round(point[0] * scale);
    const cy = Math.round(point[1] * scale);
    let hit = false;
    for (let dy = -1; dy <= 1 && !hit; dy++) {
      for (let dx = -1; dx <= 1 && !hit; dx++) {
        const colour = image.pixel(cx + dx, cy + dy);
        hit = colour !== undefined && differsClearly(colour, background);
      }
    }
    (hit ? result.hits : result.misses).push(point);
  }
  return result;
}
