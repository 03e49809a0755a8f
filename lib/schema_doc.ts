/** `docs/schema.md`, written from the schema module so the two can never disagree. */
import { TABLES } from "./schema.ts";

export function schemaMarkdown(): string {
  const lines = [
    "# The canonical model",
    "",
    "Generated from `lib/schema.ts` by `deno task schema-doc`; a test fails when this page is out of date.",
    "The browser's DuckDB, `deno task sql` and the tests see these tables under these names.",
    "Times are UTC instants (`TIMESTAMP`); geometry is WGS84 GeoJSON text.",
    "Columns marked 🔒 hold residents' personal data, of the kind named (name, phone, address, text): masked for",
    "every role but admin, never sent to the wall display (see `docs/access.md`).",
    "",
  ];
  for (const t of TABLES) {
    lines.push(`## \`${t.name}\` — ${t.zh} / ${t.en}`, "", `Key: ${t.key.map((k) => `\`${k}\``).join(", ")}`, "");
    lines.push("| column | type | required | 中文 | meaning |", "|---|---|---|---|---|");
    for (const c of t.columns) {
      const personal = c.personal ? ` 🔒 ${c.personal}` : "";
      lines.push(`| \`${c.name}\`${personal} | ${c.type} | ${c.required ? "yes" : ""} | ${c.zh} | ${c.en} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
