/**
 * The web import end to end through the real app: upload → preview → a mapping changed and
 * saved → import (its summary the command's for the same file and mapping) → lists
 * downloaded → restore; one import at a time; and none of it for a role other than admin.
 */
import assert from "node:assert/strict";
import { ImportBusyError, importFile } from "../../cli/import.ts";
import { readAudit } from "../../lib/access/audit.ts";
import { mappingFor, type Preview } from "../../lib/import/column_choice.ts";
import { importIntoStore } from "../../lib/store/import_into_store.ts";
import { mappingPath } from "../../lib/store/import_mappings.ts";
import { lockPath } from "../../lib/store/import_lock.ts";
import { uploadsFolder } from "../../lib/store/import_uploads.ts";
import { readColumns } from "../../lib/store/read_columns.ts";
import { readManifest } from "../../lib/store/store.ts";
import { fetchSignedIn, productApp, serverSettled, withEnv } from "./product_app.ts";

const FIXTURES = new URL("../fixtures/import/", import.meta.url);
const TICKETS = await Deno.readFile(new URL("tickets.csv", FIXTURES));
const ORIGIN = "http://localhost";

/** A store holding the fixture's compounds, as `deno task import places` leaves it. */
async function storeWithCompounds(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "linli-web-import-" });
  const bytes = await Deno.readFile(new URL("compounds.geojson", FIXTURES));
  await importIntoStore(dir, "places", "compounds.geojson", bytes, { level: "compound", by: "test" });
  return dir;
}

async function copyStore(dir: string): Promise<string> {
  const copy = await Deno.makeTempDir({ prefix: "linli-web-import-cli-" });
  await new Deno.Command("cp", { args: ["-a", `${dir}/.`, copy] }).output();
  return copy;
}

const dir = await storeWithCompounds();
const app = await productApp();
const asAdmin = await fetchSignedIn(app, dir, "admin");
const asLeader = await fetchSignedIn(app, dir, "leader");

const post = (fetch: typeof asAdmin, path: string, body: BodyInit, type = "application/json") =>
  fetch(new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { "content-type": type } }));
const getJson = async (path: string) => await (await asAdmin(new Request(`${ORIGIN}${path}`))).json();

async function settled(job: string) {
  for (;;) {
    const state = await getJson(`/api/admin/import/jobs/${job}`);
    if (state.state !== "running") return state;
    await new Promise((r) => setTimeout(r, 50));
  }
}

