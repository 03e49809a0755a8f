/**
 * While a list (category, kind, source, status) or the place is being chosen, every other
 * view asks the same question of its (active axis, view) cube: tickets per key over the
 * chosen values. The cube is small (its values × the view's keys), so it is read into the
 * page once per build and each answer is a sum over it in memory, microseconds instead of
 * a round trip to the engine's worker: TimeIndex's counterpart for the axes that are sets.
 */
import { type Axis, type Cube, cubeCountsSql, type CubeKey, cubeKeyColumn } from "../metrics/cube.ts";
import type { Filter } from "../metrics/filter.ts";
import type { KeyCount } from "./time_index.ts";

export type SetAxis = Exclude<Axis, "time">;

/** The cube keys of each set axis, and the filter's field choosing its values (the place's is its level's ids). */
const AXIS_KEYS: Record<SetAxis, { keys: CubeKey[]; field: keyof Filter }> = {
  place: { keys: ["street", "community", "compound"], field: "placeIds" },
  category: { keys: ["category"], field: "categories" },
  kind: { keys: ["kind"], field: "kinds" },
  source: { keys: ["source"], field: "sources" },
  status: { keys: ["status"], field: "statuses" },
};

/** One column of the axis: each row's value as a code into `values`. */
interface CodedColumn {
  values: Map<string, number>;
  codes: Int32Array;
}

/** A row of `SelectionIndex.sql`'s answer: the axis's columns, `key` and `tickets`. */
export type SelectionRow = Record<string, string | number | null>;

export class SelectionIndex {
  private constructor(
    private axis: SetAxis,
    /** The axis's columns by name (one, or the place's three levels). */
    private columns: Map<string, CodedColumn>,
    private keys: string[],
    /** Each row's view key, as an index into `keys`. */
    private keyOf: Int32Array,
    private tickets: Float64Array,
  ) {}

  /** The SQL reading tickets per value of `axis` and view key from `cube` (the view's key as `key`). */
  static sql(cube: Cube, axis: SetAxis, viewKey: CubeKey): string {
    const { keys } = AXIS_KEYS[axis];
    const values = keys.map((k) => `CAST(${cubeKeyColumn(k)} AS VARCHAR) AS ${cubeKeyColumn(k)}`);
    return `SELECT ${values.join(", ")}, CAST(${
      cubeKeyColumn(viewKey)
    } AS VARCHAR) AS key, CAST(tickets AS DOUBLE) AS tickets
FROM (${cubeCountsSql(cube, [...keys, viewKey], cube.baked, cube.utcOffsetHours)}) counts`;
  }

  static from(axis: SetAxis, rows: SelectionRow[]): SelectionIndex {
    const columns = new Map<string, CodedColumn>();
    for (const name of AXIS_KEYS[axis].keys.map(cubeKeyColumn)) {
      const values = new Map<string, number>();
      // A ticket without a value (-1) is in no chosen set, and counts when nothing is chosen.
      const codes = Int32Array.from(rows, (r) => {
        const value = r[name];
        if (value === null || value === undefined) return -1;
        const text = String(value);
        let code = values.get(text);
        if (code === undefined) values.set(text, code = values.size);
        return code;
      });
      columns.set(name, { values, codes });
    }
    const keyText = (r: SelectionRow) => String(r.key ?? "");
    const keys = [...new Set(rows.map(keyText))].sort();
    const slot = new Map(keys.map((k, i) => [k, i]));
    return new SelectionIndex(
      axis,
      columns,
      keys,
      Int32Array.from(rows, (r) => slot.get(keyText(r))!),
      Float64Array.from(rows, (r) => Number(r.tickets)),
    );
  }

  /** Tickets per key of the rows `filter` chooses on this axis, keys without tickets left out, in key order. */
  count(filter: Filter): KeyCount[] {
    const totals = new Float64Array(this.keys.length);
    const chosen = this.chosen(filter);
    if (chosen === "all") {
      for (let r = 0; r < this.keyOf.length; r++) totals[this.keyOf[r]] += this.tickets[r];
    } else if (chosen) {
      const { codes, mask } = chosen;
      for (let r = 0; r < codes.length; r++) {
        if (codes[r] >= 0 && mask[codes[r]]) totals[this.keyOf[r]] += this.tickets[r];
      }
    }
    const out: KeyCount[] = [];
    this.keys.forEach((key, k) => totals[k] > 0 && out.push({ key, tickets: totals[k] }));
    return out;
  }

  /** Every row, none (null), or the rows whose column's code is set in `mask`; as filterSql chooses them. */
  private chosen(filter: Filter): "all" | null | { codes: Int32Array; mask: Uint8Array } {
    let name: string;
    if (this.axis === "place") {
      const level = filter.placeLevel;
      if (!filter.placeIds || !level || level === "district") return "all";
      name = `${level}_id`;
    } else {
      name = cubeKeyColumn(AXIS_KEYS[this.axis].keys[0]);
    }
    const wanted = filter[AXIS_KEYS[this.axis].field] as string[] | undefined;
    if (!wanted) return "all";
    const column = this.columns.get(name);
    // The cube keeps street, community and compound: any other level is refused before (cubeMismatch).
    if (!column) throw new Error(`no ${name} in the index of ${this.axis}`);
    const mask = new Uint8Array(column.values.size);
    let any = false;
    for (const value of wanted) {
      const code = column.values.get(value);
      if (code === undefined) continue;
      mask[code] = 1;
      any = true;
    }
    return any ? { codes: column.codes, mask } : null;
  }
}
