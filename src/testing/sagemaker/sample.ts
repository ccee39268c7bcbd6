/**
 * How the fake picks hyperparameter values. Random draws go through `sampleHyperParameters` alone
 * so that it can be swapped for the neutral search-space module once that exists.
 */
import type { Rng } from '../engine/rng.js';
import type { NumericParameterRange, ParameterRanges, ScalingType } from './types.js';

/** Draws one value per range, formatted as SageMaker returns them: strings. */
export function sampleHyperParameters(ranges: ParameterRanges, rng: Rng): Record<string, string> {
  const values: Record<string, string> = {};
  for (const range of ranges.IntegerParameterRanges ?? []) {
    values[range.Name] = String(Math.round(fromUnit(range, 'integer', rng())));
  }
  for (const range of ranges.ContinuousParameterRanges ?? []) {
    values[range.Name] = formatContinuous(fromUnit(range, 'continuous', rng()));
  }
  for (const range of ranges.CategoricalParameterRanges ?? []) {
    values[range.Name] = range.Values[Math.floor(rng() * range.Values.length)] ?? '';
  }
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

function fromUnit(range: NumericParameterRange, kind: NumericKind, u: number): number {
  const min = Number(range.MinValue);
  const max = Number(range.MaxValue);
  const scale = effectiveScale(range, kind);
  // Linear integers draw from [min, max + 1) and round down, so the ends are as likely as the middle.
  if (scale === 'Linear' && kind === 'integer') return Math.min(max, Math.floor(min + u * (max - min + 1)));
  const lo = toScale(min, scale);
  return fromScale(lo + u * (toScale(max, scale) - lo), scale);
}

function toScale(x: number, scale: ScalingType): number {
  if (scale === 'Logarithmic') return Math.log(x);
  if (scale === 'ReverseLogarithmic') return -Math.log(1 - x);
  return x;
}

function fromScale(y: number, scale: ScalingType): number {
  if (scale === 'Logarithmic') return Math.exp(y);
  if (scale === 'ReverseLogarithmic') return 1 - Math.exp(-y);
  return y;
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
