/** A large ticket CSV read in parts, on this thread or in workers, gives what reading it whole gives. */
import assert from "node:assert/strict";
import { defaultMapping } from "../../../lib/import/mapping.ts";
import { readTicketCsv } from "../../../lib/import/ticket_parts.ts";
import { mergeDuplicateTickets } from "../../../lib/import/tickets.ts";
import { vocabularies } from "../../../lib/import/vocabularies.ts";

const IMPORTED_AT = Date.UTC(2024, 11, 1);

/** Rows with every kind of fault a part must report with the file's row numbers. */
function ticketsCsv({ multiLine }: { multiLine: boolean }): string {
  const lines = ["工单编号,受理时间,办结时间,工单状态,经度,纬度,诉求内容"];
  for (let i = 1; i <= 300; i++) {
    const id = i % 50 === 0 ? `T${i - 7}` : `T${i}`; // duplicates of rows seven back, with other values
    const status = i % 9 === 0 ? "网格员处理" : i % 4 === 0 ? "已办结" : "受理";
    const lon = i % 13 === 0 ? "east" : "112.55"; // a note
    const created = i % 37 === 0 ? "" : `2024-04-${String(1 + (i % 28)).padStart(2, "0")} 08:30:00`; // a reject
    const text = multiLine && i % 60 === 0 ? `"first line\n${"more\n".repeat(40)}last"` : `诉求${i}`;
    lines.push(`${id},${created},,${status},${lon},37.86,${text}`);
    if (i % 70 === 0) lines.push(",,,,,,"); // blank rows are skipped and not counted
  }
  return lines.join("\n") + "\n";
}

/** GB18030's two-byte codes by character, from the platform's own decoder (it has no encoder). */
const GB18030_CODES = (() => {
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const codes = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        codes.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
      } catch { /* not a character */ }
    }
  }
  return codes;
})();

const gb18030 = (text: string) =>
  new Uint8Array([...text].flatMap((c) => c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : GB18030_CODES.get(c)!));

async function read(text: string | Uint8Array, options: { partBytes?: number; workers?: number }) {
  const vocab = vocabularies();
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const { converted, read } = await readTicketCsv("t.csv", bytes, defaultMapping(), "wgs84", {
    vocab,
    importedAt: IMPORTED_AT,
    ...options,
  });
  return { read, merged: mergeDuplicateTickets("t.csv", converted), unrecognised: [...vocab.status.unrecognised] };
}

Deno.test("parts of a ticket CSV, read here or in workers, give the whole file's rows, notes, rejects and row numbers", async () => {
  for (const multiLine of [false, true]) {
    const text = ticketsCsv({ multiLine });
    const whole = await read(text, {});
    assert.equal(whole.read, 300);
    assert.ok(whole.merged.notes.some((n) => n.field === "lon"), "notes present");
    assert.ok(whole.merged.rejects.length > 0, "rejects present");
    assert.ok(whole.merged.merged > 0, "duplicates present");
    assert.deepEqual(whole.unrecognised, [["网格员处理", 33]]);
    // Parts of about 400 characters: a few rows each, and with multi-line fields, cuts inside quotes.
    assert.deepEqual(await read(text, { partBytes: 400 }), whole, `here, multiLine ${multiLine}`);
    // Workers are type-checked as they start under `deno test`: one pool, for the clean file.
    if (!multiLine) assert.deepEqual(await read(text, { partBytes: 400, workers: 2 }), whole, "in workers");
  }
});

Deno.test("a broken quote in one part has the whole file read, so it is repaired as in a small file", async () => {
  const text = ticketsCsv({ multiLine: false }).replace("诉求100", '"诉求100');
  const whole = await read(text, {});
  assert.deepEqual(
    whole.merged.notes.filter((n) => n.problem.includes("quote")).map((n) => [n.row, n.record_id]),
    [[101, "T93"]],
    "the 100th record noted, past a blank line",
  );
  assert.deepEqual(await read(text, { partBytes: 400 }), whole);
});

Deno.test("a GB18030 or UTF-8-marked file read in parts gives the whole UTF-8 file's rows; a NUL byte is refused as whole", async () => {
  const text = ticketsCsv({ multiLine: false });
  const whole = await read(text, {});
  assert.deepEqual(await read(gb18030(text), { partBytes: 400 }), whole, "GB18030");
  assert.deepEqual(await read("\uFEFF" + text, { partBytes: 400 }), whole, "UTF-8 behind its mark");
  const binary = text.replace("诉求150", "诉求\u0000150");
  await assert.rejects(
    read(binary, { partBytes: 400 }),
    /t\.csv is not a text file: a binary zero byte at row 153, column 53/,
  );
});
