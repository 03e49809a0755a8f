/**
 * The web import (`/data`, admins only): a file dropped or chosen with its kind, its first
 * rows with the field each column was matched to (changeable, saved by name), the import
 * with its progress through upload, read, assign and write, and its summary, notes and lists;
 * the import history below, with the restore of the previous version. The server does the
 * import with the command line's library (lib/import, lib/store/import_into_store.ts).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { type Lang, t } from "../lib/i18n.ts";
import { COORD_SYSTEMS, IMPORT_KINDS, type ImportKind } from "../lib/import/kinds.ts";
import { mappingFor, type Preview } from "../lib/import/column_choice.ts";
import { PLACE_LEVELS } from "../lib/schema.ts";
import type { ImportJob } from "../lib/store/import_jobs.ts";
import type { SavedMapping } from "../lib/store/import_mappings.ts";
import type { ImportState } from "../lib/store/import_state.ts";
import {
  followJob,
  importState,
  listMappings,
  postJson,
  type PreviewAnswer,
  type Settings,
  uploadFile,
} from "../ui/data/import_api.ts";
import { ImportHistory } from "../ui/data/ImportHistory.tsx";
import { ImportProgress, type Progress } from "../ui/data/ImportProgress.tsx";
import { ImportResult } from "../ui/data/ImportResult.tsx";
import { MappingTable } from "../ui/data/MappingTable.tsx";
import { SettingSelect } from "../ui/data/SettingSelect.tsx";

export interface DataImportProps {
  lang: Lang;
  state: ImportState;
  mappings: SavedMapping[];
}

interface Loaded {
  file: File;
  upload: string;
  preview: Preview;
  chosen: (string | null)[];
}

const sizeText = (bytes: number) =>
  bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export default function DataImport({ lang, state: initial, mappings: initialMappings }: DataImportProps) {
  const [settings, setSettings] = useState<Settings>({ kind: "tickets", level: "compound", coords: "wgs84" });
  const [mappings, setMappings] = useState(initialMappings);
  const [mappingName, setMappingName] = useState("");
  const [saveName, setSaveName] = useState("");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [state, setState] = useState(initial);
  const [dragging, setDragging] = useState(false);
  /** An upload, an import or a restore under way: nothing else starts meanwhile. */
  const [busy, setBusy] = useState(false);

  /** The kind whose saved mappings are held: the page came with the first kind's. */
  const mappingsOf = useRef(settings.kind);
  useEffect(() => {
    if (settings.kind === mappingsOf.current) return;
    mappingsOf.current = settings.kind;
    listMappings(settings.kind).then(setMappings).catch(() => setMappings([]));
  }, [settings.kind]);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // An import started elsewhere (another tab, another admin) is followed here to its end.
    if (initial.running) follow(initial.running.id).catch(fail);
    // A file chosen before the page's script had run (the input is in the served HTML) raised no event we heard.
    const early = fileInput.current?.files?.[0];
    if (early) choose(early);
    document.documentElement.dataset.ready = "true";
  }, []);

  const fail = (e: unknown) => setMessage({ text: (e as Error).message, error: true });
  const refresh = () => importState().then(setState).catch(fail);
  const show = (answer: PreviewAnswer, file: File) =>
    setLoaded({ file, upload: answer.upload, preview: answer.preview, chosen: answer.preview.matched });

  async function choose(file: File) {
    setMessage(null);
    setJob(null);
    setLoaded(null);
    setProgress({ phase: "upload", within: 0, done: false });
    setBusy(true);
    try {
      const answer = await uploadFile(
        file,
        { ...settings, ...(mappingName ? { mapping: mappingName } : {}) },
        (sent) => setProgress({ phase: "upload", within: sent, done: false }),
      );
      show(answer, file);
      setProgress({ phase: "upload", within: 1, done: false });
    } catch (e) {
      setProgress(null);
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  /** The same upload previewed again: another kind, or a saved mapping applied. */
  async function reread(
    change: Partial<Settings> & { mapping?: string },
    upload = loaded?.upload,
    file = loaded?.file,
  ) {
    if (!upload || !file) return;
    try {
      const { mapping, ...rest } = change;
      const next = { ...settings, ...rest };
      show(await postJson<PreviewAnswer>("preview", { ...next, upload, ...(mapping ? { mapping } : {}) }), file);
    } catch (e) {
      fail(e);
    }
  }

  function setKind(kind: ImportKind) {
    setSettings({ ...settings, kind });
    setMappingName("");
    reread({ kind });
  }

  function chooseField(column: number, field: string | null) {
    if (!loaded) return;
    // One column per field: choosing a field already read from another column takes it from there.
    const chosen = loaded.chosen.map((f, i) => i === column ? field : f === field ? null : f);
    setLoaded({ ...loaded, chosen });
  }

  const mapping = () =>
    loaded && mappingFor(settings.kind, loaded.preview.headers, loaded.chosen, loaded.preview.options);

  async function save() {
    try {
      const saved = await postJson<SavedMapping[]>("mappings", {
        kind: settings.kind,
        name: saveName,
        mapping: mapping(),
      });
      setMappings(saved);
      setMappingName(saveName);
      setMessage({ text: t(lang, "import.mapping.saved", { name: saveName }), error: false });
    } catch (e) {
      fail(e);
    }
  }

  async function follow(id: string) {
    setBusy(true);
    const ended = await followJob(id, (j) => setProgress({ phase: j.phase, within: null, done: j.state !== "running" }))
      .finally(() => setBusy(false));
    setJob(ended);
    if (ended.state === "failed") {
      setMessage({ text: t(lang, "import.failed", { message: ended.error ?? "" }), error: true });
    }
    await refresh();
    return ended;
  }

  async function start() {
    if (!loaded) return;
    setMessage(null);
    try {
      const { job: id } = await postJson<{ job: string }>("start", {
        ...settings,
        upload: loaded.upload,
        mapping: mapping(),
      });
      setProgress({ phase: "read", within: null, done: false });
      await follow(id);
    } catch (e) {
      fail(e);
    }
  }

  async function restore() {
    setMessage(null);
    try {
      const { job: id } = await postJson<{ job: string }>("restore", {});
      const ended = await follow(id);
      // The import just shown is undone: its file is not offered again; a file being previewed stays.
      if (job?.action === "import") setLoaded(null);
      setJob(null);
      setProgress(null);
      if (ended.state === "done") {
        setMessage({ text: t(lang, "import.restore.done", { version: ended.history?.after ?? "" }), error: false });
      }
    } catch (e) {
      fail(e);
    }
  }

  function again() {
    setLoaded(null);
    setJob(null);
    setProgress(null);
    setMessage(null);
  }

  const finished = job?.state === "done" && job.action === "import";
  return (
    <div class="data-import">
      <section class="panel">
        <h2>{t(lang, "import.title")}</h2>
        <p class="import-hint">{t(lang, "import.hint")}</p>
        <div class="import-settings">
          <SettingSelect
            label={t(lang, "import.kind")}
            name="kind"
            value={settings.kind}
            options={IMPORT_KINDS.map((k) => [k, t(lang, `import.kind.${k}`)])}
            disabled={busy}
            onChange={(kind) => setKind(kind as ImportKind)}
          />
          {settings.kind === "places" && (
            <SettingSelect
              label={t(lang, "import.level")}
              name="level"
              value={settings.level}
              options={PLACE_LEVELS.map((l) => [l, t(lang, `import.level.${l}`)])}
              disabled={busy}
              onChange={(level) => setSettings({ ...settings, level })}
            />
          )}
          {settings.kind !== "callbacks" && (
            <SettingSelect
              label={t(lang, "import.coords")}
              name="coords"
              value={settings.coords}
              options={COORD_SYSTEMS.map((c) => [c, t(lang, `import.coords.${c}`)])}
              disabled={busy}
              onChange={(coords) => setSettings({ ...settings, coords })}
            />
          )}
          <SettingSelect
            label={t(lang, "import.mapping")}
            name="mapping"
            value={mappingName}
            options={[["", t(lang, "import.mapping.none")], ...mappings.map((m): [string, string] => [m.name, m.name])]}
            disabled={busy}
            onChange={(name) => {
              setMappingName(name);
              reread(name ? { mapping: name } : {});
            }}
          />
        </div>
        {!loaded && !busy && (
          <label
            class="import-drop"
            data-dragging={String(dragging)}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              const file = e.dataTransfer?.files[0];
              if (file) choose(file);
            }}
          >
            {t(lang, "import.drop")}
            <input
              ref={fileInput}
              type="file"
              name="file"
              accept=".csv,.xlsx,.json,.geojson,text/csv"
              onChange={(e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) choose(file);
              }}
            />
          </label>
        )}
        {progress && <ImportProgress lang={lang} progress={progress} />}
        {message && (
          <p class={message.error ? "status status-error import-message" : "import-message"} role="status">
            {message.text}
          </p>
        )}
        {loaded && !finished && (
          <>
            <p>
              {t(lang, "import.file", { name: loaded.file.name, size: sizeText(loaded.file.size) })}{" "}
              {t(lang, "import.rows", { total: loaded.preview.total, shown: loaded.preview.rows.length })}
            </p>
            {loaded.preview.dropped.length > 0 && (
              <p class="status-error">{t(lang, "import.dropped", { list: loaded.preview.dropped.join(", ") })}</p>
            )}
            <MappingTable
              lang={lang}
              kind={settings.kind}
              preview={loaded.preview}
              chosen={loaded.chosen}
              onChoose={chooseField}
            />
            <div class="import-actions">
              <label>
                {t(lang, "import.mapping.name")}{" "}
                <input
                  name="mapping-name"
                  value={saveName}
                  maxLength={60}
                  onInput={(e) => setSaveName((e.target as HTMLInputElement).value)}
                />
              </label>
              <button type="button" data-action="save-mapping" disabled={!saveName.trim() || busy} onClick={save}>
                {t(lang, "import.mapping.save")}
              </button>
              <button type="button" class="primary" data-action="start" disabled={busy} onClick={start}>
                {busy ? t(lang, "import.working") : t(lang, "import.start")}
              </button>
            </div>
          </>
        )}
        {finished && <button type="button" data-action="again" onClick={again}>{t(lang, "import.again")}</button>}
      </section>
      {finished && <ImportResult lang={lang} job={job!} />}
      <ImportHistory lang={lang} state={state} busy={busy} onRestore={restore} />
    </div>
  );
}
