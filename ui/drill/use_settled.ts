/**
 * A value that follows its input once the input has rested for `ms`: the slow queries
 * (the place panel, the metric layers) wait until a brush stops, so they never hold up
 * the database while the charts and the map follow the brush. The first value (after
 * null: nothing to ask yet) passes at once: there is no brush to wait for, only a page
 * waiting for its first figures.
 */
import { useEffect, useState } from "preact/hooks";

export function useSettled<T>(value: T | null, ms: number): T | null {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (settled === null) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled ?? value;
}
