/**
 * Places a ticket without coordinates by its address as residents write it: a
 * compound's name or alias, then a building number, e.g. `德沁苑3栋2单元501`. The longest
 * name found in the address wins; a name two compounds share matches neither, since a
 * guess would misplace the ticket silently.
 */
import type { Columns } from "../schema.ts";

export interface AddressMatch {
  compound: string;
  building: string | null;
}

/** The words that end a building's number in an address (3栋, 5号楼); lib/privacy cuts addresses after them. */
export const BUILDING_SUFFIXES = ["栋", "号楼", "幢", "座", "号", "楼"];

const BUILDING_NUMBER = new RegExp(`^\\s*(?:第)?(\\d+)\\s*(?:${BUILDING_SUFFIXES.join("|")})`);

/** Full-width digits (３栋) as ASCII ones. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export class AddressMatcher {
  /** First character → the names starting with it, longest first. */
  readonly #names = new Map<string, string[]>();
  /** Name → compound id, or null when several compounds share the name. */
  readonly #compounds = new Map<string, string | null>();
  /** "compound id|building number" → building id. */
  readonly #buildings = new Map<string, string>();

  constructor(places: Columns, buildings: Columns) {
    (places.place_id ?? []).forEach((id, i) => {
      if (places.level[i] !== "compound") return;
      const names = [places.name[i], ...String(places.aliases[i] ?? "").split("|")];
      for (const name of new Set(names.map((n) => String(n ?? "").trim()).filter((n) => n.length > 1))) {
        const known = this.#compounds.get(name);
        this.#compounds.set(name, known === undefined || known === id ? id as string : null);
      }
    });
    for (const name of this.#compounds.keys()) {
      const list = this.#names.get(name[0]) ?? [];
      list.push(name);
      this.#names.set(name[0], list);
    }
    for (const list of this.#names.values()) list.sort((a, b) => b.length - a.length);
    (buildings.building_id ?? []).forEach((id, i) => {
      const number = /^\s*(\d+)/.exec(asciiDigits(String(buildings.name[i] ?? "")))?.[1];
      if (number && buildings.compound_id[i]) {
        this.#buildings.set(`${buildings.compound_id[i]}|${Number(number)}`, id as string);
      }
    });
  }

  /** Addresses matched so far: a household's address comes back with each of its tickets. */
  readonly #seen = new Map<string, AddressMatch | null>();

  match(address: string | null | undefined): AddressMatch | null {
    if (!address) return null;
    let match = this.#seen.get(address);
    if (match === undefined) this.#seen.set(address, match = this.#match(address));
    return match;
  }

  #match(address: string): AddressMatch | null {
    let best: string | null = null;
    let at = -1;
    for (let i = 0; i < address.length; i++) {
      for (const name of this.#names.get(address[i]) ?? []) {
        if ((!best || name.length > best.length) && address.startsWith(name, i)) {
          best = name;
          at = i;
          break;
        }
      }
    }
    const compound = best ? this.#compounds.get(best) : null;
    if (!compound) return null;
    const number = BUILDING_NUMBER.exec(asciiDigits(address.slice(at + best!.length)))?.[1];
    return { compound, building: number ? this.#buildings.get(`${compound}|${Number(number)}`) ?? null : null };
  }
}
