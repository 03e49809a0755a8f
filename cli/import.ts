/**
 * `deno task import KIND FILE …`: reads a file, runs the import library on it against
 * the store's current tables, writes a new store version (atomically, and only when
 * something changed), and writes the rejects and unassigned tickets beside the store.
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { audit, cliAddress } from "../lib/access/audit.ts";
import { dataDir, usesDemoData } from "../lib/config.ts";
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportOptions,
  type ImportPhase,
  summaryLine,
} from "../lib/import/pipeline.ts";
import { importIntoStore, type ImportRun } from "../lib/store/import_into_store.ts";
import { busyText, takeImportLock, takeoverText } from "../lib/store/import_lock.ts";
import { COORD_SYSTEMS, type CoordSystem } from "../lib/import/reproject.ts";
import { PLACE_LEVELS, type PlaceLevel } from "../lib/schema.ts";
import { ensureDemoStore } from "../lib/store/demo_store.ts";
import { DEPLOYMENT_TIME_ZONE } from "../lib/time.ts";

const USAGE = `usage:
  deno task import places FILE --level LEVEL [--map MAP.json] [--coords wgs84|gcj02|bd09] [--data DIR]
  deno task import buildings FILE [--map MAP.json] [--coords wgs84|gcj02|bd09] [--data DIR]
  deno task import tickets FILE [--map MAP.json] [--coords wgs84|gcj02|bd09] [--near METRES] [--data DIR]
  deno task import callbacks FILE [--map MAP.json] [--data DIR]

  FILE         places/buildings: GeoJSON (.geojson/.json), or CSV/XLSX without shapes;
               tickets/callbacks: CSV, XLSX or Open311 GeoReport v2 JSON
  --level      the places' level: ${PLACE_LEVELS.join(", ")}
  --map        a JSON file of canonical field names to the file's column names, plus
               optional "timezone" (default ${DEPLOYMENT_TIME_ZONE}) and "timestamp_format"
               (MM/DD/YYYY or DD/MM/YYYY); see docs/import.md
  --coords     the coordinates' system when they come from a Chinese map service
  --near       a ticket outside every building but this close to one gets it, and a ticket
               outside every compound polygon the nearest point compound of its community
               this close (default 15)
  --field-limit CHARS  text longer than this is cut, with a note (default 65536)
  --xlsx-limit MB      a workbook unpacking to more than this is refused (default 200)
  --data DIR   the store (default: $LINLI_DATA, else the built-in demo store)

A row is rejected only when it cannot be a record (no id, no readable creation time); a fault
in any other field keeps the row with a data-quality note (stored in the table import_notes).
Rejected rows and notes go to DIR/rejects/, never lost; importing the same file twice changes nothing.`;

/** Overlaps printed; all of them go to a file, as OSM building parts overlap by the hundred. */
const SHOWN_OVERLAPS = 10;

function fail(message: string): never {
  console.error(`import: ${message}`);
  Deno.exit(2);
}

/** Another import holds the store (lib/store/import_lock.ts): nothing was read or stored. */
export class ImportBusyError extends Error {}

/**
 * The whole import of one file into a store (lib/store/import_into_store.ts, as the web
 * import does it), holding the store's import lock against the data page's imports and
 * other commands. Used by the command and by bench/import.bench.ts.
 */
