/**
 * A JSON file only the server's user can read (mode 0600 in a 0700 folder), replaced
 * atomically (a temporary file renamed over it), so a crash never leaves half a file.
 * Reads are cached until the file changes on disk, so a `deno task user disable` run
 * beside the server takes effect at the server's next request.
 */
import { dirname } from "node:path";

export class JsonFile<T> {
  #cached?: { stamp: string; value: T };
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string, private readonly empty: () => T) {}

  async read(): Promise<T> {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(this.path);
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return this.empty();
      throw e;
    }
    // Each write renames a new file over the old one: a new inode says it changed.
    const stamp = `${info.ino}:${info.mtime?.getTime()}:${info.size}`;
    if (this.#cached?.stamp !== stamp) {
      this.#cached = { stamp, value: JSON.parse(await Deno.readTextFile(this.path)) };
    }
    return structuredClone(this.#cached.value);
  }

  /** Reads, changes and writes the file, one change at a time within this process. */
  update<R>(change: (value: T) => R): Promise<R> {
    const run = this.#queue.then(async () => {
      const value = await this.read();
      const result = change(value);
      await this.#write(value);
      return result;
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  async #write(value: T): Promise<void> {
    await Deno.mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${crypto.randomUUID()}.tmp`;
    await Deno.writeTextFile(temp, JSON.stringify(value, null, 1) + "\n", { mode: 0o600 });
    await Deno.rename(temp, this.path);
  }
}
