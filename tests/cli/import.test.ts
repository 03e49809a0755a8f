/** `deno task import` end to end, into a temporary store: places, tickets twice, and a killed import. */
import assert from "node:assert/strict";
import { generateDemo } from "../../lib/demo/generate.ts";
import { readManifest } from "../../lib/store/store.ts";
import { readColumns } from "../../lib/store/read_columns.ts";
import { lockPath, takeImportLock } from "../../lib/store/import_lock.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const FIXTURES = `${ROOT}tests/fixtures/import/`;

function command(args: string[]) {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "cli/import.ts", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  });
}

async function importCli(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await command(args).output();
  const out = new TextDecoder().decode(stdout);
  assert.equal(code, 0, out + new TextDecoder().decode(stderr));
  return out;
}

Deno.test("import places, then the same tickets twice: the second run changes nothing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "linli-import-cli-" });
  try {
    await importCli("places", `${FIXTURES}compounds.geojson`, "--level", "compound", "--data", dir);
    const first = await importCli("tickets", `${FIXTURES}tickets.csv`, "--data", dir);
    assert.match(
      first,
      /read 4, stored 4 \(new 4, updated 0, unchanged 0, merged 0\), rejected 0, notes 0, unassigned 1/,
    );
    const version = (await readManifest(dir))!.version;
    const unassignedFile = /unassigned tickets: (.*)/.exec(first)![1];
    assert.equal(await Deno.readTextFile(unassignedFile), "T4\n");

    const second = await importCli("tickets", `${FIXTURES}tickets.csv`, "--data", dir);
    assert.match(second, /nothing changed/);
    assert.match(second, /read 4, stored 4 \(new 0, updated 0, unchanged 4, merged 0\)/);
    assert.equal((await readManifest(dir))!.version, version);
    const tickets = await readColumns(dir, await readManifest(dir), "tickets");
    assert.deepEqual(tickets.ticket_id.toSorted(), ["T1", "T2", "T3", "T4"]);
    assert.equal((await readColumns(dir, await readManifest(dir), "places")).place_id.length, 2);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("--help documents the commands; a bad argument says what is wrong", async () => {
  const help = await importCli("--help");
  assert.match(help, /import places FILE --level LEVEL/);
  const { code, stderr } = await command(["places", "x.geojson", "--level", "moon"]).output();
  assert.equal(code, 2);
  assert.match(new TextDecoder().decode(stderr), /--level/);
});

Deno.test("an import killed midway leaves the previous store intact and readable", async () => {
  const dir = await Deno.makeTempDir({ prefix: "linli-import-kill-" });
  try {
    await importCli("places", `${FIXTURES}compounds.geojson`, "--level", "compound", "--data", dir);
    const before = await readManifest(dir);
    // Large enough that the import is still running when it is killed.
    const demo = generateDemo({ tickets: 200_000 });
    const lines = demo.tickets.ticket_id.map((id, i) =>
      `${id},${new Date(demo.tickets.created_at[i] as number).toISOString()}`
    );
    await Deno.writeTextFile(`${dir}/big.csv`, "工单编号,受理时间\n" + lines.join("\n"));
    const child = command(["tickets", `${dir}/big.csv`, "--data", dir]).spawn();
    // Killed once it holds the store's lock (it has started reading), however slow the machine is to start it.
    const deadline = Date.now() + 60_000;
    while (!(await Deno.stat(lockPath(dir)).then(() => true, () => false)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    const status = await child.status;
    assert.equal(status.success, false, "the import was still running when killed");
    const after = await readManifest(dir);
    assert.deepEqual(after, before);
    assert.equal((await readColumns(dir, after, "places")).place_id.length, 2);
    assert.equal((await readColumns(dir, after, "tickets")).ticket_id.length, 0);
    // Its lock stays behind; its process is gone, so the next import takes it over and says so.
    assert.equal(JSON.parse(await Deno.readTextFile(lockPath(dir))).pid, child.pid);
    const next = await command(["tickets", `${FIXTURES}tickets.csv`, "--data", dir]).output();
    assert.equal(next.code, 0);
    assert.match(
      new TextDecoder().decode(next.stderr),
      /the lock of an import that no longer runs was taken over \(big\.csv: tickets, by cli:.*, process \d+/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an import from the command line while the page imports stops, naming it, and stores nothing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "linli-import-busy-" });
  try {
    await importCli("places", `${FIXTURES}compounds.geojson`, "--level", "compound", "--data", dir);
    const before = await Deno.readTextFile(`${dir}/manifest.json`);
    // What the data page's import holds while it runs (lib/store/import_jobs.ts).
    const page = await takeImportLock(dir, {
      by: "admin",
      action: "import",
      kind: "tickets",
      file: "月报.csv",
      via: "page",
    });
    assert.ok(!("busy" in page));
    try {
      const { code, stdout, stderr } = await command(["tickets", `${FIXTURES}tickets.csv`, "--data", dir]).output();
      assert.equal(code, 1, new TextDecoder().decode(stdout));
      const said = new TextDecoder().decode(stderr);
      assert.match(
        said,
        /^import: another import is running \(月报\.csv: tickets, by admin on the data page since .*\): wait for it to end$/m,
      );
      assert.match(said, /the store was not changed/);
      assert.equal(await Deno.readTextFile(`${dir}/manifest.json`), before);
    } finally {
      await page.release();
    }
    assert.match(await importCli("tickets", `${FIXTURES}tickets.csv`, "--data", dir), /read 4, stored 4 \(new 4/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("data-quality notes are printed, written beside the store and stored in import_notes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "linli-import-notes-" });
  try {
    const csv = "工单编号,受理时间,办结时间,经度,纬度\nN1,2024-04-19 08:30:40,2024-04-19 08:30:02,east,31.2\n" +
      "N2,yesterday,,,\n";
    await Deno.writeTextFile(`${dir}/faults.csv`, csv);
    const out = await importCli("tickets", `${dir}/faults.csv`, "--data", dir);
    assert.match(
      out,
      /read 2, stored 1 \(new 1, updated 0, unchanged 0, merged 0\), rejected 1, notes 3, unassigned 1/,
    );
    const notesFile = /data-quality notes: (.*)/.exec(out)![1];
    assert.match(
      await Deno.readTextFile(notesFile),
      /^file,row,record_id,field,problem,action\r?\nfaults\.csv,2,N1,lon,/,
    );
    const manifest = await readManifest(dir);
    const notes = await readColumns(dir, manifest, "import_notes");
    assert.deepEqual(notes.field, ["lon", "lat", "closed_at"]);
    assert.deepEqual(notes.record_id, ["N1", "N1", "N1"]);
    assert.deepEqual(notes.note_no, [1, 2, 3]);
    assert.ok(notes.import_id.every((id) => /tickets faults\.csv$/.test(String(id))));
    assert.deepEqual(notes.table_name, ["tickets", "tickets", "tickets"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
