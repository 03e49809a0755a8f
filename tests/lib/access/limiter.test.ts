import assert from "node:assert/strict";
import { FailureLimiter } from "../../../lib/access/limiter.ts";

const MIN = 60_000;

Deno.test("five failures within 15 minutes block the name until the oldest leaves the window", () => {
  const limiter = new FailureLimiter();
  const t0 = 1_000_000;
  for (let i = 0; i < 4; i++) limiter.fail("wang", t0 + i * MIN);
  assert.equal(limiter.blockedFor("wang", t0 + 4 * MIN), 0, "four failures: may try again");
  limiter.fail("wang", t0 + 4 * MIN);
  assert.equal(limiter.blockedFor("wang", t0 + 4 * MIN), 11 * MIN, "blocked until t0 + 15 min");
  assert.equal(limiter.blockedFor("li", t0 + 4 * MIN), 0, "other names are not affected");
  assert.equal(limiter.blockedFor("wang", t0 + 15 * MIN), 0, "the first failure has left the window");
});

Deno.test("failures spread over more than the window never block; a success forgives", () => {
  const limiter = new FailureLimiter();
  for (let i = 0; i < 10; i++) limiter.fail("wang", i * 4 * MIN);
  assert.equal(limiter.blockedFor("wang", 40 * MIN), 0);
  for (let i = 0; i < 4; i++) limiter.fail("li", i);
  limiter.succeed("li");
  limiter.fail("li", 5);
  assert.equal(limiter.blockedFor("li", 6), 0);
});
