/**
 * How much each hyperparameter explains the objective, by its main effect: a one-way analysis of
 * variance of the objective grouped by the parameter's value (numbers with many values in up to
 * 10 equal-count bins), reported as ε² — the share of variance the grouping explains, less what
 * as many random groups would explain by chance, so a parameter that does not matter scores
 * about 0.
 *
 * Chosen over fANOVA (random forests; Optuna notes it takes minutes past 1,000 trials) and
 * PED-ANOVA (needs the search space's bounds, which not every cloud reads back): ε² needs only
 * the trials, costs O(n log n) per parameter in typed arrays, and reads plainly. It sees main
 * effects only: two parameters that matter only together score low each (docs/compare.md).
 */
import type { HyperParameterValue } from '../core/types.js';
import type { ParameterImportance } from './types.js';

/** How parameter importance is computed, as `RunImportance.method` names it. */
export const IMPORTANCE_METHOD =
  'epsilon-squared main effects (one-way ANOVA, numbers in up to 10 equal-count bins)';

const MAX_BINS = 10;

/** The ranked trials of one run, read through accessors (no copy of them is made). */
export interface RankedTrials {
  readonly length: number;
  value(i: number): number;
  hyperParameters(i: number): Readonly<Record<string, HyperParameterValue>>;
}

/** The group number of `value`, a new one for a value not seen before. */
function groupId(
  groups: Map<HyperParameterValue | undefined, number>,
  value: HyperParameterValue | undefined,
) {
  let id = groups.get(value);
  if (id === undefined) {
    id = groups.size;
    groups.set(value, id);
  }
  return id;
}

/**
 * Up to this many distinct values, a numeric parameter's bin edges come from counting each value
 * rather than from sorting every trial's: quantized and integer parameters (most of them) skip
 * an O(n log n) sort.
 */
const COUNTED_VALUES = 256;

/** A group number per trial for one parameter, and how many groups there are. */
function groupsOf(trials: RankedTrials, name: string): { ids: Uint32Array; count: number } {
  const n = trials.length;
  const ids = new Uint32Array(n);
  const values = new Float64Array(n);
  const bins = Math.max(2, Math.min(MAX_BINS, Math.floor(Math.sqrt(n))));
  let numeric = true;
  // Distinct values and how often each occurs, up to one more than COUNTED_VALUES (a Map tells 1
  // from '1' and true from 'true'); undefined is "not set".
  const distinct = new Map<HyperParameterValue | undefined, number>();
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = trials.hyperParameters(i)[name];
    if (typeof v === 'number') values[i] = v;
    else numeric = false;
    // Stryker disable next-line ConditionalExpression: counting on past the limit only costs time; `counted` below sends such a parameter the same way.
    if (distinct.size > COUNTED_VALUES) continue;
    const id = groupId(distinct, v);
    ids[i] = id;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: uncounted, numbers are binned by sorting (the same edges, property-tested) and other values regrouped one per value (the same groups).
  const counted = distinct.size <= COUNTED_VALUES;
  // Stryker disable next-line ConditionalExpression: text already counted, if regrouped below, falls into the same groups.
  if (distinct.size <= bins || (!numeric && counted)) return { ids, count: distinct.size };
  if (!numeric) {
    // Many values, not all numbers: one group per value.
    // Stryker disable next-line CallExpression: numbering on from the count's groups gives the same groups, and empty ones weigh nothing.
    distinct.clear();
    for (let i = 0; i < n; i++) {
      ids[i] = groupId(distinct, trials.hyperParameters(i)[name]);
    }
    return { ids, count: distinct.size };
  }
  const edges = counted
    ? binEdgesCounted(distinct as Map<number, number>, counts, n, bins)
    : binEdges(values, bins);
  // Stryker disable EqualityOperator,ConditionalExpression: one step past the end reads undefined, which no value is at or above, and writes nowhere.
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let bin = 0;
    while (bin < edges.length && (edges[bin] as number) <= v) bin++;
    ids[i] = bin;
  }
  // Stryker restore EqualityOperator,ConditionalExpression
  return { ids, count: bins };
}

/**
 * Edges of `bins` equal-count bins: every (n/bins)-th value in order, so a value's bin is the
 * number of edges at or below it and equal values share a bin whatever their rank.
 */
export function binEdges(values: Float64Array, bins: number): Float64Array {
  const n = values.length;
  const sorted = values.slice().sort();
  const edges = new Float64Array(bins - 1);
  // Stryker disable next-line EqualityOperator: an edge past the last is written nowhere.
  for (let b = 1; b < bins; b++) edges[b - 1] = sorted[Math.floor((b * n) / bins)] as number;
  return edges;
}

/**
 * The same edges as {@link binEdges}, from each distinct value's count (`counts[id]` for the
 * value numbered `id`): the value at rank r is the first whose running count passes r. NaN sorts
 * last, as a Float64Array sorts it.
 */
export function binEdgesCounted(
  distinct: ReadonlyMap<number, number>,
  counts: readonly number[],
  n: number,
  bins: number,
): Float64Array {
  const keys = [...distinct.keys()].sort((a, b) =>
    Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : a - b,
  );
  const edges = new Float64Array(bins - 1);
  let k = 0;
  let below = counts[distinct.get(keys[0] as number) as number] as number;
  // Stryker disable next-line EqualityOperator: an edge past the last is written nowhere (the count runs out first).
  for (let b = 1; b < bins; b++) {
    const rank = Math.floor((b * n) / bins);
    while (below <= rank) below += counts[distinct.get(keys[++k] as number) as number] as number;
    edges[b - 1] = keys[k] as number;
  }
  return edges;
}

/** ε² of the values grouped by `ids`: (SS_between − (k − 1)·MS_within) / SS_total, within [0, 1]. */
function epsilonSquared(y: Float64Array, ids: Uint32Array, count: number): number {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean /= n;
  const sums = new Float64Array(count);
  const counts = new Uint32Array(count);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = y[i] as number;
    total += (value - mean) ** 2;
    const id = ids[i] as number;
    sums[id] = (sums[id] as number) + value;
    counts[id] = (counts[id] as number) + 1;
  }
  let k = 0;
  let between = 0;
  for (let g = 0; g < count; g++) {
    const c = counts[g] as number;
    if (c === 0) continue;
    k++;
    between += c * ((sums[g] as number) / c - mean) ** 2;
  }
  // Stryker disable next-line ConditionalExpression: one group explains nothing: ε² comes to 0 by the formula too.
  if (total === 0 || k < 2 || n <= k) return 0;
  const withinMean = (total - between) / (n - k);
  // Clamped: rounding can carry a perfect fit a hair past 1.
  return Math.min(1, Math.max(0, (between - (k - 1) * withinMean) / total));
}

export function importanceOf(trials: RankedTrials, names: readonly string[]): ParameterImportance[] {
  if (trials.length < 3) return [];
  const y = new Float64Array(trials.length);
  for (let i = 0; i < trials.length; i++) y[i] = trials.value(i);
  const effects = names.map((name) => {
    const { ids, count } = groupsOf(trials, name);
    return { name, effect: epsilonSquared(y, ids, count) };
  });
  const sum = effects.reduce((a, e) => a + e.effect, 0);
  const shares = effects.map((e) => ({
    name: e.name,
    importance: sum > 0 ? e.effect / sum : 0,
    effect: e.effect,
  }));
  // Stryker disable next-line EqualityOperator: names are never equal.
  return shares.sort((a, b) => b.importance - a.importance || (a.name < b.name ? -1 : 1));
}
