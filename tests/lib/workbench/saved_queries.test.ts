import assert from "node:assert/strict";
import {
  deleteQuery,
  history,
  HISTORY_LIMIT,
  queryUrl,
  remember,
  savedQueries,
  saveQuery,
} from "../../../lib/workbench/saved_queries.ts";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

Deno.test("saved queries: saving a name again replaces it; delete removes it", () => {
  const s = memoryStorage();
  saveQuery(s, "逾期", "SELECT 1", 1);
  saveQuery(s, "回访", "SELECT 2", 2);
  saveQuery(s, "逾期", "SELECT 3", 3);
  assert.deepEqual(savedQueries(s).map((q) => [q.name, q.sql]), [["逾期", "SELECT 3"], ["回访", "SELECT 2"]]);
  assert.deepEqual(deleteQuery(s, "回访").map((q) => q.name), ["逾期"]);
});

Deno.test("history keeps the latest first, without repeats, up to its limit", () => {
  const s = memoryStorage();
  for (let i = 0; i < HISTORY_LIMIT + 5; i++) remember(s, `SELECT ${i}`);
  remember(s, "SELECT 7");
  const h = history(s);
  assert.equal(h.length, HISTORY_LIMIT);
  assert.equal(h[0], "SELECT 7");
  assert.equal(h.filter((q) => q === "SELECT 7").length, 1);
});

Deno.test("corrupt storage reads as empty rather than breaking the page", () => {
  const s = memoryStorage();
  s.setItem("linli.sql.saved", "{not json");
  assert.deepEqual(savedQueries(s), []);
});

Deno.test("the shareable URL carries the query text", () => {
  const url = queryUrl("http://localhost:8000/sql?lang=en", "SELECT '邻里' AS x");
  assert.equal(new URL(url).searchParams.get("q"), "SELECT '邻里' AS x");
  assert.equal(new URL(url).searchParams.get("lang"), "en");
});
