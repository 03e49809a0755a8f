/** `deno task audit`: the store's audit trail, filtered, as a table, CSV or JSON. */
import { parseArgs } from "node:util";
import { readAudit } from "../lib/access/audit.ts";
import { dataDir } from "../lib/config.ts";
import { toCsv } from "../lib/export/csv.ts";

const USAGE = `usage: deno task audit [--since YYYY-MM-DD] [--user NAME] [--format table|csv|json] [--data DIR]
  --since      entries from this day on (UTC)
  --user       entries of this account or wall (for a failed sign-in, the name tried)
  --format     table (default), csv or json
  --data DIR   the store (default: $LINLI_DATA, else the built-in demo store)

The trail records sign-ins (failed ones too), sign-outs, refusals, data downloads with
their table, scope and rows, imports, review pack writes, and account and token changes.`;

const COLUMNS = [
  "time",
  "event",
  "user",
  "role",
  "address",
  "table",
  "scope",
  "rows",
  "path",
  "reason",
  "detail",
] as const;

const { values } = parseArgs({
  args: Deno.args,
  options: {
    since: { type: "string" },
    user: { type: "string" },
    format: { type: "string", default: "table" },
    data: { type: "string" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
const badSince = values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since);
if (badSince || !["table", "csv", "json"].includes(values.format!)) {
  console.error(USAGE);
  Deno.exit(2);
}

const records = await readAudit(values.data ?? dataDir(), { since: values.since, user: values.user });
const rows = records.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? null])));
if (values.format === "json") console.log(JSON.stringify(records, null, 2));
else if (values.format === "csv") console.log(toCsv(rows));
else {
  if (rows.length) console.table(rows);
  console.log(`(${rows.length} entries)`);
}
