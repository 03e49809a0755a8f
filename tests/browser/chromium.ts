/**
 * Finds Debian's Chromium for the browser tests and benchmarks, installing it and the
 * CJK fonts on a fresh CI machine, and launches it headless with a fixed set of flags.
 */
import puppeteer, { type Browser } from "puppeteer-core";

/** The Debian wrapper script whose presence tells that the package is installed. */
export const CHROMIUM_WRAPPER = "/usr/bin/chromium";
/**
 * The browser binary behind the wrapper. Launching it directly keeps the flags exactly
 * ours: the wrapper adds Debian's defaults (GPU rasterization, extension options, …).
 */
export const CHROMIUM_BINARY = "/usr/lib/chromium/chromium";
export const APT_PACKAGES = ["chromium", "fonts-noto-cjk"];
export const APT_INSTALL_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`;

export const BASE_ARGS = [
  "--headless",
  "--no-sandbox",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
/**
 * Without a GPU Chromium falls back to SwiftShader anyway; forcing it skips the GPU
 * probe and renders maps the same on every machine, GPU or not.
 */
const SOFTWARE_GL_ARG = "--use-angle=swiftshader";
/** Chromium crashes when /dev/shm is small (as in default containers) rather than slowing. */
const SMALL_SHM_ARG = "--disable-dev-shm-usage";
/** The threshold Debian's own wrapper uses for the same decision. */
const MIN_SHM_BYTES = 3.8e9;

async function output(cmd: string, args: string[]): Promise<string | null> {
  try {
    const out = await new Deno.Command(cmd, {
      args,
      stdout: "piped",
      stderr: "null",
    })
      .output();
    return out.success ? new TextDecoder().decode(out.stdout) : null;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

async function hasChineseFonts(): Promise<boolean> {
  const fonts = await output("fc-list", [":lang=zh"]);
  if (fonts !== null) return fonts.trim() !== "";
  // fc-list comes with the fontconfig package, which Chromium does not pull in.
  const status = await output("dpkg-query", ["-W", "-f=${Status}", "fonts-noto-cjk"]);
  return status?.includes("ok installed") ?? false;
}

/** What is missing among the browser and the fonts that render the Chinese UI. */
export async function missingPackages(): Promise<string[]> {
  const missing: string[] = [];
  if (!exists(CHROMIUM_WRAPPER) || !exists(CHROMIUM_BINARY)) {
    missing.push("chromium");
  }
  if (!await hasChineseFonts()) missing.push("fonts-noto-cjk");
  return missing;
}

async function aptGet(args: string[]): Promise<void> {
  console.log(`[chromium] apt-get ${args.join(" ")}`);
  const status = await new Deno.Command("apt-get", {
    // Another test process may be installing at the same time; wait for its lock.
    args: ["-o", "DPkg::Lock::Timeout=600", ...args],
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!status.success) {
    throw new Error(
      `apt-get ${args.join(" ")} failed with exit code ${status.code}`,
    );
  }
}

let ensured: Promise<void> | undefined;

/**
 * Makes sure Chromium and the CJK fonts are installed, installing them when we are
 * root; memoized so that a test file launching several browsers checks once.
 */
export function ensureChromium(): Promise<void> {
  ensured ??= (async () => {
    const missing = await missingPackages();
    if (missing.length === 0) return;
    if (Deno.uid() !== 0) {
      throw new Error(
        `The browser tests need ${missing.join(" and ")}, which are not installed. ` +
          `Install them as root with:\n  sudo sh -c '${APT_INSTALL_COMMAND}'`,
      );
    }
    console.log(
      `[chromium] missing ${missing.join(", ")}; installing ${APT_PACKAGES.join(" ")}`,
    );
    await aptGet(["update"]);
    await aptGet(["install", "-y", ...APT_PACKAGES]);
    const still = await missingPackages();
    if (still.length > 0) {
      throw new Error(`still missing after apt-get: ${still.join(", ")}`);
    }
  })();
  return ensured;
}

async function shmIsSmall(): Promise<boolean> {
  const avail = await output("df", ["--output=avail", "-B1", "/dev/shm"]);
  const bytes = Number(avail?.trim().split("\n").at(-1));
  // No /dev/shm at all (or no df) is the small case too.
  return !Number.isFinite(bytes) || bytes < MIN_SHM_BYTES;
}

/** The full Chromium command line, without the user-data-dir puppeteer adds. */
export async function chromiumArgs(): Promise<string[]> {
  return [
    ...BASE_ARGS,
    SOFTWARE_GL_ARG,
    ...(await shmIsSmall() ? [SMALL_SHM_ARG] : []),
  ];
}

/**
 * Launches headless Chromium with only our flags. Puppeteer gives it a fresh temporary
 * `--user-data-dir` (because none is passed) and deletes it on `browser.close()`.
 */
export async function launchBrowser(): Promise<Browser> {
  await ensureChromium();
  return await puppeteer.launch({
    executablePath: CHROMIUM_BINARY,
    ignoreDefaultArgs: true,
    args: await chromiumArgs(),
  });
}
