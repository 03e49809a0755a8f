/**
 * A component rendered again only when one of its props changed (shallowly), as React's
 * `memo`. Not taken from preact/compat: importing compat anywhere in a bundle turns every
 * input's `onChange` into `onInput` (React's meaning) for all components in it.
 */
import { type Component, createElement, type FunctionComponent } from "preact";

function differs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in a) if (!(key in b)) return true;
  for (const key in b) if (a[key] !== b[key]) return true;
  return false;
}

export function memo<P extends object>(component: FunctionComponent<P>): FunctionComponent<P> {
  function shouldComponentUpdate(this: Component<P>, next: P): boolean {
    return differs(this.props as Record<string, unknown>, next as Record<string, unknown>);
  }
  function Memo(this: Component<P>, props: P) {
    this.shouldComponentUpdate = shouldComponentUpdate;
    return createElement(component, props);
  }
  Memo.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memo;
}
