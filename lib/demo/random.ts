/**
 * Seeded randomness. Every concept (roads, places, tickets, …) draws from its own
 * stream derived from the seed and a label, so that changing how one concept uses
 * randomness does not shift the output of the others.
 */
import { randomExponential, randomLcg, randomLogNormal, randomNormal } from "d3-random";

export interface Random {
  /** Uniform in [0, 1). */
  (): number;
  uniform(min: number, max: number): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn in proportion to the weights. */
  weighted(weights: readonly number[]): number;
  normal(mean: number, sd: number): number;
  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number;
  exponential(rate: number): number;
  shuffle<T>(items: T[]): T[];
}

/** FNV-1a over the label, mixed with the seed: a stable 32-bit stream seed. */
function streamSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // randomLcg treats a seed in [0, 1) as a fraction, so keep it an integer ≥ 1.
  return h || 1;
}

export function createRandom(seed: number, label: string): Random {
  const source = randomLcg(streamSeed(seed, label));
  const standardNormal = randomNormal.source(source)(0, 1);
  const standardLogNormal = randomLogNormal.source(source)(0, 1);
  const standardExponential = randomExponential.source(source)(1);
  const random = (() => source()) as Random;
  random.uniform = (min, max) => min + (max - min) * source();
  random.int = (min, max) => min + Math.floor((max - min + 1) * source());
  random.chance = (p) => source() < p;
  random.pick = (items) => items[Math.floor(items.length * source())];
  random.weighted = (weights) => weightedIndex(weights, source());
  random.normal = (mean, sd) => mean + sd * standardNormal();
  random.logNormal = (median, sigma) => median * standardLogNormal() ** sigma;
  random.exponential = (rate) => standardExponential() / rate;
  random.shuffle = (items) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor((i + 1) * source());
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  return random;
}

/**
 * Walker's alias table: O(1) draws from a fixed discrete distribution, needed
 * because tickets draw a building and a day millions of times.
 */
export function aliasSampler(weights: ArrayLike<number>): (u: number) => number {
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = weights[i] * n / total;
    (prob[i] < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large[large.length - 1];
    alias[s] = l;
    prob[l] += prob[s] - 1;
    if (prob[l] < 1) small.push(large.pop()!);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return (u: number) => {
    const x = u * n;
    const i = Math.floor(x);
    return x - i < prob[i] ? i : alias[i];
  };
}

/** Index drawn from small weight lists (a few dozen entries) by linear scan. */
export function weightedIndex(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}
