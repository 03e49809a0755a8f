import assert from "node:assert/strict";
import { columnKind, defaultChart, defaultMap } from "../../../lib/workbench/result_kind.ts";

const col = (name: string, kind: "number" | "time" | "text" | "other") => ({ name, kind });

Deno.test("charts: time → line, category → bars, a lone number → histogram", () => {
  assert.deepEqual(defaultChart([col("month", "time"), col("tickets", "number")]), {
    mark: "line",
    x: "month",
    y: "tickets",
  });
  assert.deepEqual(defaultChart([col("street", "text"), col("street_id", "number"), col("open", "number")]), {
    mark: "bar",
    x: "street",
    y: "open",
  });
  assert.deepEqual(defaultChart([col("resolution_hours", "number")]), { mark: "histogram", x: "resolution_hours" });
  assert.equal(defaultChart([col("name", "text")]), null);
});

Deno.test("maps: lon/lat points first, then buildings, places, H3 cells", () => {
  assert.deepEqual(defaultMap([col("lon", "number"), col("lat", "number"), col("building_id", "text")]), {
    kind: "points",
    lon: "lon",
    lat: "lat",
  });
  assert.deepEqual(defaultMap([col("building_id", "text"), col("n", "number")]), {
    kind: "places",
    column: "building_id",
    table: "buildings",
    idColumn: "building_id",
  });
  assert.deepEqual(defaultMap([col("compound_id", "text")]), {
    kind: "places",
    column: "compound_id",
    table: "places",
    idColumn: "place_id",
  });
  assert.deepEqual(defaultMap([col("h3_r8", "text"), col("n", "number")]), { kind: "h3", column: "h3_r8" });
  assert.equal(defaultMap([col("category", "text")]), null);
});

Deno.test("Arrow type names map to kinds", () => {
  assert.equal(columnKind("Int64"), "number");
  assert.equal(columnKind("Float64"), "number");
  assert.equal(columnKind("Timestamp<MILLISECOND>"), "time");
  assert.equal(columnKind("Dictionary<Int32, Utf8>"), "text");
  assert.equal(columnKind("Bool"), "other");
});
