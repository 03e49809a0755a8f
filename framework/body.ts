/** A request body read with a bound, so one client cannot fill the server's memory or disk. */

/** The body's bytes, or null when it is longer than `maxBytes` (answer 413). */
export async function readBody(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await req.body?.cancel();
    return null;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

export function tooLarge(maxBytes: number): Response {
  return Response.json({ error: `the body is larger than ${maxBytes} bytes` }, { status: 413 });
}
