/**
 * A cap on concurrent heavy responses (tables, packs): at most `max` are being sent at
 * once; the next ones wait in line, and one that has waited `queueTimeoutMs` is answered
 * 503 with `Retry-After`, so a crowd of downloads slows the server down instead of
 * exhausting its memory. A slot is held until the response's body has been sent (or the
 * client has gone), not merely until the response object exists.
 *
 * Written by hand: the npm semaphores found (p-limit, async-sema) have no queue timeout
 * and no notion of a slot that outlives the handler.
 */
import { envNumber } from "../lib/config.ts";
import { withObservedBody } from "./observe_body.ts";

export interface GateOptions {
  max: number;
  queueTimeoutMs: number;
}

export class Gate {
  #active = 0;
  #waiting: (() => void)[] = [];

  constructor(readonly options: GateOptions) {}

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** `respond`'s answer, sent within a slot, or 503 when no slot freed up in time. */
  async run(respond: () => Promise<Response | null> | Response | null): Promise<Response | null> {
    if (!await this.#acquire()) return unavailable(this.options.queueTimeoutMs);
    let held = false;
    try {
      const res = await respond();
      if (!res?.body) return res;
      held = true;
      return withObservedBody(res, { done: () => this.#release() });
    } finally {
      if (!held) this.#release();
    }
  }

  #acquire(): Promise<boolean> {
    if (this.#active < this.options.max) {
      this.#active++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const admit = () => {
        clearTimeout(timer);
        this.#active++;
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(admit), 1);
        resolve(false);
      }, this.options.queueTimeoutMs);
      this.#waiting.push(admit);
    });
  }

  #release() {
    this.#active--;
    this.#waiting.shift()?.();
  }
}

function unavailable(queueTimeoutMs: number): Response {
  return Response.json({ error: "the server is busy, try again shortly" }, {
    status: 503,
    headers: { "retry-after": String(Math.max(1, Math.ceil(queueTimeoutMs / 1000))), "cache-control": "no-store" },
  });
}

let shared: Gate | undefined;

/**
 * The server's one gate for heavy responses: `LINLI_MAX_HEAVY` at once (default 4),
 * waiting at most `LINLI_QUEUE_TIMEOUT_MS` (default 30 s).
 */
export function heavyResponses(): Gate {
  return shared ??= new Gate({
    max: Math.max(1, envNumber("LINLI_MAX_HEAVY", 4)),
    queueTimeoutMs: envNumber("LINLI_QUEUE_TIMEOUT_MS", 30_000),
  });
}
