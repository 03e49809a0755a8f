import assert from "node:assert/strict";
import { assertSerialisable, serialiseForScript } from "../../framework/islands.ts";
import { h } from "preact";

Deno.test("props JSON cannot close the script tag", () => {
  const json = serialiseForScript({ label: "</script><script>alert(1)</script>", sep: "\u2028" });
  assert.ok(!json.includes("<"));
  assert.ok(!json.includes("\u2028"));
  assert.deepEqual(JSON.parse(json), { label: "</script><script>alert(1)</script>", sep: "\u2028" });
});

Deno.test("plain data is accepted", () => {
  assertSerialisable({ a: [1, "x", null, { b: true }], c: undefined, d: Object.create(null) }, "props");
});

Deno.test("functions, class instances, JSX and non-finite numbers are refused with their path", () => {
  assert.throws(() => assertSerialisable({ onClick: () => {} }, "Map props"), /Map props\.onClick is a function/);
  assert.throws(() => assertSerialisable({ when: new Date() }, "p"), /p\.when is a Date instance/);
  assert.throws(() => assertSerialisable({ list: [new Map()] }, "p"), /p\.list\[0\] is a Map instance/);
  assert.throws(() => assertSerialisable({ child: h("b", null) }, "p"), /p\.child is a JSX element/);
  assert.throws(() => assertSerialisable({ n: NaN }, "p"), /p\.n is NaN/);
});
