/** What the web import's routes share: who acts, the kind asked for, a bounded JSON body. */
import { IMPORT_KINDS, type ImportKind } from "../import/pipeline.ts";
import { principalOf } from "../access/principal.ts";
import { COORD_SYSTEMS, type CoordSystem } from "../import/reproject.ts";
import { readAtMost } from "../read_at_most.ts";
import { type Upload, uploadOf } from "./import_uploads.ts";
import { dataDir } from "../config.ts";
import { PLACE_LEVELS, type PlaceLevel } from "../schema.ts";

/** A request body of settings and a mapping: small. */
const JSON_LIMIT = 1024 * 1024;

/** The account acting (the access policy lets only admins reach these routes). */
export function actingName(state: Record<string, unknown>): string {
  return principalOf(state)?.name ?? "";
}

export function importKind(value: unknown): ImportKind | null {
  return IMPORT_KINDS.includes(value as ImportKind) ? value as ImportKind : null;
}

export async function jsonBody(req: Request): Promise<Record<string, unknown> | null> {
  const bytes = await readAtMost(req, JSON_LIMIT);
  if (!bytes) return null;
  try {
    const body = JSON.parse(new TextDecoder().decode(bytes));
    return typeof body === "object" && body !== null && !Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

export interface ImportSettings {
  level?: PlaceLevel;
  coords: CoordSystem;
}

/** The settings an import of `kind` needs, from the request's fields, or what is wrong with them. */
export function importSettings(kind: ImportKind, fields: Record<string, unknown>): ImportSettings | string {
  const coords = (fields.coords ?? "wgs84") as CoordSystem;
  if (!COORD_SYSTEMS.includes(coords)) return `coords must be one of ${COORD_SYSTEMS.join(", ")}`;
  if (kind !== "places") return { coords };
  const level = fields.level as PlaceLevel;
  if (!PLACE_LEVELS.includes(level)) return `places need a level, one of ${PLACE_LEVELS.join(", ")}`;
  return { coords, level };
}

export interface UploadRequest {
  body: Record<string, unknown>;
  kind: ImportKind;
  upload: Upload;
  settings: ImportSettings;
}

/** A JSON request about an upload of the acting admin: its body, kind, upload and settings, or what is wrong (and its status). */
export async function uploadRequest(
  req: Request,
  state: Record<string, unknown>,
): Promise<UploadRequest | { error: string; status: number }> {
  const body = await jsonBody(req);
  if (!body) return { error: "the body must be a JSON object", status: 400 };
  const kind = importKind(body.kind);
  if (!kind) return { error: "kind must be places, buildings, tickets or callbacks", status: 400 };
  const upload = await uploadOf(dataDir(), body.upload, actingName(state));
  if (!upload) return { error: "the upload has expired: choose the file again", status: 410 };
  const settings = importSettings(kind, body);
  if (typeof settings === "string") return { error: settings, status: 400 };
  return { body, kind, upload, settings };
}
