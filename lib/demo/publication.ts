/**
 * The loop's last steps for the demo's closed tickets: the handling result published
 * within 7 days (7日内公示办理情况), late or never for a share that differs by street and
 * grows with escalation and in old unmanaged compounds, and the reply to the resident
 * (答复意见), the category's answer to what the resident wrote. Figures in ASSUMPTIONS.md.
 */
import { DEFAULT_CONFIG } from "../metrics/deadlines.ts";
import type { Building } from "./buildings.ts";
import { DAY_MS } from "../time.ts";
import { CATEGORIES, COMPOUND_CLASSES } from "./categories.ts";
import type { Places } from "./places.ts";
import type { Random } from "./random.ts";
import { RESOLVED_LEVELS } from "../schema.ts";
import type { TicketDraft } from "./tickets.ts";

/** Published after the deadline, and never published, before a street's and a ticket's own factors. */
const LATE_SHARE = 0.055;
const NEVER_SHARE = 0.03;
/** Streets differ in how well they keep the rule: their shares are multiplied by a factor in this range. */
const STREET_FACTOR = [0.5, 1.9] as const;
/** Items the departments settled (street or district level) are published by them, later. */
const ESCALATED_FACTOR = 1.6;
const OLD_UNMANAGED_FACTOR = 1.3;
const REPLIED_SHARE = 0.96;
const ESCALATED = RESOLVED_LEVELS.indexOf("street");
const OLD_UNMANAGED = COMPOUND_CLASSES.indexOf("oldUnmanaged");

export interface PublicationColumns {
  published_at: (number | null)[];
  reply: (string | null)[];
}

export function draftPublication(
  t: TicketDraft,
  places: Places,
  buildings: Building[],
  random: Random,
): PublicationColumns {
  const days = DEFAULT_CONFIG.publicationDays;
  const streetFactor = places.streets.map(() => random.uniform(...STREET_FACTOR));
  const streetOf = new Map(places.streets.map((s, i) => [s, i]));
  const published: (number | null)[] = new Array(t.count).fill(null);
  const reply: (string | null)[] = new Array(t.count).fill(null);
  for (let i = 0; i < t.count; i++) {
    const closed = t.closed[i];
    if (t.mergedInto[i] >= 0 || Number.isNaN(closed)) continue;
    const street = streetOf.get(places.compounds[buildings[t.building[i]].compound].street)!;
    const factor = streetFactor[street] * (t.level[i] >= ESCALATED ? ESCALATED_FACTOR : 1) *
      (t.classOf[i] === OLD_UNMANAGED ? OLD_UNMANAGED_FACTOR : 1);
    const u = random();
    // Most are published within a few days; a late one a week or two after its deadline.
    const after = u < NEVER_SHARE * factor
      ? NaN
      : u < (NEVER_SHARE + LATE_SHARE) * factor
      ? days + random.logNormal(4, 0.7)
      : inTime(random.logNormal(2.5, 0.6), days, random);
    const at = closed + after * DAY_MS;
    if (at < t.now) published[i] = at;
    if (random.chance(REPLIED_SHARE)) reply[i] = CATEGORIES[t.category[i]].replies[t.description[i]];
  }
  return { published_at: published, reply };
}

/** A delay drawn past the deadline for an item published in time is drawn again, evenly, within it. */
function inTime(days: number, limit: number, random: Random): number {
  return days < limit ? days : random.uniform(1, limit);
}
