import assert from "node:assert/strict";
import { hashPassword, passwordProblem, verifyPassword } from "../../../lib/access/password.ts";

Deno.test("a password is stored as a salted scrypt hash and verifies only itself", async () => {
  const stored = await hashPassword("邻里 correct horse");
  assert.equal(stored.algorithm, "scrypt");
  assert.ok(stored.N >= 2 ** 15 && stored.r >= 8, "memory-hard: at least 32 MiB");
  assert.ok(!JSON.stringify(stored).includes("correct horse"));
  assert.equal(await verifyPassword("邻里 correct horse", stored), true);
  assert.equal(await verifyPassword("邻里 correct horsE", stored), false);
  assert.equal(await verifyPassword("", stored), false);
  const again = await hashPassword("邻里 correct horse");
  assert.notEqual(again.salt, stored.salt, "each hash has its own salt");
  assert.notEqual(again.hash, stored.hash);
});

Deno.test("the cost stored with a hash is the one verified with, so it can be raised later", async () => {
  const stored = await hashPassword("long enough password");
  assert.equal(await verifyPassword("long enough password", { ...stored, N: stored.N * 2 }), false);
});

Deno.test("short passwords are refused", () => {
  assert.match(passwordProblem("short")!, /at least 10/);
  assert.equal(passwordProblem("街道办公室的密码很长"), null);
});

Deno.test("a crowd of checks at once take turns: each answers right, and memory grows by a few checks' worth", async () => {
  const stored = await hashPassword("long enough password");
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"))![1]) * 1024;
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => peak = Math.max(peak, rss()), 5);
  const checks = Array.from(
    { length: 16 },
    (_, i) => verifyPassword(i % 2 ? "wrong password!!" : "long enough password", stored),
  );
  const answers = await Promise.all(checks);
  clearInterval(sampler);
  assert.deepEqual(answers, answers.map((_, i) => i % 2 === 0));
  // All at once would hold 16 × 32 MiB = 512 MiB.
  assert.ok(peak - before < 200 * 2 ** 20, `grew ${((peak - before) / 2 ** 20).toFixed(0)} MiB`);
});
