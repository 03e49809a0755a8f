/**
 * The party organisation network over the compounds, with the holes a supervisor
 * looks for: about 15% of compounds without a branch (mostly old walk-ups without
 * property management, where tickets pile up), and building groups over roughly
 * two thirds of buildings.
 */
import { DAY_MS } from "../time.ts";
import type { Building } from "./buildings.ts";
import type { Row } from "./columns.ts";
import { branchGroupName } from "./names.ts";
import type { Compound } from "./places.ts";
import type { Random } from "./random.ts";

export interface Organisation {
  branches: Row[];
  branchCompounds: Row[];
  buildingGroups: Row[];
  groupBuildings: Row[];
  memberHouseholds: Row[];
  compoundMembers: Row[];
  /** Branch covering each compound, by compound index (null when none). */
  branchOf: (string | null)[];
  branchNameOf: (string | null)[];
  /** Building group name per building index (null when none). */
  groupOf: (string | null)[];
}

const UNCOVERED_SHARE = 0.15;
/** Relative odds of lacking a branch. */
const GAP_ODDS = (c: Compound) =>
  c.type === "old" ? (c.hasPropertyManagement ? 2 : 3.5) : c.type === "modern" ? 1 : 0.4;
/** Share of a covered compound's buildings that have a building group. */
const GROUP_COVERAGE = { old: 0.68, modern: 0.8, resettlement: 0.9 };
/** Households of a compound large enough for a general branch (党总支). */
const GENERAL_BRANCH_HOUSEHOLDS = 1200;
/** Small compounds may share one joint branch (联合党支部). */
const SMALL_COMPOUND_HOUSEHOLDS = 500;

const utcDate = (year: number, dayOfYear: number) => Date.UTC(year, 0, 1) + dayOfYear * DAY_MS;

export function buildOrganisation(
  compounds: Compound[],
  buildings: Building[],
  households: number[],
  random: Random,
): Organisation {
  // Weighted sampling without replacement (Efraimidis–Spirakis) picks the gaps.
  const gaps = new Set(
    compounds
      .map((c, i) => ({ i, key: random.exponential(1) / GAP_ODDS(c) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, Math.round(compounds.length * UNCOVERED_SHARE))
      .map((g) => g.i),
  );
  const buildingsOf = compounds.map(() => [] as number[]);
  buildings.forEach((b, i) => buildingsOf[b.compound].push(i));

  const org: Organisation = {
    branches: [],
    branchCompounds: [],
    buildingGroups: [],
    groupBuildings: [],
    memberHouseholds: [],
    compoundMembers: [],
    branchOf: compounds.map(() => null),
    branchNameOf: compounds.map(() => null),
    groupOf: buildings.map(() => null),
  };
  const jointCount = new Map<string, number>();
  const isSmall = (i: number) => !gaps.has(i) && households[i] < SMALL_COMPOUND_HOUSEHOLDS;
  for (let i = 0; i < compounds.length; i++) {
    if (gaps.has(i) || org.branchOf[i]) continue;
    const c = compounds[i];
    // Neighbouring small compounds in the same block may be served by one branch.
    const covered = [i];
    if (isSmall(i) && random.chance(0.6)) {
      for (let j = i + 1; j < compounds.length && covered.length < 3; j++) {
        if (compounds[j].block !== c.block || !isSmall(j)) break;
        covered.push(j);
      }
    }
    const joint = covered.length > 1;
    const n = (jointCount.get(c.community.id) ?? 0) + (joint ? 1 : 0);
    jointCount.set(c.community.id, n);
    const kind = joint ? "joint_branch" : households[i] >= GENERAL_BRANCH_HOUSEHOLDS ? "general_branch" : "branch";
    const id = joint ? `${c.community.id}J${n}` : `${c.id}Z`;
    const name = joint
      ? `${covered.map((k) => compounds[k].name).join("、")}联合党支部`
      : `${c.name}${kind === "general_branch" ? "党总支" : "党支部"}`;
    // Most compound branches were set up in the 2017–2021 drive, never before the compound.
    const year = Math.max(random.int(2016, 2023), Math.max(...covered.map((k) => compounds[k].builtYear)) + 1);
    org.branches.push({
      branch_id: id,
      name,
      kind,
      community_id: c.community.id,
      founded_on: utcDate(year, random.int(0, 364)),
    });
    for (const k of covered) {
      org.branchOf[k] = id;
      org.branchNameOf[k] = name;
      org.branchCompounds.push({ branch_id: id, compound_id: compounds[k].id });
      addGroups(org, id, buildingsOf[k], buildings, GROUP_COVERAGE[compounds[k].type], random);
    }
  }
  compounds.forEach((c, i) => addMembers(org, c, households[i], !gaps.has(i), random));
  return org;
}

/**
 * Building groups: one per high-rise, one per two or three walk-ups (fewer
 * members live in each); each group with at least three members, and member
 * households each linked to 8–15 neighbours.
 */
function addGroups(
  org: Organisation,
  branchId: string,
  members: number[],
  buildings: Building[],
  coverage: number,
  random: Random,
) {
  let next = org.buildingGroups.filter((g) => g.branch_id === branchId).length;
  for (let k = 0; k < members.length;) {
    const size = buildings[members[k]].floors <= 7 ? random.int(1, 3) : 1;
    const covered = members.slice(k, k + size);
    k += size;
    if (!random.chance(coverage)) continue;
    const id = `${branchId}G${String(++next).padStart(2, "0")}`;
    const name = branchGroupName(covered.map((b) => buildings[b].name));
    const households = covered.reduce((s, b) => s + buildings[b].households, 0);
    org.buildingGroups.push({
      group_id: id,
      branch_id: branchId,
      name,
      members: Math.max(3, Math.round(households * random.uniform(0.03, 0.06))),
    });
    for (const b of covered) {
      org.groupBuildings.push({ group_id: id, building_id: buildings[b].id });
      org.groupOf[b] = name;
      if (random.chance(0.85)) addMemberHouseholds(org, buildings[b], random);
    }
  }
}

function addMemberHouseholds(org: Organisation, building: Building, random: Random) {
  const count = Math.max(1, Math.round(building.households / random.uniform(10, 15)));
  for (let m = 1; m <= count; m++) {
    org.memberHouseholds.push({
      member_household_id: `${building.id}H${String(m).padStart(2, "0")}`,
      building_id: building.id,
      households_linked: random.int(8, 15),
    });
  }
}

/** Members per 100 households by kind; "双报到" registration is thinner where there is no branch. */
function addMembers(org: Organisation, c: Compound, households: number, covered: boolean, random: Random) {
  const per100 = {
    resident: random.uniform(3, 5),
    working_registered: random.uniform(1, 3) * (covered ? 1 : 0.4),
    retired: random.uniform(1.5, 3.5) * (c.type === "old" ? 1.5 : 1),
  };
  for (const [kind, rate] of Object.entries(per100)) {
    org.compoundMembers.push({
      compound_id: c.id,
      kind,
      members: Math.round((households * rate) / 100),
    });
  }
}
