/** Best-so-far curves and "how soon was it good enough", over one run's trials in order. */
import { beats, within } from '../core/ranking.js';
import type { ObjectiveDirection } from '../core/types.js';
import type { CurvePoint } from './types.js';

/** One trial's place on an axis (its index or seconds) and its ranked value (undefined: not ranked). */
export interface Sample {
  x: number;
  value: number | undefined;
  trialId: string;
}

/**
 * The best value so far along `samples` (in order of x), as steps: a point wherever it changes,
 * and one at the last sample so the curve reaches the end. Empty until a sample has a value.
 */
export function bestSoFar(samples: readonly Sample[], direction: ObjectiveDirection): CurvePoint[] {
  const points: CurvePoint[] = [];
  let best: { value: number; trialId: string } | undefined;
  for (const sample of samples) {
    if (sample.value !== undefined && beats(sample.value, best?.value, direction)) {
      best = { value: sample.value, trialId: sample.trialId };
      points.push({ x: sample.x, best: sample.value, trialId: sample.trialId });
    }
  }
  const last = samples.at(-1);
  if (best && last && points.at(-1)?.x !== last.x) {
    points.push({ x: last.x, best: best.value, trialId: best.trialId });
  }
  return points;
}

/** The first sample whose value is within `tolerance` of `target`. */
export function firstWithin(
  samples: readonly Sample[],
  target: number,
  tolerance: number,
  direction: ObjectiveDirection,
): Sample | undefined {
  return samples.find((s) => s.value !== undefined && within(s.value, target, tolerance, direction));
}
