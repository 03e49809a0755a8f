/**
 * Residents' fields as a masked role may read them, written once as SQL expressions
 * (DuckDB's dialect: the server builds the masked scopes with them, and a page that
 * must mask what it holds uses the same ones). Every rule maps null to null and never
 * returns a non-null value unmasked, whatever its shape.
 */
import { BUILDING_SUFFIXES } from "../import/address_match.ts";
import { type PersonalKind, table as schemaTable } from "../schema.ts";

/**
 * 王小明 → 王**, 欧阳娜娜 → 欧***, 李 → 李*. A name with spaces (a Latin name, or 王 小明 as
 * typed) keeps its first character and its spaces, every other character hidden:
 * John Smith → J*** *****, so the caller can greet the resident without reading the name.
 */
export function maskNameSql(column: string): string {
  const name = `trim(${column})`;
  return `CASE WHEN ${column} IS NULL OR ${name} = '' THEN NULL
    WHEN length(${name}) = 1 THEN ${name} || '*'
    ELSE left(${name}, 1) || regexp_replace(substr(${name}, 2), '\\S', '*', 'g') END`;
}

/**
 * Phones by the digits they hold, whatever the separators: a mobile keeps its first 3
 * and last 4 digits (138****5678); a landline with its area code keeps the area code and
 * the last 4 (010-****5678, 0571-****1234); a local number of 7 or 8 digits keeps its
 * last 2 (*****67); anything shorter (a 5-digit service number) or without digits is all
 * stars. Longer runs (two numbers in one field) keep 3 and 4 around their stars. Every
 * rule maps its own output to itself.
 */
export function maskPhoneSql(column: string): string {
  // China's country code before a mobile (+86, 0086) is not part of the number.
  // A star counts as a digit, so a masked phone masked again stays as it was (a frozen review pack).
  const d = `regexp_replace(regexp_replace(${column}, '[^0-9*]', '', 'g'), '^(0086|86)(1[0-9]{10})$', '\\2')`;
  const stars = (hidden: string) => `repeat('*', ${hidden})`;
  return `CASE WHEN ${column} IS NULL OR trim(${column}) = '' THEN NULL
    WHEN regexp_full_match(${d}, '1[0-9*]{10}') THEN left(${d}, 3) || '****' || right(${d}, 4)
    WHEN regexp_full_match(${d}, '0[12][0-9*]{8,9}') THEN left(${d}, 3) || '-' || ${
    stars(`length(${d}) - 7`)
  } || right(${d}, 4)
    WHEN regexp_full_match(${d}, '0[3-9][0-9*]{9,10}') THEN left(${d}, 4) || '-' || ${
    stars(`length(${d}) - 8`)
  } || right(${d}, 4)
    WHEN length(${d}) >= 11 THEN left(${d}, 3) || ${stars(`length(${d}) - 7`)} || right(${d}, 4)
    WHEN length(${d}) >= 7 THEN ${stars(`length(${d}) - 2`)} || right(${d}, 2)
    ELSE ${stars(`greatest(length(${d}), 4)`)} END`;
}

const DIGIT = "[0-9０-９]";

/**
 * An address cut after its building, the unit and room dropped: 德沁苑3栋2单元501 → 德沁苑3栋
 * (the building words of lib/import/address_match.ts). Without a building number, it is
 * cut before its first digit (德沁苑2单元501 → 德沁苑); nothing left is null.
 */
export function maskAddressSql(column: string): string {
  const building = `^(.*?${DIGIT}+\\s*(?:${BUILDING_SUFFIXES.join("|")}))`;
  return `CASE WHEN ${column} IS NULL THEN NULL
    WHEN regexp_matches(${column}, '${building}') THEN regexp_extract(${column}, '${building}', 1)
    ELSE nullif(trim(regexp_replace(${column}, '${DIGIT}.*$', '')), '') END`;
}

/** Seven or more digits, possibly split by spaces or dashes: what a phone looks like inside text. */
const PHONE_LIKE = `${DIGIT}[0-9０-９ -]{5,}${DIGIT}`;

/**
 * Free text without phone-like digit runs (→ ***) and without the reporter's name (→ the
 * masked name), when `nameColumn` names the row's name. A one-character name is not
 * searched for: it would strike that character from every word.
 */
export function maskFreeTextSql(column: string, nameColumn?: string): string {
  const name = nameColumn && `trim(${nameColumn})`;
  const withoutName = name
    ? `CASE WHEN ${nameColumn} IS NULL OR length(${name}) < 2 THEN ${column}
      ELSE replace(${column}, ${name}, ${maskNameSql(nameColumn)}) END`
    : column;
  return `regexp_replace(${withoutName}, '${PHONE_LIKE}', '***', 'g')`;
}

/** Each kind's rule, given the column and (for free text) the row's name column. */
export function maskSql(kind: PersonalKind, column: string, nameColumn?: string): string {
  switch (kind) {
    case "name":
      return maskNameSql(column);
    case "phone":
      return maskPhoneSql(column);
    case "address":
      return maskAddressSql(column);
    case "text":
      return maskFreeTextSql(column, nameColumn);
  }
}

/**
 * A select list of every column of a schema table, residents' fields masked by the kind
 * lib/schema.ts declares for them; `alias` qualifies the columns (e.g. `t`).
 */
export function maskedColumnsSql(tableName: string, alias?: string): string[] {
  const t = schemaTable(tableName);
  const ref = (name: string) => alias ? `${alias}.${name}` : name;
  const nameColumn = t.columns.find((c) => c.personal === "name");
  return t.columns.map((c) =>
    c.personal ? `${maskSql(c.personal, ref(c.name), nameColumn && ref(nameColumn.name))} AS ${c.name}` : ref(c.name)
  );
}
