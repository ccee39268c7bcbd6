/**
 * Best-so-far curves and "how soon was it good enough", over one run's trials in order. A series
 * is read through accessors rather than built as an array of points: a run of 10,000 trials then
 * costs no objects beyond the points a curve keeps.
 */
import { beats, within } from '../core/ranking.js';
import type { ObjectiveDirection } from '../core/types.js';
import type { CurvePoint } from './types.js';

/** Trials along an axis, in order of `x` (a trial index, or seconds); `value` undefined: not ranked. */
export interface Series {
  readonly length: number;
  x(i: number): number;
  value(i: number): number | undefined;
  trialId(i: number): string;
}

/**
 * The best value so far along `series`, as steps: a point wherever it changes, and one at the
 * last trial so the curve reaches the end. Empty until a trial has a value.
 */
export function bestSoFar(series: Series, direction: ObjectiveDirection): CurvePoint[] {
  const points: CurvePoint[] = [];
  let best: CurvePoint | undefined;
  for (let i = 0; i < series.length; i++) {
    const value = series.value(i);
    if (value !== undefined && beats(value, best?.best, direction)) {
      best = { x: series.x(i), best: value, trialId: series.trialId(i) };
      points.push(best);
    }
  }
  // `best` is the last point: the curve is carried on to the last trial unless it ends there.
  if (best) {
    const lastX = series.x(series.length - 1);
    if (best.x !== lastX) points.push({ x: lastX, best: best.best, trialId: best.trialId });
  }
  return points;
}

/** The position of the first trial whose value is within `tolerance` of `target`. */
export function firstWithin(
  series: Series,
  target: number,
  tolerance: number,
  direction: ObjectiveDirection,
): number | undefined {
  for (let i = 0; i < series.length; i++) {
    const value = series.value(i);
    // Stryker disable next-line ConditionalExpression: `within` is false for undefined too; the check is for the type.
    if (value !== undefined && within(value, target, tolerance, direction)) return i;
  }
  return undefined;
}
