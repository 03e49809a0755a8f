/**
 * Open311 GeoReport v2 `requests.json`: an array of service requests. Its field names
 * (`service_request_id`, `requested_datetime`, `lat`, `long`, …) are recognised by
 * headers.ts, so a GeoReport file needs no mapping.
 */
import type { RawTable } from "./records.ts";

export function readOpen311(file: string, json: unknown): RawTable {
  // Some servers wrap the array: {"service_requests": [...]} or {"requests": [...]}.
  const list = Array.isArray(json)
    ? json
    : (json as Record<string, unknown>)?.service_requests ?? (json as Record<string, unknown>)?.requests;
  if (!Array.isArray(list)) throw new Error(`${file} is not an Open311 GeoReport v2 list of requests`);
  const headers = [...new Set(list.flatMap((r) => r && typeof r === "object" ? Object.keys(r) : []))];
  const rows = list.map((request, i) => {
    const record = request && typeof request === "object" ? request as Record<string, unknown> : {};
    return { row: i + 1, cells: headers.map((h) => record[h] ?? null), raw: JSON.stringify(request) };
  });
  return { file, headers, rows, rejects: [] };
}
