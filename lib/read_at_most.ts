/** A request's or response's body read with a bound, so one peer cannot fill the server's memory. */

/** The body's bytes, or null when it is (or declares itself) longer than `maxBytes`. */
export async function readAtMost(message: Request | Response, maxBytes: number): Promise<Uint8Array | null> {
  if (Number(message.headers.get("content-length") ?? 0) > maxBytes) {
    await message.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of message.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}
