import assert from "node:assert/strict";
import { fileResponse } from "../../framework/file_response.ts";
import { Gate } from "../../framework/heavy.ts";

Deno.test("a file is streamed with its ETag, its brotli twin when accepted, and revalidated", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/t.arrow`, "plain");
  await Deno.writeTextFile(`${dir}/t.arrow.br`, "br");
  const options = { type: "application/vnd.apache.arrow.stream", etag: '"v1-t"', cacheControl: "no-store" };
  const req = (headers: Record<string, string> = {}) => new Request("http://x/t", { headers });
  const plain = (await fileResponse(req(), `${dir}/t.arrow`, { ...options, brotliTwin: true }))!;
  assert.ok(plain.body instanceof ReadableStream);
  assert.equal(plain.headers.get("content-length"), "5");
  assert.equal(await plain.text(), "plain");
  const br = (await fileResponse(req({ "accept-encoding": "gzip, br" }), `${dir}/t.arrow`, {
    ...options,
    brotliTwin: true,
  }))!;
  assert.equal(br.headers.get("content-encoding"), "br");
  assert.equal(await br.text(), "br");
  const revalidated = (await fileResponse(req({ "if-none-match": '"v1-t"' }), `${dir}/t.arrow`, options))!;
  assert.equal(revalidated.status, 304);
  assert.equal(revalidated.headers.get("cache-control"), "no-store");
  assert.equal(await fileResponse(req(), `${dir}/missing.arrow`, options), null);
  assert.equal(await fileResponse(req({ "if-none-match": '"v1-t"' }), `${dir}/missing.arrow`, options), null);
  await Deno.remove(dir, { recursive: true });
});

/** A response whose body the test ends when it likes. */
function openResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return { res: new Response(body), end: () => controller.close() };
}

Deno.test("the gate holds a slot until the body is sent, queues the next, and answers 503 after the timeout", async () => {
  const gate = new Gate({ max: 2, queueTimeoutMs: 50 });
  const open = [openResponse(), openResponse()];
  const sent = await Promise.all(open.map((o) => gate.run(() => o.res)));
  assert.equal(gate.active, 2);
  const third = gate.run(() => new Response("third"));
  assert.equal(gate.waiting, 1);
  // The first body is read to its end: its slot goes to the one waiting.
  const reading = sent[0]!.text();
  open[0].end();
  await reading;
  assert.equal(await (await third)!.text(), "third");
  // Still one body being sent, plus one more: the next waits and times out.
  const held = gate.run(() => openResponse().res);
  const refused = (await gate.run(() => new Response("late")))!;
  assert.equal(refused.status, 503);
  assert.equal(refused.headers.get("retry-after"), "1");
  assert.equal(gate.waiting, 0);
  // A client that goes away frees its slot too.
  await (await held)!.body!.cancel();
  await sent[1]!.body!.cancel();
  assert.equal(gate.active, 0);
});

Deno.test("a handler that throws or answers nothing frees its slot", async () => {
  const gate = new Gate({ max: 1, queueTimeoutMs: 10 });
  await assert.rejects(gate.run(() => Promise.reject(new Error("boom"))), /boom/);
  assert.equal(await gate.run(() => null), null);
  assert.equal(gate.active, 0);
});
