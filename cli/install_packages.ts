/**
 * Runs before every task: installs the npm packages into node_modules/ (deno.json sets
 * `"nodeModulesDir": "manual"`, so nothing else touches it) and says so on the first run.
 * Deno's own output is kept back unless the install fails: its progress lines and one
 * known warning (apache-arrow 17 declares an `arrow2csv` bin file it does not ship, which
 * Linli never runs) read as errors to someone starting Linli for the first time.
 */
const root = new URL("..", import.meta.url);
const KNOWN_WARNING = /Trying to set up 'arrow2csv' bin/;

const firstRun = !await exists(new URL("node_modules/.deno", root));
if (firstRun) console.log("Installing the npm packages into node_modules/ (first run only)…");
const started = performance.now();
const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
  args: ["install"],
  cwd: root,
  env: { NO_COLOR: "1" },
  stdout: "piped",
  stderr: "piped",
}).output();
const output = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
if (code !== 0) {
  console.error(output);
  console.error(`Installing the npm packages failed (deno install exited with ${code}).`);
  Deno.exit(code);
}
const warnings = output.split("\n").filter((line) => /^Warning/.test(line) && !KNOWN_WARNING.test(line));
for (const line of warnings) console.warn(line);
if (firstRun) {
  const installed = output.match(/Installed (\d+) packages/)?.[1];
  console.log(`Installed ${installed ?? "the"} npm packages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function exists(url: URL): Promise<boolean> {
  try {
    await Deno.stat(url);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}
