/**
 * Which trials take part in a ranking and which is better: one rule for a summary's best trial,
 * a watch's "new best" and a comparison across clouds, so the three never disagree.
 */
import type { ObjectiveDirection, Trial, TrialStatus } from './types.js';

/** Why a trial takes no part in a ranking. */
export type ExclusionReason = 'no-objective' | 'not-finite' | 'failed' | 'not-ended';

/** Ended without failing: the objective it reported is final. */
const RANKED_STATUSES: ReadonlySet<TrialStatus> = new Set<TrialStatus>([
  'completed',
  'early_stopped',
  'stopped',
]);

/**
 * Why `trial` cannot be ranked by `value` (its objective unless the caller picks another metric),
 * or undefined when it can. A failed trial is out even with a value (it may be a partial one); a
 * trial still running or in a status crosstune does not know may change its value.
 */
export function exclusionOf(trial: Trial, value: number | undefined): ExclusionReason | undefined {
  if (trial.status === 'failed') return 'failed';
  if (!RANKED_STATUSES.has(trial.status)) return 'not-ended';
  if (value === undefined) return 'no-objective';
  return Number.isFinite(value) ? undefined : 'not-finite';
}

/** Whether `candidate` beats `incumbent` (strictly: the earlier of two equal values stays best). */
export function beats(
  candidate: number,
  incumbent: number | undefined,
  direction: ObjectiveDirection,
): boolean {
  if (incumbent === undefined) return true;
  return direction === 'maximize' ? candidate > incumbent : candidate < incumbent;
}

/**
 * Whether `value` is within `tolerance` (a fraction, 0.01 = 1 %) of `best`, on the good side of
 * `best - tolerance·|best|` (maximize) or `best + tolerance·|best|` (minimize). With a best of 0
 * only 0 itself (or better) is within any tolerance: a relative band around 0 is empty.
 */
export function within(
  value: number,
  best: number,
  tolerance: number,
  direction: ObjectiveDirection,
): boolean {
  const band = tolerance * Math.abs(best);
  return direction === 'maximize' ? value >= best - band : value <= best + band;
}
