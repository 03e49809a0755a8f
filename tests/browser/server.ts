/**
 * Runs the real product (`deno run -A main.ts`) as a subprocess on a free port, for the
 * browser tests and the benchmarks.
 */

export const REPO_ROOT = new URL("../../", import.meta.url);
const LISTENING = /Linli listening on (http:\/\/\S+)/;
const STARTUP_TIMEOUT_MS = 120_000;
/** How long a server may take to shut down on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;

export interface StartOptions {
  /** Added to the inherited environment, after `PORT=0` (so it may set another port). */
  env?: Record<string, string>;
  /** The module to run instead of the product's `main.ts`, relative to the repo root. */
  entry?: string;
  timeoutMs?: number;
}

export interface Server extends AsyncDisposable {
  /** The origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Ends the server and waits for it to exit; disposing the server does the same. */
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port, so that `url` still holds. */
  restart(): Promise<void>;
}

/** Every server still running, so that none outlives the test process. */
const running = new Set<Deno.ChildProcess>();
globalThis.addEventListener("unload", () => {
  for (const child of running) kill(child, "SIGKILL");
});

function kill(child: Deno.ChildProcess, signal: Deno.Signal): void {
  try {
    child.kill(signal);
  } catch (e) {
    // It exited on its own just now, before its status was collected.
    if (!(e instanceof TypeError)) throw e;
  }
}

async function* lines(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of stream) {
    const parts = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}

/** A wildcard listen address is not one a browser can be sent to. */
function reachable(listening: string): string {
  const url = new URL(listening);
  if (url.hostname === "0.0.0.0") url.hostname = "127.0.0.1";
  if (url.hostname === "[::]") url.hostname = "[::1]";
  return url.href;
}

interface Running {
  url: string;
  stop(): Promise<void>;
}

async function spawn(
  entry: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<Running> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", entry],
    cwd: REPO_ROOT,
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  running.add(child);
  const status = child.status.finally(() => running.delete(child));

  const listening = Promise.withResolvers<string>();
  const startupOutput: string[] = [];
  let started = false;
  // Both pipes are read to the end: a full pipe would block the server.
  const stdoutDone = (async () => {
    for await (const line of lines(child.stdout)) {
      const match = LISTENING.exec(line);
      if (match) listening.resolve(match[1]);
      else if (!started) startupOutput.push(line);
    }
  })();
  // Held until the server is up so a failure can show it; passed through afterwards.
  const stderrDone = (async () => {
    for await (const line of lines(child.stderr)) {
      if (started) console.error(`[server] ${line}`);
      else startupOutput.push(line);
    }
  })();

  const stop = async () => {
    kill(child, "SIGTERM");
    const killer = setTimeout(() => kill(child, "SIGKILL"), STOP_GRACE_MS);
    await status;
    clearTimeout(killer);
    await Promise.all([stdoutDone, stderrDone]);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const url = await Promise.race([
      listening.promise,
      status.then((s) => {
        throw new Error(`exited with code ${s.code} before listening`);
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `did not print its listening line within ${timeoutMs / 1000} s`,
              ),
            ),
          timeoutMs,
        );
      }),
    ]);
    started = true;
    return { url: reachable(url), stop };
  } catch (e) {
    await stop();
    const output = startupOutput.join("\n") || "(no output)";
    throw new Error(
      `deno run -A ${entry} ${(e as Error).message}. Its output:\n${output}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts the product with `PORT=0` and resolves once it prints
 * `Linli listening on <url>`.
 */
export async function startServer(opts: StartOptions = {}): Promise<Server> {
  const entry = opts.entry ?? "main.ts";
  const timeoutMs = opts.timeoutMs ?? STARTUP_TIMEOUT_MS;
  // NO_COLOR keeps the output shown on failure free of escape codes.
  // TEMPORARY until the browser tests sign in (the access branch): requests act as an admin (lib/access/unenforced.ts).
  const env = { NO_COLOR: "1", PORT: "0", LINLI_ACCESS_UNENFORCED: "1", ...opts.env };
  let current = await spawn(entry, env, timeoutMs);
  return {
    get url() {
      return current.url;
    },
    stop: () => current.stop(),
    [Symbol.asyncDispose]: () => current.stop(),
    async restart() {
      await current.stop();
      const port = new URL(current.url).port;
      current = await spawn(entry, { ...env, PORT: port }, timeoutMs);
    },
  };
}
