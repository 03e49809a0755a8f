import assert from "node:assert/strict";
import { toCsv } from "../../lib/export/csv.ts";
import { formatCount, formatPercent } from "../../lib/format.ts";
import { langFromUrl, MESSAGES, t } from "../../lib/i18n.ts";

Deno.test("counts use 万 in Chinese from 100,000 up", () => {
  assert.equal(formatCount(312_456, "zh-CN"), "31.2万");
  assert.equal(formatCount(9_876, "zh-CN"), "9,876");
  assert.equal(formatCount(312_456, "en"), "312,456");
  assert.equal(formatCount(null, "zh-CN"), "—");
});

Deno.test("percentages keep one decimal", () => {
  assert.equal(formatPercent(0.9432, "zh-CN"), "94.3%");
  assert.equal(formatPercent(undefined, "en"), "—");
});

Deno.test("Chinese is the default language; parameters are filled in", () => {
  assert.equal(langFromUrl(new URL("http://x/map")), "zh-CN");
  assert.equal(langFromUrl(new URL("http://x/map?lang=en")), "en");
  assert.equal(t("zh-CN", "sql.rows", { n: 3, ms: 12 }), "3 行，用时 12 毫秒");
  assert.equal(t("en", "sql.rows", { n: 3, ms: 12 }), "3 rows in 12 ms");
});

Deno.test("CSV quotes commas, quotes and line breaks", () => {
  assert.equal(
    toCsv([{ a: "x,y", b: 'say "hi"', c: null }, { a: "1\n2", b: 3, c: true }]),
    'a,b,c\n"x,y","say ""hi""",\n"1\n2",3,true',
  );
});

Deno.test("every message has Chinese text and no key is defined in two areas", async () => {
  const areas = await Promise.all(
    [...Deno.readDirSync(new URL("../../lib/i18n/", import.meta.url))].map((e) =>
      import(new URL(`../../lib/i18n/${e.name}`, import.meta.url).href)
    ),
  );
  const seen = new Set<string>();
  for (const area of areas) {
    for (const table of Object.values(area) as Record<string, readonly [string, string]>[]) {
      for (const [key, [zh]] of Object.entries(table)) {
        assert.ok(!seen.has(key), `${key} is defined twice`);
        assert.ok(zh.length > 0, `${key} has no Chinese text`);
        seen.add(key);
      }
    }
  }
  assert.equal(seen.size, Object.keys(MESSAGES).length);
});
