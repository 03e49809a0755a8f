/**
 * A value that follows its input once the input has rested for `ms`: the slow queries
 * (the place panel, the metric layers) wait until a brush stops, so they never hold up
 * the database while the charts and the map follow the brush.
 */
import { useEffect, useState } from "preact/hooks";

export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
