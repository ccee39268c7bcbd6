/** A run's rows in the order its trials started, against a plain stable sort of the same rows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inRunOrder } from '../../src/compare/run-order.js';
import type { TrialRow } from '../../src/compare/types.js';

const rowsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ trialId: `t${i}`, index: 0 }) as TrialRow);

/** What the order must be: by start, ties in listing order; as listed when any start is unknown. */
function expected(starts: readonly number[]): string[] {
  const ids = starts.map((_, i) => i);
  if (!starts.some(Number.isNaN)) ids.sort((a, b) => (starts[a] as number) - (starts[b] as number));
  return ids.map((i) => `t${i}`);
}

// Few distinct times, so ties are common; sometimes an unknown start.
const time = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 12 }) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
);

describe('inRunOrder', () => {
  it('orders by start with ties as listed, and numbers the rows from 1', () => {
    fc.assert(
      fc.property(fc.array(time, { maxLength: 40 }), (starts) => {
        const rows = rowsOf(starts.length);
        const ordered = inRunOrder(rows, starts);
        expect(ordered.map((row) => row.trialId)).toEqual(expected(starts));
        expect(ordered.map((row) => row.index)).toEqual(starts.map((_, i) => i + 1));
        // The caller's array is left in listing order.
        expect(rows.map((row) => row.trialId)).toEqual(starts.map((_, i) => `t${i}`));
      }),
    );
  });

  it('turns a newest-first listing round, and keeps ties as listed when it has them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 40 }), fc.boolean(), (distinct, tie) => {
        const starts = distinct.sort((a, b) => b - a);
        if (tie && starts.length > 1) starts[1] = starts[0] as number;
        const rows = rowsOf(starts.length);
        const ordered = inRunOrder(rows, starts);
        expect(ordered.map((row) => row.trialId)).toEqual(expected(starts));
        expect(rows.map((row) => row.trialId)).toEqual(starts.map((_, i) => `t${i}`));
      }),
    );
  });
});
