/** A table of the data-quality page that scrolls inside its panel, its head staying in view. */
import type { ComponentChildren } from "preact";

export interface Column {
  text: string;
  /** Figures align right. */
  num?: boolean;
}

export function ScrollTable(
  { name, columns, children }: { name: string; columns: Column[]; children: ComponentChildren },
) {
  return (
    <div class="quality-scroll">
      <table class="admin-table" data-table={name}>
        <thead>
          <tr>
            {columns.map((c) => <th key={c.text} class={c.num ? "num" : undefined}>{c.text}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
