/** `deno task sql` prints times as local ISO text (or UTC with `--utc`) in every format. */
import assert from "node:assert/strict";
import { writeStore } from "../../lib/store/store.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

async function sql(dir: string, ...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "cli/sql.ts", ...args, "--data", dir],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout);
  assert.equal(code, 0, out + new TextDecoder().decode(stderr));
  return out;
}

Deno.test("times print as 2019-04-25 09:32:09 in the deployment's zone, or with --utc in UTC with the offset", async () => {
  const dir = await Deno.makeTempDir({ prefix: "linli-sql-" });
  try {
    const created = Date.UTC(2019, 3, 25, 1, 32, 9); // 09:32:09 in Beijing
    await writeStore(dir, { tickets: { ticket_id: ["A"], created_at: [created], status: ["open"] } }, "test");
    const query = "SELECT ticket_id, created_at, CAST(created_at AS DATE) AS day, 1556155929000 AS n FROM tickets";
    const csv = await sql(dir, query, "--format", "csv");
    assert.equal(csv.trim(), "ticket_id,created_at,day,n\nA,2019-04-25 09:32:09,2019-04-25,1556155929000");
    const json = JSON.parse(await sql(dir, query, "--format", "json", "--utc"));
    assert.deepEqual(json, [{
      ticket_id: "A",
      created_at: "2019-04-25 01:32:09+00:00",
      day: "2019-04-25",
      n: 1556155929000,
    }]);
    assert.match(await sql(dir, query), /2019-04-25 09:32:09/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
