/**
 * `deno task user …`: the store's accounts. Passwords come from standard input, never
 * from the command line (which other users of the machine can read in the process list).
 */
import { parseArgs } from "node:util";
import { addAccount, listAccounts, setDisabled, setPassword } from "../lib/access/accounts.ts";
import { audit, cliAddress } from "../lib/access/audit.ts";
import { type Role, ROLES } from "../lib/access/principal.ts";
import { dataDir } from "../lib/config.ts";
import { readColumns } from "../lib/store/read_columns.ts";
import { readManifest } from "../lib/store/store.ts";
import { readPassword } from "./read_password.ts";

const USAGE = `usage:
  deno task user add NAME --role ${ROLES.join("|")} [--streets S01,S02] [--display 张三] [--data DIR]
  deno task user list [--data DIR]
  deno task user disable NAME | enable NAME | passwd NAME [--data DIR]

  add, passwd  read the password from standard input (its first line), or ask for it
               at a terminal without showing it; at least 10 characters
  --role       admin: everything, with users and the audit trail; leader, analyst: every
               page but the admin pages; street: the overview, map, reviews and SQL over
               its streets' tickets (see docs/access.md)
  --streets    a street account's street place ids, comma-separated (as in the places table)
  --display    the name shown in the header
  --data DIR   the store (default: $LINLI_DATA, else the built-in demo store)

Disabling an account ends its sessions at their next request; so does a new password.`;

function fail(message: string): never {
  console.error(`user: ${message}`);
  Deno.exit(2);
}

/** Street ids the store does not have, when it has places to check against. */
async function unknownStreets(dir: string, streets: string[]): Promise<string[]> {
  const manifest = await readManifest(dir);
  if (!manifest?.tables.places) return [];
  const places = await readColumns(dir, manifest, "places");
  const known = new Set((places.place_id as string[]).filter((_, i) => places.level[i] === "street"));
  return streets.filter((s) => !known.has(s));
}

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: {
    role: { type: "string" },
    streets: { type: "string" },
    display: { type: "string" },
    data: { type: "string" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
const [command, name] = positionals;
const dir = values.data ?? dataDir();
const address = cliAddress();
const needsName = ["add", "disable", "enable", "passwd"].includes(command);
if (!(command === "list" && positionals.length === 1) && !(needsName && positionals.length === 2)) {
  console.error(USAGE);
  Deno.exit(2);
}

try {
  switch (command) {
    case "list": {
      const rows = (await listAccounts(dir)).map((a) => ({
        name: a.name,
        display: a.display ?? "",
        role: a.role,
        streets: a.streets.join(","),
        state: a.disabled ? "disabled" : "enabled",
        sign_in: a.password ? "password" : "single sign-on",
        created_at: a.created_at,
      }));
      if (rows.length) console.table(rows);
      console.log(`(${rows.length} accounts in ${dir}/access/users.json)`);
      break;
    }
    case "add": {
      if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(", ")}`);
      const streets = values.streets?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
      const unknown = await unknownStreets(dir, streets);
      if (unknown.length) fail(`the store has no street ${unknown.join(", ")} (see its places table)`);
      const password = await readPassword();
      const account = await addAccount(dir, {
        name,
        role: values.role as Role,
        streets,
        display: values.display,
        password,
      });
      const detail = `role ${account.role}${account.streets.length ? `, streets ${account.streets.join(",")}` : ""}`;
      await audit({ event: "user_add", user: name, role: account.role, address, detail }, dir);
      console.log(`added ${name} (${detail})`);
      break;
    }
    case "disable":
    case "enable": {
      await setDisabled(dir, name, command === "disable");
      await audit({ event: command === "disable" ? "user_disable" : "user_enable", user: name, address }, dir);
      console.log(`${name} ${command}d`);
      break;
    }
    case "passwd": {
      await setPassword(dir, name, await readPassword("new password: "));
      await audit({ event: "user_passwd", user: name, address }, dir);
      console.log(`${name}: password changed; its sessions have ended`);
      break;
    }
  }
} catch (e) {
  console.error(`user: ${(e as Error).message}`);
  Deno.exit(1);
}
