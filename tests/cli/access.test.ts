/** `deno task user`, `wall-token` and `audit` end to end on a temporary store. */
import assert from "node:assert/strict";
import { checkPassword, findAccount } from "../../lib/access/accounts.ts";
import { readAudit } from "../../lib/access/audit.ts";
import { secretHash } from "../../lib/access/secrets.ts";
import { wallTokenByHash } from "../../lib/access/wall_tokens.ts";
import { storeWithStreets } from "../routes/access_fixtures.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

async function run(script: string, args: string[], stdin = "") {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `cli/${script.replace("-", "_")}.ts`, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(stdin));
  await writer.close();
  const { code, stdout, stderr } = await child.output();
  return { code, out: new TextDecoder().decode(stdout), err: new TextDecoder().decode(stderr) };
}

const dir = await storeWithStreets();

Deno.test("user add, list, disable, enable and passwd, each audited", async () => {
  const add = await run("user", [
    "add",
    "zhang",
    "--role",
    "street",
    "--streets",
    "S01",
    "--display",
    "张三",
    "--data",
    dir,
  ], "a long password\n");
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /added zhang \(role street, streets S01\)/);
  assert.ok(await checkPassword(dir, "zhang", "a long password"), "the password came from standard input");
  assert.equal((await Deno.stat(`${dir}/access/users.json`)).mode! & 0o777, 0o600);

  const twice = await run("user", ["add", "zhang", "--role", "admin", "--data", dir], "a long password\n");
  assert.equal(twice.code, 1);
  assert.match(twice.err, /exists already/);
  const badStreet = await run(
    "user",
    ["add", "li", "--role", "street", "--streets", "S09", "--data", dir],
    "a long password\n",
  );
  assert.match(badStreet.err, /the store has no street S09/);
  const noStreet = await run("user", ["add", "li", "--role", "street", "--data", dir], "a long password\n");
  assert.match(noStreet.err, /needs --streets/);
  const short = await run("user", ["add", "li", "--role", "admin", "--data", dir], "short\n");
  assert.match(short.err, /at least 10 characters/);
  const badRole = await run("user", ["add", "li", "--role", "boss", "--data", dir]);
  assert.match(badRole.err, /--role must be one of admin, leader, street, analyst/);

  const list = await run("user", ["list", "--data", dir]);
  assert.match(list.out, /zhang.*张三.*street.*S01.*enabled/);
  assert.match(list.out, /\(1 accounts/);

  assert.equal((await run("user", ["disable", "zhang", "--data", dir])).code, 0);
  assert.equal((await findAccount(dir, "zhang"))?.disabled, true);
  assert.equal(await checkPassword(dir, "zhang", "a long password"), null, "a disabled account cannot sign in");
  assert.equal((await run("user", ["enable", "zhang", "--data", dir])).code, 0);
  assert.equal((await run("user", ["passwd", "zhang", "--data", dir], "a new long password\n")).code, 0);
  assert.ok(await checkPassword(dir, "zhang", "a new long password"));
  assert.equal((await run("user", ["disable", "nobody", "--data", dir])).code, 1);

  const events = (await readAudit(dir, { user: "zhang" })).map((r) => r.event);
  assert.deepEqual(events, ["user_add", "user_disable", "user_enable", "user_passwd"]);
  assert.match((await readAudit(dir))[0].address!, /^cli:/);
  assert.ok(!(await Deno.readTextFile(`${dir}/access/audit.jsonl`)).includes("long password"));
});

Deno.test("wall-token add prints the wall's address with its token; revoke ends it", async () => {
  const add = await run("wall-token", ["add", "command-room", "--url", "https://linli.example.gov.cn", "--data", dir]);
  assert.equal(add.code, 0, add.err);
  const url = new URL(add.out.trim());
  assert.equal(url.origin + url.pathname, "https://linli.example.gov.cn/wall");
  const token = url.searchParams.get("token")!;
  assert.ok(await wallTokenByHash(dir, secretHash(token)));
  assert.match((await run("wall-token", ["list", "--data", dir])).out, /command-room.*live/);
  assert.equal((await run("wall-token", ["revoke", "command-room", "--data", dir])).code, 0);
  assert.equal(await wallTokenByHash(dir, secretHash(token)), undefined);
  assert.match((await run("wall-token", ["list", "--data", dir])).out, /command-room.*revoked/);
  const events = (await readAudit(dir, { user: "command-room" })).map((r) => r.event);
  assert.deepEqual(events, ["wall_token_add", "wall_token_revoke"]);
  assert.ok(!(await Deno.readTextFile(`${dir}/access/audit.jsonl`)).includes(token), "no token in the trail");
});

Deno.test("audit filters by user and day and prints a table, CSV or JSON", async () => {
  const json = JSON.parse((await run("audit", ["--user", "zhang", "--format", "json", "--data", dir])).out);
  assert.ok(json.length >= 4 && json.every((r: { user: string }) => r.user === "zhang"));
  const csv =
    (await run("audit", ["--format", "csv", "--since", new Date().toISOString().slice(0, 10), "--data", dir])).out;
  assert.match(csv, /^time,event,user,role,address,table,scope,rows,path,reason,detail\n/);
  assert.match(csv, /wall_token_revoke,command-room,wall,cli:/);
  assert.match((await run("audit", ["--since", "2999-01-01", "--data", dir])).out, /\(0 entries\)/);
  assert.equal((await run("audit", ["--since", "yesterday", "--data", dir])).code, 2);
});

Deno.test("each access command has --help", async () => {
  for (
    const [script, words] of [["user", /passwd NAME/], ["wall-token", /revoke NAME/], ["audit", /--since/]] as const
  ) {
    const help = await run(script, ["--help"]);
    assert.equal(help.code, 0);
    assert.match(help.out, words);
  }
});
