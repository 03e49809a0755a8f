/**
 * A virtualised grid over an Arrow table: only the rows in view are in the DOM, read
 * straight from the Arrow vectors, so a million rows scroll without freezing.
 */
import type { Table as ArrowTable } from "apache-arrow";
import { useMemo, useState } from "preact/hooks";

const ROW_HEIGHT = 28;
const OVERSCAN = 10;

export interface SortState {
  column: string;
  descending: boolean;
}

export function ResultGrid({ table, sort, onSort, maxHeight = 480 }: {
  table: ArrowTable;
  sort: SortState | null;
  onSort(column: string): void;
  maxHeight?: number;
}) {
  const height = Math.min(maxHeight, (table.numRows + 1) * ROW_HEIGHT + 16);
  const [scrollTop, setScrollTop] = useState(0);
  const fields = table.schema.fields;
  const vectors = useMemo(() => fields.map((_, i) => table.getChildAt(i)!), [table]);
  const formats = useMemo(() => fields.map((f) => cellFormatter(String(f.type))), [table]);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(table.numRows, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const template = `repeat(${fields.length}, minmax(9rem, 1fr))`;
  const rows = [];
  for (let r = first; r < last; r++) {
    rows.push(
      <div
        class="grid-row"
        role="row"
        aria-rowindex={r + 2}
        style={{ top: r * ROW_HEIGHT, gridTemplateColumns: template }}
      >
        {vectors.map((v, c) => <div role="gridcell" key={c}>{formats[c](v.get(r))}</div>)}
      </div>,
    );
  }
  return (
    <div class="grid" role="grid" aria-rowcount={table.numRows + 1} style={{ height }}>
      <div class="grid-scroll" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div class="grid-head" role="row" style={{ gridTemplateColumns: template }}>
          {fields.map((f) => (
            <button
              type="button"
              role="columnheader"
              key={f.name}
              aria-sort={sort?.column === f.name ? (sort.descending ? "descending" : "ascending") : "none"}
              onClick={() => onSort(f.name)}
            >
              {f.name}
              {sort?.column === f.name ? (sort.descending ? " ▼" : " ▲") : ""}
            </button>
          ))}
        </div>
        <div class="grid-body" style={{ height: table.numRows * ROW_HEIGHT }}>{rows}</div>
      </div>
    </div>
  );
}

/**
 * How a column's values read: instants as UTC ISO text (the store keeps UTC), dates
 * as days, fractions to six places, big integers exactly, nulls blank.
 */
function cellFormatter(arrowType: string): (value: unknown) => string {
  const iso = (ms: number) => new Date(ms).toISOString();
  if (arrowType.startsWith("Timestamp")) {
    return (v) => v == null ? "" : iso(Number(v)).replace("T", " ").replace(".000Z", "Z");
  }
  if (arrowType.startsWith("Date")) return (v) => v == null ? "" : iso(Number(v)).slice(0, 10);
  return (v) => {
    if (v == null) return "";
    if (typeof v === "number" && !Number.isInteger(v)) return String(Math.round(v * 1e6) / 1e6);
    return String(v);
  };
}
