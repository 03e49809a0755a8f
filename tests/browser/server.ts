/**
 * Runs the real product (`deno run -A main.ts`) as a subprocess on a free port, for the
 * browser tests and the benchmarks, and signs in: pages opened on it carry an admin's
 * session unless a test asks for another role's (`signIn`) or none.
 */
import { randomBytes } from "node:crypto";
import { addAccount } from "../../lib/access/accounts.ts";
import { firstStreet } from "../../lib/access/demo_accounts.ts";
import { type Role, ROLES } from "../../lib/access/principal.ts";
import { SESSION_COOKIE } from "../../lib/access/request.ts";
import { setDefaultSession } from "./page.ts";

export const REPO_ROOT = new URL("../../", import.meta.url);
const LISTENING = /Linli listening on (https?:\/\/\S+)/;
/** main.ts prints the demo store's accounts and wall address before it listens. */
const DEMO_ACCOUNT = /^Linli demo account: (\S+) (\S+) \((\w+),/;
const DEMO_WALL = /^Linli demo wall: (\S+)/;
const STARTUP_TIMEOUT_MS = 120_000;
/** How long a server may take to shut down on SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;

export interface StartOptions {
  /** Added to the inherited environment, after `PORT=0` (so it may set another port). */
  env?: Record<string, string>;
  /** The module to run instead of the product's `main.ts`, relative to the repo root. */
  entry?: string;
  /** Deno's arguments before the module, instead of `run -A` (e.g. a task's narrowed permissions). */
  denoArgs?: string[];
  timeoutMs?: number;
}

export interface Server extends AsyncDisposable {
  /** The origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** The server process's id, e.g. to read its memory use. */
  readonly pid: number;
  /** Ends the server and waits for it to exit; disposing the server does the same. */
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port (after `downForMs`), so that `url` still holds. */
  restart(downForMs?: number): Promise<void>;
  /** The value of a new session cookie of an account of `role`, signed in through `POST /api/auth/login`. */
  signIn(role: Role): Promise<string>;
  /** The demo wall's sign-in path with its token, on the demo store. */
  readonly demoWallPath: string | undefined;
  /** `fetch` with the admin session pages carry. */
  fetch(url: string | URL, init?: RequestInit): Promise<Response>;
  /** Resolves once the store version's builds are done (`/api/health`'s `prepared`): a benchmark times an idle server. */
  prepared(): Promise<void>;
}

type Credentials = Map<Role, { name: string; password: string }>;

/**
 * On a store other than the demo one, one account per role made before the server starts
 * (the street one for the store's first street); on the demo store, main.ts makes them.
 */
async function testAccounts(storeDir: string): Promise<Credentials> {
  const credentials: Credentials = new Map();
  const street = await firstStreet(storeDir).catch(() => undefined);
  for (const role of ROLES) {
    if (role === "street" && !street) continue;
    const account = { name: `browser-${role}`, password: randomBytes(12).toString("base64url") };
    await addAccount(storeDir, { ...account, role, streets: street ? [street.id] : [] }, { replace: true });
    credentials.set(role, account);
  }
  return credentials;
}

async function signInOver(url: string, credentials: Credentials, role: Role): Promise<string> {
  const account = credentials.get(role);
  if (!account) throw new Error(`the server has no ${role} account to sign in with`);
  const res = await fetch(`${url}api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(url).origin },
    body: JSON.stringify({ username: account.name, password: account.password }),
  });
  await res.body?.cancel();
  const cookie = res.headers.get("set-cookie") ?? "";
  const value = cookie.match(new RegExp(`^${SESSION_COOKIE}=([^;]+)`))?.[1];
  if (res.status !== 204 || !value) throw new Error(`signing in as ${account.name} answered ${res.status}`);
  return value;
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
  pid: number;
  stop(): Promise<void>;
  /** What the server printed before it listened. */
  startupOutput: string[];
}

async function spawn(
  entry: string,
  env: Record<string, string>,
  timeoutMs: number,
  denoArgs = ["run", "-A"],
): Promise<Running> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [...denoArgs, entry],
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
    return { url: reachable(url), pid: child.pid, stop, startupOutput };
  } catch (e) {
    await stop();
    const output = startupOutput.join("\n") || "(no output)";
    throw new Error(
      `deno ${denoArgs.join(" ")} ${entry} ${(e as Error).message}. Its output:\n${output}`,
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
  const env: Record<string, string> = { NO_COLOR: "1", PORT: "0", ...opts.env };
  // The product, run directly or as `deno task start` runs it.
  const product = entry === "main.ts" || entry.endsWith("cli/start.ts");
  const made = product && env.LINLI_DATA ? await testAccounts(env.LINLI_DATA) : undefined;
  let current = await spawn(entry, env, timeoutMs, opts.denoArgs);
  /** The demo store's accounts get new passwords at every start: read them again each time. */
  const credentials = (): Credentials =>
    made ?? new Map(
      current.startupOutput.map((l) => DEMO_ACCOUNT.exec(l)).filter((m) => m !== null)
        .map((m) => [m[3] as Role, { name: m[1], password: m[2] }]),
    );
  const signIn = (role: Role) => signInOver(current.url, credentials(), role);
  let adminSession = "";
  const signInAsAdmin = async () => {
    if (!product) return;
    adminSession = await signIn("admin");
    setDefaultSession(current.url, adminSession);
  };
  await signInAsAdmin();
  return {
    get url() {
      return current.url;
    },
    get pid() {
      return current.pid;
    },
    get demoWallPath() {
      return current.startupOutput.map((l) => DEMO_WALL.exec(l)?.[1]).find((p) => p !== undefined);
    },
    stop: () => current.stop(),
    [Symbol.asyncDispose]: () => current.stop(),
    async restart(downForMs = 0) {
      await current.stop();
      await new Promise((resolve) => setTimeout(resolve, downForMs));
      const port = new URL(current.url).port;
      current = await spawn(entry, { ...env, PORT: port }, timeoutMs, opts.denoArgs);
      await signInAsAdmin();
    },
    signIn,
    fetch: (url, init = {}) => {
      const headers = new Headers(init.headers);
      if (adminSession) headers.set("cookie", `${SESSION_COOKIE}=${adminSession}`);
      return fetch(url, { ...init, headers });
    },
    async prepared() {
      while (!(await (await fetch(`${current.url}api/health`)).json()).prepared) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}
