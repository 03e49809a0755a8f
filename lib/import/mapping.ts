/**
 * The mapping file (`--map MAP.json`): canonical field names to the file's own column
 * names, how to read its timestamps, and words of its own for the vocabularies. Example:
 * `{"ticket_id": "SRNumber", "created_at": "CreatedDate", "timezone": "America/New_York",
 *   "values": {"status": {"网格员处理": "closed"}}}`.
 */
import { table as schemaTable } from "../schema.ts";
import { UPDATED_AT } from "./headers.ts";
import { DEPLOYMENT_TIME_ZONE } from "../time.ts";
import type { SlashOrder, TimestampOptions } from "./timestamps.ts";
import { CODES, VOCABULARY_FIELDS, type VocabularyField } from "./vocabularies.ts";

export interface Mapping {
  fields: Record<string, string>;
  /** Columns read as nothing, though their header would be recognised (`"ignore": ["备注"]`). */
  ignored: string[];
  timestamps: Required<TimestampOptions>;
  values: Partial<Record<VocabularyField, Record<string, string>>>;
  /** Text longer than this many characters is cut, with a note (a 200 MB field would reach every browser). */
  fieldLimit: number;
}

export const DEFAULT_FIELD_LIMIT = 64 * 1024;

const SLASH_ORDERS: SlashOrder[] = ["MM/DD/YYYY", "DD/MM/YYYY"];

export function defaultMapping(): Mapping {
  return {
    fields: {},
    ignored: [],
    timestamps: { timezone: DEPLOYMENT_TIME_ZONE, slashOrder: "MM/DD/YYYY" },
    values: {},
    fieldLimit: DEFAULT_FIELD_LIMIT,
  };
}

function parseValues(json: unknown): Mapping["values"] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error(`mapping entry "values" must be an object such as {"status": {"网格员处理": "closed"}}`);
  }
  const values: Mapping["values"] = {};
  for (const [field, words] of Object.entries(json)) {
    if (!VOCABULARY_FIELDS.includes(field as VocabularyField)) {
      throw new Error(`"values" has "${field}", not one of ${VOCABULARY_FIELDS.join(", ")}`);
    }
    const codes = CODES[field as VocabularyField];
    for (const [word, code] of Object.entries(words as Record<string, unknown>)) {
      if (typeof code !== "string" || (codes && !codes.includes(code))) {
        throw new Error(`"values"."${field}"."${word}" must be ${codes ? `one of ${codes.join(", ")}` : "text"}`);
      }
    }
    values[field as VocabularyField] = words as Record<string, string>;
  }
  return values;
}

/** Checks a parsed mapping file against the table it is for; errors name the entry at fault. */
export function parseMapping(json: unknown, tableName: string): Mapping {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new Error("the mapping must be a JSON object of canonical field names to column names");
  }
  const mapping = defaultMapping();
  const known = new Set([...schemaTable(tableName).columns.map((c) => c.name), UPDATED_AT]);
  for (const [key, value] of Object.entries(json)) {
    if (key === "values") {
      mapping.values = parseValues(value);
      continue;
    }
    if (key === "ignore") {
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
        throw new Error(`mapping entry "ignore" must be a list of column names`);
      }
      mapping.ignored = value;
      continue;
    }
    if (key === "field_limit") {
      if (!Number.isInteger(value) || (value as number) < 1) {
        throw new Error("field_limit must be a whole number of characters");
      }
      mapping.fieldLimit = value as number;
      continue;
    }
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
