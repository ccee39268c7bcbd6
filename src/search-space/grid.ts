/**
 * Arithmetic on quantized values. Float grids are checked with a tolerance above rounding noise
 * and far below any step anyone would choose: 1e-9 of a step, plus what subtracting two large
 * numbers to get a small difference can lose.
 */

/** Whether `x` lies a whole number of `step`s away from `origin`, allowing for floating-point noise. */
export function onGrid(x: number, origin: number, step: number): boolean {
  const k = (x - origin) / step;
  const noise = (8 * Number.EPSILON * (Math.abs(x) + Math.abs(origin))) / step + Math.abs(k) * 1e-12;
  // Stryker disable next-line EqualityOperator: a distance exactly at the tolerance has no practical input.
  return Math.abs(k - Math.round(k)) <= 1e-9 + noise;
}

/** How many steps lead from `low` to `high` (a grid has this many intervals, one more point). */
export function intervals(low: number, high: number, step: number): number {
  return Math.round((high - low) / step);
}

/** The k-th grid point, never past `high` (the last point is `high` itself, not `low + n·step`). */
export function gridPoint(low: number, high: number, step: number, k: number): number {
  return k >= intervals(low, high, step) ? high : Math.min(high, low + k * step);
}

/** The grid point nearest to `x`. */
export function snap(x: number, low: number, high: number, step: number): number {
  const k = Math.min(intervals(low, high, step), Math.max(0, Math.round((x - low) / step)));
  return gridPoint(low, high, step, k);
}

/**
 * A float read back from text or recomputed from a point count, with the last bits of
 * arithmetic noise removed (0.6 / 3 gives 0.19999999999999998, meant as 0.2).
 */
export function tidy(x: number): number {
  return Number(x.toPrecision(15));
}

/** The step between `points` evenly spaced points from `low` to `high`, both included. */
export function evenSpacing(low: number, high: number, points: number): number {
  return tidy((high - low) / (points - 1));
}