Deno.test("the web import", async (t) => {
  await withEnv({ LINLI_DATA: dir }, async () => {
    let upload = "";
    let preview: Preview;
    let mapping: Record<string, unknown> = {};
    const cliStore = await copyStore(dir);

    await t.step("an upload answers the first rows and the field each column was matched to", async () => {
      const res = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=tickets.csv", TICKETS, "text/csv");
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("cache-control"), "private, no-store");
      ({ upload, preview } = await res.json());
      assert.equal(preview.total, 4);
      assert.deepEqual(preview.headers.slice(0, 3), ["工单编号", "受理时间", "办结时间"]);
      assert.equal(preview.rows[1][6], "德沁苑3栋2单元501");
      assert.deepEqual(preview.matched.slice(0, 4), ["ticket_id", "created_at", "closed_at", "status"]);
      assert.equal(preview.matched[preview.headers.indexOf("诉求类型")], "kind");
      // The body is in the store's folder, not in the server's memory, readable by the server's user only.
      const file = `${uploadsFolder(dir)}/${upload}`;
      assert.deepEqual(await Deno.readFile(file), TICKETS);
      assert.equal((await Deno.stat(file)).mode! & 0o777, 0o600);
    });

    await t.step(
      "an upload past LINLI_MAX_IMPORT_BYTES is refused while it streams, and nothing of it kept",
      async () => {
        const before = [...Deno.readDirSync(uploadsFolder(dir))].map((e) => e.name).sort();
        await withEnv({ LINLI_MAX_IMPORT_BYTES: String(TICKETS.length - 1) }, async () => {
          // A stream declares no length: the limit is checked as the bytes arrive.
          const streamed = new Blob([TICKETS]).stream();
          const res = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=big.csv", streamed, "text/csv");
          assert.equal(res.status, 413);
          assert.match((await res.json()).error, new RegExp(`at most ${TICKETS.length - 1} bytes`));
          const declared = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=big.csv", TICKETS);
          assert.equal(declared.status, 413);
          await declared.body?.cancel();
        });
        assert.deepEqual([...Deno.readDirSync(uploadsFolder(dir))].map((e) => e.name).sort(), before);
      },
    );

    await t.step("an upload removed or not one's own is gone, and the answer names no server path", async () => {
      const res = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=gone.csv", TICKETS, "text/csv");
      const { upload: gone } = await res.json();
      await Deno.remove(`${uploadsFolder(dir)}/${gone}`);
      for (const id of [gone, "../manifest.json"]) {
        const again = await post(asAdmin, "/api/admin/import/start", JSON.stringify({ upload: id, kind: "tickets" }));
        assert.equal(again.status, 410);
        const text = await again.text();
        assert.match(text, /the upload has expired: choose the file again/);
        assert.ok(!text.includes(dir), text);
      }
    });

    await t.step("a mapping changed on the page is saved by name and listed", async () => {
      // The address column left unread: T2 can then be placed by nothing, and the summary says so.
      const chosen = preview.matched.map((f) => f === "address" ? null : f);
      mapping = mappingFor("tickets", preview.headers, chosen);
      assert.deepEqual(mapping.ignore, ["地址"]);
      const res = await post(
        asAdmin,
        "/api/admin/import/mappings",
        JSON.stringify({ kind: "tickets", name: "月报", mapping }),
      );
      assert.equal(res.status, 201);
      assert.deepEqual(
        (await getJson("/api/admin/import/mappings?kind=tickets")).map((m: { name: string }) => m.name),
        [
          "月报",
        ],
      );
      const again = await (await post(
        asAdmin,
        "/api/admin/import/preview",
        JSON.stringify({ upload, kind: "tickets", mapping: "月报" }),
      )).json();
      assert.equal(again.preview.matched[preview.headers.indexOf("地址")], null);
      const next = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=t.csv&mapping=月报", TICKETS);
      assert.equal((await next.json()).preview.matched[preview.headers.indexOf("地址")], null, "next month's file");
      const unknown = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=t.csv&mapping=nope", TICKETS);
      assert.equal(unknown.status, 404);
      await unknown.body?.cancel();
      const bad = await post(
        asAdmin,
        "/api/admin/import/mappings",
        JSON.stringify({ kind: "tickets", name: "../x", mapping }),
      );
      assert.equal(bad.status, 400);
    });

    await t.step("the import runs as a job, one at a time, and ends with the command's summary", async () => {
      const before = (await readManifest(dir))!.version;
      const body = JSON.stringify({ upload, kind: "tickets", mapping });
      const first = await post(asAdmin, "/api/admin/import/start", body);
      const second = await post(asAdmin, "/api/admin/import/start", body);
      assert.equal(first.status, 202);
      assert.equal(second.status, 409);
      assert.match((await second.json()).error, /another import is running \(tickets.csv/);
      const done = await settled((await first.json()).job);
      assert.equal(done.state, "done", done.error);
      await assert.rejects(Deno.stat(`${uploadsFolder(dir)}/${upload}`), Deno.errors.NotFound, "removed once imported");
      assert.equal(done.history.before, before);
      assert.equal(done.history.after, (await readManifest(dir))!.version);

      const cli = await importFile(cliStore, "tickets", new URL("tickets.csv", FIXTURES).pathname, {
        mapFile: mappingPath(dir, "tickets", "月报"),
      });
      assert.equal(done.history.line, cli.history.line);
      assert.match(done.history.line, /^read 4, stored 4 \(new 4, updated 0, unchanged 0, merged 0\), rejected 0/);
      assert.match(done.history.line, /unassigned 2$/, "T2's address was not read");

      const state = await getJson("/api/admin/import/history");
      assert.equal(state.history[0].by, (await readAudit(dir)).at(-1)!.user);
      assert.equal(state.history[0].file, "tickets.csv");
      assert.equal(state.previous.version, before);
      const audit = (await readAudit(dir)).filter((r) => r.event === "import").at(-1)!;
      assert.match(audit.detail!, /^tickets tickets.csv: read 4, stored 4/);
    });

    await t.step("the unassigned tickets download as a file, never cached, audited", async () => {
      const { history } = await getJson("/api/admin/import/history");
      const name = history[0].files.unassigned;
      const res = await asAdmin(new Request(`${ORIGIN}/api/admin/import/files/${encodeURIComponent(name)}`));
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("cache-control"), "private, no-store");
      assert.equal(await res.text(), "T2\nT4\n");
      assert.equal((await Deno.stat(`${dir}/rejects/${name}`)).mode! & 0o777, 0o600);
      const audit = (await readAudit(dir)).at(-1)!;
      assert.equal(audit.event, "download");
      assert.equal(audit.table, "import unassigned");
      const other = await asAdmin(new Request(`${ORIGIN}/api/admin/import/files/..%2Fmanifest.json`));
      assert.equal(other.status, 404);
      await other.body?.cancel();
    });

    await t.step("restore brings back the version before the import as a new version", async () => {
      const imported = (await readManifest(dir))!.version;
      const kept = (await getJson("/api/admin/import/history")).previous.version;
      const res = await post(asAdmin, "/api/admin/import/restore", "");
      assert.equal(res.status, 202);
      const done = await settled((await res.json()).job);
      assert.equal(done.state, "done", done.error);
      const now = await readManifest(dir);
      assert.notEqual(now!.version, imported);
      assert.equal((await readColumns(dir, now, "tickets")).ticket_id.length, 0);
      assert.equal((await readColumns(dir, now, "places")).place_id.length, 2);
      // The version replaced is set aside in turn: the restore is undone by another.
      const state = await getJson("/api/admin/import/history");
      assert.equal(state.previous.version, imported);
      assert.deepEqual(
        [state.history[0].action, state.history[0].restored, state.history[0].after],
        ["restore", kept, now!.version],
      );
      const undo = await settled((await (await post(asAdmin, "/api/admin/import/restore", "")).json()).job);
      assert.equal(undo.state, "done");
      assert.deepEqual(
        (await readColumns(dir, await readManifest(dir), "tickets")).ticket_id.toSorted(),
        ["T1", "T2", "T3", "T4"],
      );
      assert.equal((await readAudit(dir)).filter((r) => r.event === "restore").length, 2);
    });

    await t.step("while an import runs in its worker, the server answers other requests", async () => {
      const la = await Deno.readFile(new URL("../fixtures/real/tickets/MyLA311_2020_jan_subset.csv", import.meta.url));
      const res = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=la.csv", la, "text/csv");
      const { upload: id } = await res.json();
      const started = await post(asAdmin, "/api/admin/import/start", JSON.stringify({ upload: id, kind: "tickets" }));
      const { job } = await started.json();
      const health = await asAdmin(new Request(`${ORIGIN}/api/health`));
      assert.equal(health.status, 200);
      await health.body?.cancel();
      assert.equal(
        (await getJson(`/api/admin/import/jobs/${job}`)).state,
        "running",
        "answered before the import ended",
      );
      const restore = await post(asAdmin, "/api/admin/import/restore", "");
      assert.equal(restore.status, 409, "a restore waits for the import too");
      await restore.body?.cancel();
      const before = await Deno.readTextFile(`${dir}/manifest.json`);
      const refused = await importFile(dir, "tickets", new URL("tickets.csv", FIXTURES).pathname, {}).catch((e) => e);
      assert.ok(refused instanceof ImportBusyError, "deno task import waits for the page's import");
      assert.match(refused.message, /^another import is running \(la\.csv: tickets, by .* on the data page since /);
      assert.equal(await Deno.readTextFile(`${dir}/manifest.json`), before, "the command stored nothing");
      const done = await settled(job);
      assert.equal(done.state, "done", done.error);
      assert.match(done.history.line, /^read 10000, /);
    });

    await t.step("while deno task import runs, the page's import and restore answer 409 naming it", async () => {
      const nyc = new URL("../fixtures/real/tickets/nyc311_2022-05-01_sample.csv", import.meta.url);
      const res = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=t.csv", TICKETS, "text/csv");
      const { upload: id } = await res.json();
      const mapFile = new URL("nyc311.map.json", FIXTURES).pathname;
      const command = importFile(dir, "tickets", nyc.pathname, { mapFile });
      command.catch(() => {}); // awaited below
      while (!(await Deno.stat(lockPath(dir)).then(() => true, () => false))) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const refused = await post(asAdmin, "/api/admin/import/start", JSON.stringify({ upload: id, kind: "tickets" }));
      assert.equal(refused.status, 409);
      assert.match(
        (await refused.json()).error,
        /^another import is running \(nyc311_2022-05-01_sample\.csv: tickets, by cli:.* with deno task import \(process \d+ on .*\) since .*\): wait for it to end$/,
      );
      const restore = await post(asAdmin, "/api/admin/import/restore", "");
      assert.equal(restore.status, 409);
      await restore.body?.cancel();
      const run = await command;
      assert.match(run.history.line!, /^read 924, /, "the command's import went on and was stored");
      assert.equal((await readManifest(dir))!.version, run.version);
      const started = await post(asAdmin, "/api/admin/import/start", JSON.stringify({ upload: id, kind: "tickets" }));
      assert.equal(started.status, 202, "once it ended, the page imports");
      assert.equal((await settled((await started.json()).job)).state, "done");
    });

    await t.step("a file that cannot be read is one clear error", async () => {
      const res = await post(asAdmin, "/api/admin/import/upload?kind=tickets&file=x.xlsx", "not a workbook");
      assert.equal(res.status, 422);
      assert.match((await res.json()).error, /x\.xlsx/);
    });

    await t.step("other roles get 403 for the page and every import API", async () => {
      const page = await asLeader(new Request(`${ORIGIN}/data`));
      assert.equal(page.status, 403);
      await page.body?.cancel();
      const res = await post(asLeader, "/api/admin/import/upload?kind=tickets&file=t.csv", TICKETS, "text/csv");
      assert.equal(res.status, 403);
      await res.body?.cancel();
      const history = await asLeader(new Request(`${ORIGIN}/api/admin/import/history`));
      assert.equal(history.status, 403);
      await history.body?.cancel();
    });
    await Deno.remove(cliStore, { recursive: true });
  });
  await serverSettled();
});
