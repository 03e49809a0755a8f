/**
 * A figure about one building that is very small points at a household: on a screen
 * anyone in the room can read (the wall), such counts are not shown at all.
 */

export const MIN_BUILDING_COUNT = 3;

/** The rows whose count is large enough to show; the others are left out, not zeroed. */
export function showableBuildingRows<T>(rows: T[], count: (row: T) => number): T[] {
  return rows.filter((row) => count(row) >= MIN_BUILDING_COUNT);
}
