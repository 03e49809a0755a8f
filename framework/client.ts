/**
 * Browser runtime: hydrates each island the server marked, with the props it
 * serialised. Each island's bundle is imported only when the page has one.
 */
import { h, hydrate } from "preact";

interface IslandState {
  modules: Record<string, string>;
  instances: { name: string; props: Record<string, unknown> }[];
}

const script = document.getElementById("__linli_islands");
if (script) {
  const state: IslandState = JSON.parse(script.textContent ?? "{}");
  for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
    const { name, props } = state.instances[Number(el.dataset.islandIndex)];
    import(state.modules[name]).then((mod) => hydrate(h(mod.default, props), el));
  }
}
