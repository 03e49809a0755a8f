/**
 * The import's vocabulary of choices, without the import itself: what a page offering an
 * import (islands/DataImport.tsx) needs in the browser, where the import library's readers
 * and geometry would weigh on the bundle. lib/import/pipeline.ts and reproject.ts re-export them.
 */
export const IMPORT_KINDS = ["places", "buildings", "tickets", "callbacks"] as const;
export type ImportKind = typeof IMPORT_KINDS[number];

/** The phases of an import: the upload (the web's), read and assign (the pipeline's), write (the store's). */
export const IMPORT_PHASES = ["upload", "read", "assign", "write"] as const;
export type ImportPhase = typeof IMPORT_PHASES[number];

export const COORD_SYSTEMS = ["wgs84", "gcj02", "bd09"] as const;
export type CoordSystem = typeof COORD_SYSTEMS[number];
