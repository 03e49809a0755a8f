/**
 * Small seeded districts for the alerts' tests: the metrics fixture's places with tickets
 * made here, so every expected count, dispersion and p-value can be recomputed by plain
 * loops (surges) or by hand (recurrence, deadline risk).
 */
import { randomLcg, randomPoisson } from "d3-random";
import type { Connector } from "../../../lib/db/connector.ts";
import { isWorkday } from "../../../lib/calendar/calendar.ts";
import { addDays } from "../../../lib/time.ts";
import { type Columns, table } from "../../../lib/schema.ts";
import { at, FIXTURE, fixtureDb } from "../metrics/fixture.ts";

export type Ticket = Record<string, unknown>;

const PLACES: Record<string, string[]> = {
  X1B1: ["S1", "C1", "X1"],
  X2B1: ["S1", "C1", "X2"],
  X2B2: ["S1", "C1", "X2"],
  X3B1: ["S2", "C2", "X3"],
};

/** A ticket row at a building, received at a local time; closed when `closed` is given. */
export function ticket(id: string, building: string, category: string, created: string, extra: Ticket = {}): Ticket {
  const [street_id, community_id, compound_id] = PLACES[building];
  return {
    ticket_id: id,
    created_at: at(created),
    status: extra.closed_at ? "closed" : "open",
    kind: "complaint",
    category,
    source: "12345热线",
    street_id,
    community_id,
    compound_id,
    building_id: building,
    ...extra,
  };
}

export function ticketsDb(tickets: Ticket[]): Promise<Connector> {
  const columns: Columns = Object.fromEntries(
    table("tickets").columns.map((c) => [c.name, tickets.map((t) => t[c.name] ?? null)]),
  );
  return fixtureDb(undefined, { ...FIXTURE, tickets: columns, callbacks: {} });
}

export const SURGE_FIRST = "2024-03-01";
export const SURGE_LAST = "2024-05-20";
/** The planted spike: 12 extra 物业管理 tickets in X1B1 on Sunday 19 May. */
export const SPIKE_DAY = "2024-05-19";

/**
 * 81 days across Qingming and May Day (with their make-up working Sundays and Saturday):
 * Poisson counts per building and category, higher on working days, a planted spike, a
 * merged duplicate on the spike day that must not count, and a series with one ticket.
 */
export function surgeTickets(): Ticket[] {
  const draw = randomPoisson.source(randomLcg(0.2024));
  const rates: [string, string, number, number][] = [
    ["X1B1", "物业管理", 2, 1],
    ["X2B1", "电梯", 0.6, 0.3],
    ["X3B1", "供暖", 1, 1],
  ];
  const tickets: Ticket[] = [];
  for (let day = SURGE_FIRST; day <= SURGE_LAST; day = addDays(day, 1)) {
    for (const [building, category, working, off] of rates) {
      let n = draw(isWorkday(day) ? working : off)();
      if (day === SPIKE_DAY && category === "物业管理") n += 12;
      for (let k = 0; k < n; k++) {
        const hour = String(8 + (k % 12)).padStart(2, "0");
        tickets.push(ticket(`${day}-${building}-${k}`, building, category, `${day} ${hour}:00`));
      }
    }
  }
  tickets.push(ticket("dup", "X1B1", "物业管理", `${SPIKE_DAY} 21:00`, { merged_into: `${SPIKE_DAY}-X1B1-0` }));
  // A first parking ticket: a series with no history, too small to judge.
  tickets.push(ticket("parking", "X2B2", "停车", "2024-05-18 10:00"));
  return tickets;
}
