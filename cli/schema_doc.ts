import { schemaMarkdown } from "../lib/schema_doc.ts";

await Deno.writeTextFile(new URL("../docs/schema.md", import.meta.url), schemaMarkdown());
