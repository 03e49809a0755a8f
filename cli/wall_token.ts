/** `deno task wall-token …`: the command room's screens and the addresses that sign them in. */
import { parseArgs } from "node:util";
import { audit, cliAddress } from "../lib/access/audit.ts";
import { addWallToken, listWallTokens, revokeWallToken, wallSignInUrl } from "../lib/access/wall_tokens.ts";
import { dataDir } from "../lib/config.ts";

const USAGE = `usage:
  deno task wall-token add NAME [--url ORIGIN] [--data DIR]   # prints the wall's address with its token
  deno task wall-token list [--data DIR]
  deno task wall-token revoke NAME [--data DIR]

  add          a new token for the screen NAME (replacing its old one, which stops
               working); open the printed address once on the screen: it signs in and
               drops the token from the address
  revoke       the screen is signed out at its next refresh and says so
  --url        the server's address as the screen reaches it (default http://127.0.0.1:$PORT)
  --data DIR   the store (default: $LINLI_DATA, else the built-in demo store)`;

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: { url: { type: "string" }, data: { type: "string" }, help: { type: "boolean" } },
});
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
const [command, name] = positionals;
const ok = (command === "list" && positionals.length === 1) ||
  (["add", "revoke"].includes(command) && positionals.length === 2);
if (!ok) {
  console.error(USAGE);
  Deno.exit(2);
}
const dir = values.data ?? dataDir();
const address = cliAddress();

try {
  if (command === "list") {
    const rows = (await listWallTokens(dir)).map((t) => ({
      name: t.name,
      created_at: t.created_at,
      state: t.revoked_at ? `revoked ${t.revoked_at}` : "live",
    }));
    if (rows.length) console.table(rows);
    console.log(`(${rows.length} wall tokens)`);
  } else if (command === "add") {
    const token = await addWallToken(dir, name);
    await audit({ event: "wall_token_add", user: name, role: "wall", address }, dir);
    const origin = values.url ?? `http://127.0.0.1:${Deno.env.get("PORT") ?? 8000}`;
    console.log(wallSignInUrl(origin, token));
  } else {
    await revokeWallToken(dir, name);
    await audit({ event: "wall_token_revoke", user: name, role: "wall", address }, dir);
    console.log(`${name}: revoked; the screen is signed out at its next refresh`);
  }
} catch (e) {
  console.error(`wall-token: ${(e as Error).message}`);
  Deno.exit(1);
}
