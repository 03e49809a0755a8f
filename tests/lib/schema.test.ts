import assert from "node:assert/strict";
import { PERSONAL_COLUMNS, TABLES } from "../../lib/schema.ts";
import { schemaMarkdown } from "../../lib/schema_doc.ts";

Deno.test("docs/schema.md is generated from lib/schema.ts (run `deno task schema-doc`)", async () => {
  const onDisk = await Deno.readTextFile(new URL("../../docs/schema.md", import.meta.url));
  assert.equal(onDisk, schemaMarkdown());
});

Deno.test("every table's key and personal columns exist", () => {
  for (const t of TABLES) {
    const names = t.columns.map((c) => c.name);
    assert.equal(new Set(names).size, names.length, `${t.name} repeats a column`);
    for (const k of [...t.key, ...(PERSONAL_COLUMNS[t.name] ?? [])]) assert.ok(names.includes(k), `${t.name}.${k}`);
  }
});