export async function importFile(
  dir: string,
  kind: ImportKind,
  file: string,
  options: Omit<ImportOptions, "mapping"> & { mapFile?: string; onTakeover?: (note: string) => void },
): Promise<ImportRun> {
  const mapping = options.mapFile ? JSON.parse(await Deno.readTextFile(options.mapFile)) : undefined;
  const by = cliAddress();
  const lock = await takeImportLock(dir, { by, action: "import", kind, file: basename(file), via: "command" });
  if ("busy" in lock) throw new ImportBusyError(busyText(lock.busy));
  if (lock.tookOver) (options.onTakeover ?? console.warn)(takeoverText(lock.tookOver));
  try {
    const bytes = await Deno.readFile(file);
    return await importIntoStore(dir, kind, basename(file), bytes, {
      workers: navigator.hardwareConcurrency,
      ...options,
      mapping,
      by,
    });
  } finally {
    await lock.release();
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      level: { type: "string" },
      map: { type: "string" },
      coords: { type: "string", default: "wgs84" },
      near: { type: "string" },
      "field-limit": { type: "string" },
      "xlsx-limit": { type: "string" },
      data: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    Deno.exit(0);
  }
  const [kind, file] = positionals as [ImportKind, string];
  if (positionals.length !== 2 || !IMPORT_KINDS.includes(kind)) {
    console.error(USAGE);
    Deno.exit(2);
  }
  if (!COORD_SYSTEMS.includes(values.coords as CoordSystem)) {
    fail(`--coords must be one of ${COORD_SYSTEMS.join(", ")}`);
  }
  if (kind === "places" && !PLACE_LEVELS.includes(values.level as PlaceLevel)) {
    fail(`places need --level, one of ${PLACE_LEVELS.join(", ")}`);
  }
  const near = values.near === undefined ? undefined : Number(values.near);
  if (near !== undefined && !(near >= 0)) fail(`--near must be a distance in metres, not "${values.near}"`);

  const fieldLimit = values["field-limit"] === undefined ? undefined : Number(values["field-limit"]);
  if (fieldLimit !== undefined && !(Number.isInteger(fieldLimit) && fieldLimit > 0)) {
    fail(`--field-limit must be a whole number of characters, not "${values["field-limit"]}"`);
  }
  const xlsxMb = values["xlsx-limit"] === undefined ? undefined : Number(values["xlsx-limit"]);
  if (xlsxMb !== undefined && !(xlsxMb > 0)) fail(`--xlsx-limit must be megabytes, not "${values["xlsx-limit"]}"`);

  const dir = values.data ?? dataDir();
  if (!values.data && usesDemoData()) await ensureDemoStore(dir);

  try {
    const started = performance.now();
    // When each phase began: the time line says where the time went (bench/import.bench.ts reads it).
    const phases: [ImportPhase, number][] = [];
    const { outcome, changed, version, files } = await importFile(dir, kind, file, {
      onPhase: (phase) => phases.push([phase, performance.now()]),
      mapFile: values.map,
      level: values.level as PlaceLevel | undefined,
      coords: values.coords as CoordSystem,
      nearMetres: near,
      fieldLimit,
      xlsxLimit: xlsxMb === undefined ? undefined : xlsxMb * 1024 * 1024,
    });

    for (const overlap of outcome.overlaps.slice(0, SHOWN_OVERLAPS)) console.log(`overlap: ${overlap}`);
    if (files.overlaps) console.log(`${outcome.overlaps.length} overlaps in all: ${files.overlaps}`);
    if (files.rejects) console.log(`rejected rows: ${files.rejects}`);
    if (files.notes) console.log(`data-quality notes: ${files.notes}`);
    if (files.unassigned) console.log(`unassigned tickets: ${files.unassigned}`);
    console.log(`store ${dir}: ${changed ? "new" : "nothing changed,"} version ${version ?? "(none)"}`);
    console.log(summaryLine(outcome.summary));
    for (const line of outcome.summary.unrecognised) console.log(line);
    const ended = performance.now();
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const spans = phases.map(([phase, at], i) =>
      `${phase} ${seconds((phases[i + 1]?.[1] ?? ended) - (i ? at : started))}`
    );
    console.log(`(${seconds(ended - started)}: ${spans.join(", ")})`);
    const detail = `${kind} ${basename(file)}: ${summaryLine(outcome.summary)}; version ${version ?? "(none)"}`;
    await audit({ event: "import", address: cliAddress(), detail }, dir);
  } catch (e) {
    console.error(`import: ${(e as Error).message}`);
    console.error("the store was not changed");
    Deno.exit(1);
  }
}

if (import.meta.main) await main();
