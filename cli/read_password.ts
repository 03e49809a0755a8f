/**
 * A password for `deno task user`: the first line of standard input when it is piped,
 * or typed at the terminal without being echoed.
 */
export async function readPassword(label = "password: "): Promise<string> {
  if (!Deno.stdin.isTerminal()) {
    const text = await new Response(Deno.stdin.readable).text();
    return text.split(/\r?\n/)[0];
  }
  await Deno.stderr.write(new TextEncoder().encode(label));
  Deno.stdin.setRaw(true);
  const bytes: number[] = [];
  try {
    const buffer = new Uint8Array(1);
    while (await Deno.stdin.read(buffer) === 1) {
      const [b] = buffer;
      if (b === 13 || b === 10) break;
      if (b === 3) throw new Error("cancelled");
      if (b === 127) bytes.pop();
      else bytes.push(b);
    }
  } finally {
    Deno.stdin.setRaw(false);
    await Deno.stderr.write(new TextEncoder().encode("\n"));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
