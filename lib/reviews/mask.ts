/**
 * Residents' personal data masked inside the SQL that reads it, so the unmasked text
 * never reaches a review's rows, tables, exports or frozen packs.
 */

/** 张伟 → 张*; 欧阳娜娜 → 欧***. The surname lets a caller greet the resident. */
export function maskNameSql(column: string): string {
  return `CASE WHEN ${column} IS NULL OR length(${column}) = 0 THEN NULL
    ELSE left(${column}, 1) || repeat('*', greatest(length(${column}) - 1, 1)) END`;
}

/** 13812345678 → 138****5678; anything with fewer than 7 digits → ****. */
export function maskPhoneSql(column: string): string {
  const digits = `regexp_replace(${column}, '[^0-9]', '', 'g')`;
  return `CASE WHEN ${column} IS NULL THEN NULL
    WHEN length(${digits}) >= 7 THEN left(${digits}, 3) || '****' || right(${digits}, 4)
    ELSE '****' END`;
}

/** Free text: runs of 3+ digits (phones, ID and room numbers) become ***, and it is cut to `max` characters. */
export function maskTextSql(column: string, max = 30): string {
  const masked = `regexp_replace(${column}, '[0-9]{3,}', '***', 'g')`;
  return `CASE WHEN length(${masked}) > ${max} THEN left(${masked}, ${max}) || '…' ELSE ${masked} END`;
}
