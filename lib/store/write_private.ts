/**
 * A file written whole or not at all, readable by the server's user only: written to a
 * temporary file of its own (so two writers never share one) and renamed into place, so a
 * reader never sees half of it and a killed write leaves at most a stray `.tmp`.
 */
export async function writePrivateFile(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${crypto.randomUUID()}.tmp`;
  const options = { createNew: true, mode: 0o600 };
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data, options);
    else await Deno.writeFile(tmp, data, options);
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
