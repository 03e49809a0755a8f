import assert from "node:assert/strict";
import { freeze, packId, PackRefused, summarise } from "../../../lib/reviews/pack.ts";
import { listPacks, maskedForArchive, readPack, savePack } from "../../../lib/reviews/pack_store.ts";
import type { ReviewData } from "../../../lib/reviews/review.ts";

const data: ReviewData = {
  kind: "quarter",
  period: "2026-Q3",
  filter: { from: 1, to: 2 },
  district: "示范区",
  asOf: 1_790_000_000_000,
  storeVersion: "v1",
  figures: [{ key: "tickets", value: 10, format: "count" }],
  tables: [{ id: "t", columns: [{ key: "a", format: "count" }], rows: [{ a: 1 }], total: 1 }],
};

Deno.test("packs are saved whole beside the store, listed per period newest first", async () => {
  const dir = await Deno.makeTempDir();
  const first = await savePack(dir, data, 1_800_000_000_000);
  const second = await savePack(dir, data, 1_800_000_100_000);
  await savePack(dir, { ...data, period: "2026-Q2" }, 1_800_000_200_000);
  assert.match(first.id, /^quarter-2026-Q3-1800000000000-[0-9a-f]{12}$/);
  assert.deepEqual((await listPacks(dir, "quarter", "2026-Q3")).map((p) => p.id), [second.id, first.id]);
  assert.deepEqual(await readPack(dir, first.id), first);
  assert.equal(await readPack(dir, "../manifest"), null);
  assert.equal(await readPack(dir, packId("year", "2020", 1)), null);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("only a review's whole data can be frozen", () => {
  assert.throws(() => freeze({ ...data, tables: undefined } as unknown as ReviewData, 1), /tables/);
  assert.throws(() => freeze({ ...data, period: "../../etc" }, 1), /not a review period/);
  assert.throws(() => freeze({ ...data, kind: "month", period: "2026-99" }, 1), PackRefused);
  assert.throws(() => freeze({ ...data, kind: "month", period: "2026-Q3" }, 1), /not a review period: month 2026-Q3/);
  assert.equal(freeze({ ...data, kind: "month", period: "2026-11" }, 1).kind, "month");
});

Deno.test("packs frozen in the same millisecond are distinct files, each with its own content", async () => {
  const dir = await Deno.makeTempDir();
  const saved = await Promise.all(
    Array.from({ length: 40 }, (_, i) => savePack(dir, { ...data, district: `区${i}` }, 1_800_000_000_000)),
  );
  assert.equal(new Set(saved.map((p) => p.id)).size, 40);
  const files = [...Deno.readDirSync(`${dir}/reviews`)].map((e) => e.name);
  assert.equal(files.filter((f) => !f.endsWith(".summary.json")).length, 40, "no temp file left, none shared");
  for (const [i, pack] of saved.entries()) assert.equal((await readPack(dir, pack.id))!.district, `区${i}`);
  assert.equal((await listPacks(dir, "quarter", "2026-Q3")).length, 40);
  assert.equal(Deno.statSync(`${dir}/reviews/${saved[0].id}.json`).mode! & 0o077, 0, "readable by the server only");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("listing a period reads the packs' summaries, not the packs", async () => {
  const dir = await Deno.makeTempDir();
  const pack = await savePack(dir, data, 1_800_000_000_000);
  // A pack the list would have to parse fails: only its summary may be read.
  await Deno.writeTextFile(`${dir}/reviews/${pack.id}.json`, "not json");
  assert.deepEqual(await listPacks(dir, "quarter", "2026-Q3"), [summarise(pack)]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("the archive keeps residents' fields masked, whoever froze the review", async () => {
  const worklist = {
    id: "worklist",
    columns: [{ key: "reporter_phone", format: "text" as const }],
    rows: [
      {
        ticket_id: "t1",
        reporter_name: "欧阳娜娜",
        reporter_phone: "138-1234-5678",
        description: "欧阳娜娜来电13812345678",
      },
      { ticket_id: "t2", reporter_name: "王**", reporter_phone: "139****4321", description: null },
    ],
    total: 2,
  };
  const archived = await maskedForArchive({ ...data, tables: [...data.tables, worklist] });
  assert.deepEqual(archived.tables[0], data.tables[0], "a table without residents' fields is left as it is");
  assert.deepEqual(archived.tables[1].rows, [
    { ticket_id: "t1", reporter_name: "欧***", reporter_phone: "138****5678", description: "欧***来电***" },
    { ticket_id: "t2", reporter_name: "王**", reporter_phone: "139****4321", description: null },
  ]);
});
