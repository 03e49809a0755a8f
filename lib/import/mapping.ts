/**
 * The mapping file (`--map MAP.json`): canonical field names to the file's own column
 * names, plus how to read its timestamps. Example:
 * `{"ticket_id": "SRNumber", "created_at": "CreatedDate", "timezone": "America/New_York"}`.
 */
import { table as schemaTable } from "../schema.ts";
import { UPDATED_AT } from "./headers.ts";
import { DEPLOYMENT_TIME_ZONE } from "../time.ts";
import type { SlashOrder, TimestampOptions } from "./timestamps.ts";

export interface Mapping {
  fields: Record<string, string>;
  timestamps: Required<TimestampOptions>;
}

const SLASH_ORDERS: SlashOrder[] = ["MM/DD/YYYY", "DD/MM/YYYY"];

export function defaultMapping(): Mapping {
  return { fields: {}, timestamps: { timezone: DEPLOYMENT_TIME_ZONE, slashOrder: "MM/DD/YYYY" } };
}

/** Checks a parsed mapping file against the table it is for; errors name the entry at fault. */
export function parseMapping(json: unknown, tableName: string): Mapping {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error("the mapping must be a JSON object of canonical field names to column names");
  }
  const mapping = defaultMapping();
  const known = new Set([...schemaTable(tableName).columns.map((c) => c.name), UPDATED_AT]);
  for (const [key, value] of Object.entries(json)) {
    if (typeof value !== "string") throw new Error(`mapping entry "${key}" must be a string`);
    if (key === "timezone") {
      new Intl.DateTimeFormat("en", { timeZone: value }).format(0);
      mapping.timestamps.timezone = value;
    } else if (key === "timestamp_format") {
      if (!SLASH_ORDERS.includes(value as SlashOrder)) {
        throw new Error(`timestamp_format must be one of ${SLASH_ORDERS.join(", ")}, not "${value}"`);
      }
      mapping.timestamps.slashOrder = value as SlashOrder;
    } else if (known.has(key)) mapping.fields[key] = value;
    else throw new Error(`mapping entry "${key}" is not a field of ${tableName} (${[...known].join(", ")})`);
  }
  return mapping;
}
