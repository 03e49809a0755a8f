/**
 * The map page's state lives in the URL: changing place pushes a history entry (so the
 * browser's back button climbs back up), everything else replaces the current one, once the
 * page is idle (lib/drill/url_writer.ts).
 */
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { applyChange, decodeState, encodeState, type MapState } from "../../lib/drill/state.ts";
import { UrlWriter } from "../../lib/drill/url_writer.ts";
import type { Lang } from "../../lib/i18n.ts";

export type UpdateState = (change: Partial<MapState>, mode?: "push" | "replace") => void;

/** At the latest this long after a change, its URL is written even on a page that is never idle. */
const WRITE_WITHIN_MS = 1_000;

/** Safari has no requestIdleCallback: there the write waits a fifth of a second. */
const whenIdle = (run: () => void) =>
  "requestIdleCallback" in globalThis
    ? requestIdleCallback(run, { timeout: WRITE_WITHIN_MS })
    : setTimeout(run, WRITE_WITHIN_MS / 5);

export function useUrlState(lang: Lang): [MapState, UpdateState] {
  const [state, setState] = useState<MapState>(() => decodeState(location.search));
  const writer = useMemo(() => new UrlWriter(history, whenIdle), []);
  useEffect(() => {
    const onPop = () => {
      writer.drop();
      setState(decodeState(location.search));
    };
    const onHide = () => writer.flush();
    addEventListener("popstate", onPop);
    addEventListener("pagehide", onHide);
    return () => {
      removeEventListener("popstate", onPop);
      removeEventListener("pagehide", onHide);
    };
  }, []);
  const update = useCallback<UpdateState>((change, mode = "replace") => {
    setState((current) => {
      const next = applyChange(current, change);
      const url = `${location.pathname}${encodeState(next, lang)}`;
      if (mode === "push") writer.push(url);
      else writer.replace(url);
      return next;
    });
  }, [lang]);
  return [state, update];
}
