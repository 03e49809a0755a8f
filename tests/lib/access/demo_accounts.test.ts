import assert from "node:assert/strict";
import { checkPassword } from "../../../lib/access/accounts.ts";
import { createDemoAccounts, demoCredentials } from "../../../lib/access/demo_accounts.ts";
import { secretHash } from "../../../lib/access/secrets.ts";
import { revokeWallToken, wallTokenByHash } from "../../../lib/access/wall_tokens.ts";
import { storeWithStreets } from "../../routes/access_fixtures.ts";

Deno.test("the demo gets one account per role, the street one for the first street, and a wall token", async () => {
  const dir = await storeWithStreets();
  const demo = await createDemoAccounts(dir);
  assert.deepEqual(demo.accounts.map((a) => a.name), ["demo-admin", "demo-leader", "demo-street", "demo-analyst"]);
  for (const a of demo.accounts) {
    const account = await checkPassword(dir, a.name, a.password);
    assert.equal(account?.role, a.role, a.name);
  }
  const street = await checkPassword(dir, "demo-street", demo.accounts[2].password);
  assert.deepEqual(street?.streets, ["S01"]);
  assert.equal(street?.display, "文昌街道示范干部");
  const token = new URL(demo.wallPath, "http://x").searchParams.get("token")!;
  assert.ok(await wallTokenByHash(dir, secretHash(token)));
  assert.equal(demoCredentials(), demo, "the login page reads them");

  const again = await createDemoAccounts(dir);
  assert.deepEqual(again, demo, "a restart keeps the passwords and the token, so its sessions stay on");
  await revokeWallToken(dir, "demo-wall");
  assert.notEqual((await createDemoAccounts(dir)).wallPath, demo.wallPath, "a revoked token is replaced");
  assert.equal((await Deno.stat(`${dir}/access/demo_credentials.json`)).mode! & 0o777, 0o600);
});
