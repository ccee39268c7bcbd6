/** Best-so-far and reach-within-tolerance against a brute-force reading of the same samples. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestSoFar, firstWithin, type Series } from '../../src/compare/curves.js';

interface Sample {
  x: number;
  value: number | undefined;
  trialId: string;
}

/** A series read from plain samples. */
const series = (list: readonly Sample[]): Series => ({
  length: list.length,
  x: (i) => (list[i] as Sample).x,
  value: (i) => (list[i] as Sample).value,
  trialId: (i) => (list[i] as Sample).trialId,
});

const direction = fc.constantFrom('minimize' as const, 'maximize' as const);
const samples = fc
  .array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }), { maxLength: 60 })
  .map((values): Sample[] => values.map((value, i) => ({ x: i + 1, value, trialId: `t${i}` })));

const plainZero = (value: number | undefined) => (value === 0 ? 0 : value);

const better = (d: 'minimize' | 'maximize') => (a: number, b: number) => (d === 'maximize' ? a > b : a < b);

/** The best value over the first i samples, for every i, by brute force. */
function bruteBest(list: readonly Sample[], d: 'minimize' | 'maximize'): (number | undefined)[] {
  return list.map((_, i) => {
    const values = list.slice(0, i + 1).flatMap((s) => (s.value === undefined ? [] : [s.value]));
    return values.length === 0 ? undefined : d === 'maximize' ? Math.max(...values) : Math.min(...values);
  });
}

describe('bestSoFar', () => {
  it('is, read as steps, the best value of every prefix', () => {
    fc.assert(
      fc.property(samples, direction, (list, d) => {
        const curve = bestSoFar(series(list), d);
        const expected = bruteBest(list, d);
        list.forEach((sample, i) => {
          // The step in force at x: the last point at or before it.
          const step = curve.filter((p) => p.x <= sample.x).at(-1);
          // As numbers: Math.min tells -0 from 0, but they are one best value (the curve keeps the first).
          expect(plainZero(step?.best)).toBe(plainZero(expected[i]));
        });
      }),
    );
  });

  it('only improves, changes only where a sample sets a new best, and reaches the last sample', () => {
    fc.assert(
      fc.property(samples, direction, (list, d) => {
        const curve = bestSoFar(series(list), d);
        const firstValue = list.findIndex((s) => s.value !== undefined);
        if (firstValue < 0) {
          expect(curve).toEqual([]);
          return;
        }
        expect(curve.at(-1)?.x).toBe(list.at(-1)?.x);
        for (let i = 1; i < curve.length; i++) {
          const [a, b] = [curve[i - 1], curve[i]] as [
            NonNullable<(typeof curve)[0]>,
            NonNullable<(typeof curve)[0]>,
          ];
          expect(b.x).toBeGreaterThan(a.x);
          expect(b.best === a.best || better(d)(b.best, a.best)).toBe(true);
        }
        for (const point of curve) {
          const holder = list.find((s) => s.trialId === point.trialId);
          expect(holder?.value).toBe(point.best);
        }
      }),
    );
  });
});

describe('firstWithin', () => {
  it('finds the first sample within tolerance of the target, and none before it is', () => {
    fc.assert(
      fc.property(samples, direction, fc.double({ min: 0, max: 0.5, noNaN: true }), (list, d, tolerance) => {
        const values = list.flatMap((s) => (s.value === undefined ? [] : [s.value]));
        if (values.length === 0) return;
        const target = d === 'maximize' ? Math.max(...values) : Math.min(...values);
        const at = firstWithin(series(list), target, tolerance, d);
        const found = at === undefined ? undefined : list[at];
        const band = tolerance * Math.abs(target);
        const ok = (v: number) => (d === 'maximize' ? v >= target - band : v <= target + band);
        expect(found?.value !== undefined && ok(found.value)).toBe(true);
        for (const earlier of list.slice(0, (found?.x ?? 1) - 1)) {
          expect(earlier.value !== undefined && ok(earlier.value)).toBe(false);
        }
      }),
    );
  });

  it('reads the tolerance relative to the best: 1 % of 0.9 is 0.009', () => {
    const list: Sample[] = [0.5, 0.89, 0.8911, 0.9].map((value, i) => ({
      x: i + 1,
      value,
      trialId: `t${i}`,
    }));
    expect(firstWithin(series(list), 0.9, 0.01, 'maximize')).toBe(2);
    expect(firstWithin(series(list), 0.5, 0.01, 'minimize')).toBe(0);
    expect(firstWithin(series(list), 0, 0.5, 'maximize')).toBe(0);
    expect(firstWithin(series([{ x: 1, value: -0.001, trialId: 'a' }]), 0, 0.5, 'maximize')).toBeUndefined();
  });
});
