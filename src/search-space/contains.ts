/** Whether a point lies in the support of a neutral space: every parameter present, no other key. */
import { onGrid } from './grid.js';
import type { Param, Point, Scalar, SearchSpace } from './types.js';

/**
 * Takes any record, e.g. hyperparameters read from a cloud, and tells whether it is a point of `spec`.
 *
 * @example
 * ```ts
 * import { contains, int, space } from 'crosstune';
 *
 * const searchSpace = space({ max_depth: int(3, 10) });
 * contains(searchSpace, { max_depth: 4 }); // true
 * contains(searchSpace, { max_depth: 4.5 }); // false: not on the integer grid
 * ```
 */
export function contains(spec: SearchSpace, point: Readonly<Record<string, unknown>>): point is Point {
  const names = Object.keys(spec);
  if (Object.keys(point).length !== names.length) return false;
  return names.every((name) => Object.hasOwn(point, name) && paramContains(spec[name] as Param, point[name]));
}

function paramContains(p: Param, v: unknown): boolean {
  switch (p.kind) {
    case 'choice':
      return p.values.includes(v as Scalar);
    case 'conditional': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const { _name, ...rest } = v as Record<string, unknown>;
      const branch =
        typeof _name === 'string' && Object.hasOwn(p.branches, _name) ? p.branches[_name] : undefined;
      return branch !== undefined && contains(branch, rest);
    }
    case 'int':
      return (
        Number.isInteger(v) && inRange(v as number, p.low, p.high) && ((v as number) - p.low) % p.step === 0
      );
    case 'float':
      return isReal(v) && inRange(v, p.low, p.high) && (p.step === undefined || onGrid(v, p.low, p.step));
    case 'normal':
      return isReal(v) && (p.step === undefined || onGrid(v, 0, p.step));
    case 'lognormal':
      return isReal(v) && (p.step === undefined ? v > 0 : v >= 0 && onGrid(v, 0, p.step));
  }
}

function isReal(v: unknown): v is number {
  return Number.isFinite(v);
}

function inRange(v: number, low: number, high: number): boolean {
  return v >= low && v <= high;
}
