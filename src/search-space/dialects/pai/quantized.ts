/**
 * NNI's q-types: `clip(round(x / q) * q, low, high)`. Rounding counts from 0, not from `low`,
 * so the neutral grid `low + k·step` and NNI's agree only when `low` is a multiple of `q`.
 * These render both value sets for loss texts.
 */
import { intervals, tidy } from '../../grid.js';

/** `low, low + step, …, high`. */
export function previewGrid(low: number, high: number, step: number): string {
  return preview(0, intervals(low, high, step), (k) =>
    // Stryker disable next-line ConditionalExpression: tidy() in preview() already hides the noise of low + n·step.
    k === intervals(low, high, step) ? high : low + k * step,
  );
}

/** NNI's values for `[low, high, q]`: the multiples of q in between, and the bounds where clipping reaches them. */
export function previewNniGrid(low: number, high: number, q: number): string {
  return preview(Math.round(low / q), Math.round(high / q), (k) => Math.min(high, Math.max(low, k * q)));
}

function preview(first: number, last: number, at: (k: number) => number): string {
  const ks = last - first <= 5 ? range(first, last) : [first, first + 1, first + 2, Number.NaN, last];
  const texts = ks.map((k) => (Number.isNaN(k) ? '…' : String(tidy(at(k)))));
  return `[${[...new Set(texts)].join(', ')}]`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
