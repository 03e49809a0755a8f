import assert from "node:assert/strict";
import { accessLog, type AccessLogEntry } from "../../framework/access_log.ts";
import { allowedHosts, hostCheck } from "../../framework/allowed_hosts.ts";
import { withMiddleware } from "../../framework/middleware.ts";
import { requestState, ROUTE_KEY } from "../../framework/request_state.ts";
import { HSTS, strictTransport, tlsFromEnv } from "../../framework/transport.ts";

const ok = () => new Response("ok");
const asking = (host: string) => new Request(`http://${host}/api/data/tickets.arrow`, { headers: { host } });

Deno.test("by default only the names the server was started for pass the Host check; others get 421", async () => {
  const loopback = withMiddleware(ok, hostCheck(allowedHosts(undefined, "127.0.0.1")));
  for (const host of ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"]) {
    assert.equal((await loopback(asking(host))).status, 200, host);
  }
  const rebound = await loopback(asking("attacker.example:8000"));
  assert.equal(rebound.status, 421);
  assert.equal(rebound.headers.get("cache-control"), "no-store");
  const named = withMiddleware(ok, hostCheck(allowedHosts(undefined, "10.1.2.3")));
  assert.equal((await named(asking("10.1.2.3:8000"))).status, 200);
  assert.equal((await named(asking("localhost:8000"))).status, 421, "not started on loopback");
  const all = allowedHosts(undefined, "0.0.0.0") as Set<string>;
  assert.ok(all.has("127.0.0.1") && all.has(Deno.hostname().toLowerCase()) && !all.has("0.0.0.0"));
});

Deno.test("LINLI_ALLOWED_HOSTS names the hosts answered for, * any", async () => {
  const listed = withMiddleware(ok, hostCheck(allowedHosts("linli.district.gov.cn, 10.0.0.5", "127.0.0.1")));
  assert.equal((await listed(asking("Linli.District.gov.cn"))).status, 200);
  assert.equal((await listed(asking("10.0.0.5:443"))).status, 200);
  assert.equal((await listed(asking("127.0.0.1:8000"))).status, 421, "the list replaces the default");
  assert.equal(allowedHosts("*", "127.0.0.1"), "any");
});

Deno.test("one access-log line per request, with user and route, bytes and status, and no token", async () => {
  const lines: string[] = [];
  const handler = withMiddleware(
    (req) => {
      const state = requestState(req);
      state[ROUTE_KEY] = "/api/data/:file";
      state.principal = { kind: "user", name: "zhang", role: "street", streets: [] };
      return new Response("0123456789");
    },
    accessLog({ userOf: (s) => (s.principal as { name: string } | undefined)?.name, write: (l) => lines.push(l) }),
  );
  const res = await handler(new Request("http://localhost/api/data/tickets.arrow?scope=public&token=s3cr3t&x=1"));
  assert.match(res.headers.get("x-request-id")!, /^[0-9a-f-]{36}$/);
  assert.equal(lines.length, 0, "written once the body is sent");
  assert.equal(await res.text(), "0123456789");
  assert.equal(lines.length, 1);
  assert.ok(!lines[0].includes("s3cr3t"));
  const entry: AccessLogEntry = JSON.parse(lines[0]);
  assert.deepEqual({ ...entry, time: "", ms: 0 }, {
    time: "",
    id: res.headers.get("x-request-id"),
    user: "zhang",
    method: "GET",
    route: "/api/data/:file",
    url: "/api/data/tickets.arrow?scope=public&token=…&x=1",
    status: 200,
    bytes: 10,
    ms: 0,
  });
  const gone = await handler(new Request("http://localhost/api/data/tickets.arrow"));
  await gone.body!.cancel();
  assert.equal(lines.length, 2, "a client that leaves is logged too");
});

/** A throwaway certificate authority and a localhost certificate it signed (rustls refuses a CA as the server's). */
async function certificates(): Promise<{ ca: string; cert: string; key: string; dir: string }> {
  const dir = await Deno.makeTempDir();
  const openssl = async (...args: string[]) => {
    const { success, stderr } = await new Deno.Command("openssl", { args, cwd: dir, stdout: "null" }).output();
    assert.ok(success, new TextDecoder().decode(stderr));
  };
  await Deno.writeTextFile(`${dir}/leaf.ext`, "subjectAltName=DNS:localhost\nbasicConstraints=critical,CA:FALSE\n");
  await openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=test CA",
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
  );
  await openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=localhost",
    "-keyout",
    "key.pem",
    "-out",
    "leaf.csr",
  );
  await openssl(
    "x509",
    "-req",
    "-in",
    "leaf.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "1",
    "-extfile",
    "leaf.ext",
    "-out",
    "cert.pem",
  );
  return { ca: await Deno.readTextFile(`${dir}/ca.pem`), cert: `${dir}/cert.pem`, key: `${dir}/key.pem`, dir };
}

Deno.test("with LINLI_TLS_CERT and LINLI_TLS_KEY the server speaks HTTPS and sends HSTS", async () => {
  const files = await certificates();
  const env = { LINLI_TLS_CERT: files.cert, LINLI_TLS_KEY: files.key } as Record<string, string>;
  const tls = (await tlsFromEnv((n) => env[n]))!;
  await assert.rejects(tlsFromEnv((n) => n === "LINLI_TLS_CERT" ? files.cert : undefined), /set together/);
  assert.equal(await tlsFromEnv(() => undefined), null);
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", ...tls, onListen() {} },
    withMiddleware(ok, strictTransport()),
  );
  const client = Deno.createHttpClient({ caCerts: [files.ca] });
  try {
    const res = await fetch(`https://localhost:${server.addr.port}/`, { client } as RequestInit);
    assert.equal(await res.text(), "ok");
    assert.equal(res.headers.get("strict-transport-security"), HSTS);
  } finally {
    client.close();
    await server.shutdown();
    await Deno.remove(files.dir, { recursive: true });
  }
});
