/**
 * How much each hyperparameter explains the objective, by its main effect: a one-way analysis of
 * variance of the objective grouped by the parameter's value (numbers in up to 10 equal-count
 * bins), reported as ε² — the share of variance the grouping explains, less what as many random
 * groups would explain by chance, so a parameter that does not matter scores about 0.
 *
 * Chosen over fANOVA (random forests; Optuna notes it takes minutes past 1,000 trials) and
 * PED-ANOVA (needs the search space's bounds, which not every cloud reads back): ε² needs only
 * the trials, costs O(n log n) per parameter, and reads plainly. It sees main effects only: two
 * parameters that matter only together score low each. docs/compare.md says so.
 */
import type { HyperParameterValue } from '../core/types.js';
import type { ParameterImportance } from './types.js';

export const IMPORTANCE_METHOD =
  'epsilon-squared main effects (one-way ANOVA, numbers in up to 10 equal-count bins)';

const MAX_BINS = 10;
const MISSING = '\u0000missing';

export interface RankedTrial {
  value: number;
  hyperParameters: Readonly<Record<string, HyperParameterValue>>;
}

/** Group keys for one parameter: its value, or its bin when it is a number with many values. */
function groupsOf(values: readonly (HyperParameterValue | undefined)[]): string[] {
  const numeric = values.every((v) => typeof v === 'number');
  const distinct = new Set(values.map((v) => (v === undefined ? MISSING : `${typeof v}:${String(v)}`)));
  const bins = Math.max(2, Math.min(MAX_BINS, Math.floor(Math.sqrt(values.length))));
  if (!numeric || distinct.size <= bins) {
    return values.map((v) => (v === undefined ? MISSING : `${typeof v}:${String(v)}`));
  }
  const order = values.map((v, i) => ({ v: v as number, i })).sort((a, b) => a.v - b.v);
  const keys = new Array<string>(values.length);
  let previous: { v: number; bin: number } | undefined;
  order.forEach(({ v, i }, rank) => {
    // Equal values share a bin, whatever their rank.
    const bin = previous && previous.v === v ? previous.bin : Math.floor((rank * bins) / order.length);
    previous = { v, bin };
    keys[i] = `bin:${bin}`;
  });
  return keys;
}

/** ε² of `y` grouped by `keys`: (SS_between − (k − 1)·MS_within) / SS_total, at least 0. */
function epsilonSquared(y: readonly number[], keys: readonly string[]): number {
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const groups = new Map<string, { sum: number; count: number }>();
  let total = 0;
  y.forEach((value, i) => {
    total += (value - mean) ** 2;
    const group = groups.get(keys[i] as string) ?? { sum: 0, count: 0 };
    group.sum += value;
    group.count++;
    groups.set(keys[i] as string, group);
  });
  const k = groups.size;
  if (total === 0 || k < 2 || n <= k) return 0;
  let between = 0;
  for (const { sum, count } of groups.values()) between += count * (sum / count - mean) ** 2;
  const withinMean = (total - between) / (n - k);
  // Clamped: rounding can carry a perfect fit a hair past 1.
  return Math.min(1, Math.max(0, (between - (k - 1) * withinMean) / total));
}

export function importanceOf(
  trials: readonly RankedTrial[],
  names: readonly string[],
): ParameterImportance[] {
  if (trials.length < 3) return [];
  const y = trials.map((t) => t.value);
  const effects = names.map((name) => ({
    name,
    effect: epsilonSquared(y, groupsOf(trials.map((t) => t.hyperParameters[name]))),
  }));
  const sum = effects.reduce((a, e) => a + e.effect, 0);
  return effects
    .map((e) => ({ name: e.name, importance: sum > 0 ? e.effect / sum : 0, effect: e.effect }))
    .sort((a, b) => b.importance - a.importance || (a.name < b.name ? -1 : 1));
}
