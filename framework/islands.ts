/**
 * Islands on the server: a route renders `<MapView .../>` like any component; an
 * options hook swaps each registered island for a marker that records its props,
 * so the browser can hydrate exactly those components (Fresh's model).
 */
import { type ComponentType, h, options, type VNode } from "preact";

const islandNames = new Map<ComponentType<never>, string>();
/** Islands rendered by the current synchronous render; reset by `collectIslands`. */
let rendered: { name: string; props: unknown }[] = [];
/** Islands inside an island are hydrated by their parent, so they get no marker. */
let islandDepth = 0;

export function registerIsland(name: string, component: ComponentType<never>) {
  islandNames.set(component, name);
}

export function collectIslands<T>(render: () => T): { result: T; islands: typeof rendered } {
  rendered = [];
  islandDepth = 0;
  const result = render();
  const islands = rendered;
  rendered = [];
  return { result, islands };
}

interface MarkerProps {
  name: string;
  component: ComponentType<Record<string, unknown>>;
  props: Record<string, unknown>;
}

function IslandMarker({ name, component, props }: MarkerProps) {
  // Checked here so a bad prop fails the render with the island's name, not in the browser.
  assertSerialisable(props, `${name} props`);
  const index = rendered.push({ name, props }) - 1;
  islandDepth++;
  const body = h(component, props);
  return h("div", { "data-island": name, "data-island-index": index, style: "display:contents" }, body);
}

const previousVnodeHook = options.vnode;
options.vnode = (vnode: VNode) => {
  const name = typeof vnode.type === "function" && islandDepth === 0
    ? islandNames.get(vnode.type as ComponentType<never>)
    : undefined;
  if (name) {
    const { props, type } = vnode;
    (vnode as { type: unknown }).type = IslandMarker;
    (vnode as { props: unknown }).props = { name, component: type, props };
  }
  previousVnodeHook?.(vnode);
};

const previousDiffedHook = options.diffed;
options.diffed = (vnode: VNode) => {
  if (vnode.type === IslandMarker) islandDepth--;
  previousDiffedHook?.(vnode);
};

/** Props travel as JSON: only plain data survives the trip, so anything else is refused. */
export function assertSerialisable(value: unknown, path: string): void {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new TypeError(`${path} is ${value}, which JSON cannot carry`);
    }
    return;
  }
  if (value === undefined) return;
  if (typeof value !== "object") {
    throw new TypeError(`${path} is a ${typeof value}; island props must be plain data`);
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertSerialisable(v, `${path}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  // Preact elements are plain objects that carry an own `constructor: undefined`.
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(value, "constructor")) {
    const kind = Object.hasOwn(value, "constructor")
      ? "a JSX element"
      : `a ${proto.constructor?.name ?? "class"} instance`;
    throw new TypeError(`${path} is ${kind}; island props must be plain data`);
  }
  for (const [k, v] of Object.entries(value)) assertSerialisable(v, `${path}.${k}`);
}

/** JSON safe inside `<script>`: no `<` can close the tag or open a comment. */
export function serialiseForScript(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}
