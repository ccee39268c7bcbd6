/**
 * How the fake picks hyperparameter values: the tuning job's ranges are read into the neutral
 * search space and sampled there, then written as SageMaker returns them (strings).
 */
import { parse, sample } from '../../search-space/index.js';
import type { SearchSpace } from '../../search-space/types.js';
import type { Rng } from '../engine/rng.js';
import type { NumericParameterRange, ParameterRanges, ScalingType } from './types.js';

const neutral = new WeakMap<ParameterRanges, SearchSpace>();

/** Draws one value per range, formatted as SageMaker returns them: strings. */
export function sampleHyperParameters(ranges: ParameterRanges, rng: Rng): Record<string, string> {
  let space = neutral.get(ranges);
  if (!space) {
    space = parse(ranges, 'sagemaker').space;
    neutral.set(ranges, space);
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(sample(space, rng))) {
    values[name] =
      typeof value === 'number' && !Number.isInteger(value) ? formatContinuous(value) : String(value);
  }
  // The neutral space has no "let SageMaker choose": the fake takes the hint.
  for (const auto of ranges.AutoParameters ?? []) values[auto.Name] = auto.ValueHint;
  return values;
}

/** Number of points a Grid search visits: the product of the categorical value counts. */
export function gridSize(ranges: ParameterRanges): number {
  return (ranges.CategoricalParameterRanges ?? []).reduce((n, r) => n * r.Values.length, 1);
}

/** The `index`-th grid point (0-based, wrapping), first range varying slowest. */
export function gridPoint(ranges: ParameterRanges, index: number): Record<string, string> {
  const categorical = ranges.CategoricalParameterRanges ?? [];
  const values: Record<string, string> = {};
  let rest = index % gridSize(ranges);
  for (let i = categorical.length - 1; i >= 0; i--) {
    const range = categorical[i];
    if (range === undefined) continue;
    values[range.Name] = range.Values[rest % range.Values.length] ?? '';
    rest = Math.floor(rest / range.Values.length);
  }
  return values;
}

export type NumericKind = 'integer' | 'continuous';

/**
 * Where `value` sits in its range on the range's scale, in [0, 1]. The simulation scores trials
 * with this, so it must invert the sampler's own scaling.
 */
export function unitPosition(range: NumericParameterRange, kind: NumericKind, value: number): number {
  const scale = effectiveScale(range, kind);
  const lo = toScale(Number(range.MinValue), scale);
  const hi = toScale(Number(range.MaxValue), scale);
  if (hi === lo) return 0.5;
  return Math.min(1, Math.max(0, (toScale(value, scale) - lo) / (hi - lo)));
}

function toScale(x: number, scale: ScalingType): number {
  if (scale === 'Logarithmic') return Math.log(x);
  if (scale === 'ReverseLogarithmic') return -Math.log(1 - x);
  return x;
}

/**
 * `Auto` lets SageMaker choose; the fake chooses logarithmic for positive continuous ranges that
 * span at least two orders of magnitude (learning rates), linear otherwise.
 */
function effectiveScale(range: NumericParameterRange, kind: NumericKind): ScalingType {
  const scale = range.ScalingType ?? 'Auto';
  if (scale !== 'Auto') return scale;
  const min = Number(range.MinValue);
  const max = Number(range.MaxValue);
  return kind === 'continuous' && min > 0 && max / min >= 100 ? 'Logarithmic' : 'Linear';
}

function formatContinuous(value: number): string {
  return String(Number(value.toPrecision(12)));
}
