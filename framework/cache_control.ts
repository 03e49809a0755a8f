/** The cache policies answers choose from, by what they carry. */

/** Residents' data: never stored by a browser or a proxy, even for revalidation. */
export const PERSONAL_DATA = "private, no-store";
/** Answers that change (lists, health, packs that may be removed): stored, asked again each time. */
export const REVALIDATE = "private, no-cache";
/** Content-addressed URLs (a hash or a store version in the path). */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** A JSON answer that holds residents' data (or decisions about it): never stored. */
export function personalJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": PERSONAL_DATA } });
}
