/**
 * Filter changes on `/map`, made and timed inside the page (no DevTools round trip in the
 * figures): each from the control's event to the map recoloured and every chart updated,
 * with the page's long tasks and frame times meanwhile. One change per call into the page,
 * so a slow machine never runs into DevTools' time limit for one call.
 */
import type { Page } from "puppeteer-core";

/** The controls a user moves: the time range, a category, the place (a street, then back to the district). */
export type Control = "time" | "category" | "place";

export interface MovesTiming {
  /** Milliseconds of each change, in order: to the frame after the map's new colours were drawn. */
  times: number[];
  /** Of each change, the milliseconds to every chart updated (the page's own work done). */
  charts: number[];
  /** Of each change, the milliseconds to the map's draw with the new colours issued (before the GPU's frame). */
  drawn: number[];
  /** The long tasks (over 50 ms, as the browser reports them) while the changes ran. */
  longTasks: number[];
  /** The time between successive frames while the changes ran. */
  frames: number[];
}

/** What the page keeps between the calls, on `globalThis.linliMoves`. */
interface Watch {
  /** Long tasks as start time and duration; only those begun during a change are kept at the end. */
  longTasks: [number, number][];
  frames: number[];
  /** While a change is under way: frames between changes are the idle page's, not the change's. */
  active: boolean;
  /** Start and end of each change. */
  windows: [number, number][];
  stop(): Promise<void>;
}

/** Makes `moves` changes of `control`, each to a state other than the one before. */
export async function timeMoves(page: Page, control: Control, moves: number): Promise<MovesTiming> {
  await page.evaluate(() => {
    const watch: Watch = { longTasks: [], frames: [], active: false, windows: [], stop: async () => {} };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) watch.longTasks.push([entry.startTime, entry.duration]);
    });
    observer.observe({ type: "longtask" });
    let watching = true;
    let last = performance.now();
    const onFrame = (now: number) => {
      if (watch.active) watch.frames.push(now - last);
      last = now;
      if (watching) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(onFrame);
    });
    watch.stop = async () => {
      watching = false;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      observer.disconnect();
    };
    (globalThis as unknown as { linliMoves: Watch }).linliMoves = watch;
  });
  const times: number[] = [], charts: number[] = [], drawn: number[] = [];
  const streets = await page.$$eval(
    '[data-pick^="street:"]',
    (buttons) => buttons.map((b) => (b as HTMLElement).dataset.pick!),
  );
  const startDay = await page.$eval('.range-inputs input[type="date"]', (input) => (input as HTMLInputElement).value);
  for (let i = 0; i < moves; i++) {
    const change = await page.evaluate(
      async (control: Control, i: number, streets: string[], startDay: string) => {
        const watch = (globalThis as unknown as { linliMoves: Watch }).linliMoves;
        const map = document.querySelector<HTMLElement>(".linli-map")!;
        const recoloured = () => Number(map.dataset.recoloured ?? 0);
        const before = recoloured();
        const chartsShown = () => {
          const charts = document.querySelector(".drill-charts");
          return charts !== null && !charts.classList.contains("stale");
        };
        const at = { charts: 0, drawn: 0 };
        // The moments themselves, not the next frame's: a mutation is seen as soon as it is made.
        const observer = new MutationObserver((records) => {
          const now = performance.now();
          const unstale = records.some((r) =>
            r.attributeName === "class" && (r.target as Element).matches(".drill-charts") &&
            r.oldValue?.includes("stale")
          );
          if (!at.charts && unstale && chartsShown()) at.charts = now;
          if (!at.drawn && recoloured() > before) at.drawn = now;
        });
        observer.observe(document.body, {
          subtree: true,
          attributes: true,
          attributeOldValue: true,
          attributeFilter: ["class", "data-recoloured"],
        });
        const t0 = performance.now();
        watch.active = true;
        if (control === "time") {
          const input = document.querySelector<HTMLInputElement>('.range-inputs input[type="date"]')!;
          const day = new Date(Date.parse(startDay) + (i % 10 + 1) * 86_400_000).toISOString().slice(0, 10);
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, day);
          input.dispatchEvent(new Event("change", { bubbles: true }));
        } else if (control === "category") {
          // The first list (categories): one value off, then on again, each in turn.
          const buttons = document.querySelectorAll<HTMLButtonElement>(".choices:not(.compact) [data-choice]");
          buttons[Math.floor(i / 2) % buttons.length].click();
        } else if (i % 2 === 0) {
          document.querySelector<HTMLButtonElement>(`[data-pick="${streets[(i / 2) % streets.length]}"]`)!.click();
        } else {
          document.querySelector<HTMLButtonElement>('[data-crumb="district"]')!.click();
        }
        const settled = () => chartsShown() && recoloured() > before;
        while (!settled()) await new Promise((resolve) => requestAnimationFrame(resolve));
        const t1 = performance.now();
        observer.disconnect();
        watch.active = false;
        watch.windows.push([t0, t1]);
        return { time: t1 - t0, charts: (at.charts || t1) - t0, drawn: (at.drawn || t1) - t0 };
      },
      control,
      i,
      streets,
      startDay,
    );
    times.push(change.time);
    charts.push(change.charts);
    drawn.push(change.drawn);
  }
  const watched = await page.evaluate(async () => {
    const watch = (globalThis as unknown as { linliMoves: Watch }).linliMoves;
    await watch.stop();
    const during = ([start]: [number, number]) => watch.windows.some(([t0, t1]) => start >= t0 && start <= t1);
    return { longTasks: watch.longTasks.filter(during).map(([, duration]) => duration), frames: watch.frames };
  });
  return { times, charts, drawn, ...watched };
}
