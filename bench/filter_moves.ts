/**
 * Filter changes on `/map`, made and timed inside the page (no DevTools round trip in the
 * figures): each from the control's event to the map recoloured and every chart updated,
 * with the page's long tasks and frame times meanwhile.
 */
import type { Page } from "puppeteer-core";

/** The controls a user moves: the time range, a category, the place (a street, then back to the district). */
export type Control = "time" | "category" | "place";

export interface MovesTiming {
  /** Milliseconds of each change, in order. */
  times: number[];
  /** The long tasks (over 50 ms, as the browser reports them) while the changes ran. */
  longTasks: number[];
  /** The time between successive frames while the changes ran. */
  frames: number[];
}

/** Makes `moves` changes of `control`, each to a state not seen just before. */
export async function timeMoves(page: Page, control: Control, moves: number): Promise<MovesTiming> {
  return await page.evaluate(
    async (control: Control, moves: number) => {
      const map = document.querySelector<HTMLElement>(".linli-map")!;
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const settled = (before: number) => {
        const charts = document.querySelector(".drill-charts");
        return charts !== null && !charts.classList.contains("stale") && Number(map.dataset.recoloured ?? 0) > before;
      };
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      const dateInput = () => document.querySelector<HTMLInputElement>('.range-inputs input[type="date"]')!;
      const startDay = dateInput().value;
      const categories =
        () => [...document.querySelectorAll<HTMLButtonElement>(".choices:not(.compact) [data-choice]")];
      const streets = [...document.querySelectorAll<HTMLButtonElement>('[data-pick^="street:"]')]
        .map((b) => b.dataset.pick!);
      const change = (i: number) => {
        if (control === "time") {
          const input = dateInput();
          setter.call(input, new Date(Date.parse(startDay) + (i % 10 + 1) * 86_400_000).toISOString().slice(0, 10));
          input.dispatchEvent(new Event("change", { bubbles: true }));
        } else if (control === "category") {
          // The first category list (categories), one value off then on again, each in turn.
          const buttons = categories();
          buttons[Math.floor(i / 2) % buttons.length].click();
        } else if (i % 2 === 0) {
          document.querySelector<HTMLButtonElement>(`[data-pick="${streets[(i / 2) % streets.length]}"]`)!.click();
        } else {
          document.querySelector<HTMLButtonElement>('[data-crumb="district"]')!.click();
        }
      };

      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      });
      observer.observe({ type: "longtask" });
      const frames: number[] = [];
      let watching = true;
      (async () => {
        let last = await frame();
        while (watching) {
          const now = await frame();
          frames.push(now - last);
          last = now;
        }
      })();

      const times: number[] = [];
      for (let i = 0; i < moves; i++) {
        const before = Number(map.dataset.recoloured ?? 0);
        const t0 = performance.now();
        change(i);
        while (!settled(before)) await frame();
        times.push(performance.now() - t0);
      }
      watching = false;
      await frame();
      observer.disconnect();
      return { times, longTasks, frames };
    },
    control,
    moves,
  );
}
