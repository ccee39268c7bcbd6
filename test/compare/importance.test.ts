/** Parameter importance on synthetic trials where what matters is known. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binEdges,
  binEdgesCounted,
  IMPORTANCE_METHOD,
  importanceOf,
  type RankedTrials,
} from '../../src/compare/importance.js';
import type { HyperParameterValue } from '../../src/index.js';

interface RankedTrial {
  value: number;
  hyperParameters: Record<string, HyperParameterValue>;
}

const ranked = (list: readonly RankedTrial[]): RankedTrials => ({
  length: list.length,
  value: (i) => (list[i] as RankedTrial).value,
  hyperParameters: (i) => (list[i] as RankedTrial).hyperParameters,
});

import { deriveRng } from '../../src/testing/index.js';

/** binEdgesCounted over a column: its distinct values numbered in order of appearance, and counted. */
function countedEdges(column: Float64Array, bins: number): Float64Array {
  const distinct = new Map<number, number>();
  const counts: number[] = [];
  for (const v of column) {
    if (!distinct.has(v)) distinct.set(v, distinct.size);
    const id = distinct.get(v) as number;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return binEdgesCounted(distinct, counts, column.length, bins);
}

/** Trials whose objective depends on `x` alone (plus a little noise); `y`, `z`, `kind` are noise. */
function onlyXMatters(n: number, seed: number): RankedTrial[] {
  const rng = deriveRng(seed, 'importance');
  return Array.from({ length: n }, () => {
    const x = rng();
    return {
      value: Math.sin(3 * x) + 0.05 * (rng() - 0.5),
      hyperParameters: {
        x,
        y: Math.floor(rng() * 1000),
        z: 10 ** (-4 + 3 * rng()),
        kind: rng() < 0.5 ? 'gbtree' : 'dart',
      },
    };
  });
}

describe('importanceOf', () => {
  it('gives nearly all importance to the one parameter that matters, for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 150, max: 400 }), (seed, n) => {
        const [top, ...rest] = importanceOf(ranked(onlyXMatters(n, seed)), ['kind', 'x', 'y', 'z']);
        expect(top?.name).toBe('x');
        expect(top?.importance).toBeGreaterThan(0.8);
        expect(top?.effect).toBeGreaterThan(0.8);
        // By chance alone a noise parameter's ε² has a spread of about 0.03 here: 0.15 is 5 of it.
        for (const other of rest) expect(other.effect).toBeLessThan(0.15);
      }),
      { numRuns: 40 },
    );
  });

  it('sees a categorical parameter that matters', () => {
    const rng = deriveRng(9, 'categorical');
    const trials = Array.from({ length: 120 }, (_, i) => ({
      value: (i % 3 === 0 ? 1 : 0) + 0.01 * rng(),
      hyperParameters: { booster: ['dart', 'gbtree', 'gblinear'][i % 3] as string, lr: rng() },
    }));
    const [top] = importanceOf(ranked(trials), ['booster', 'lr']);
    expect(top).toMatchObject({ name: 'booster' });
    expect(top?.importance).toBeGreaterThan(0.9);
  });

  it('shares add up to 1, effects stay in [0, 1], and nothing is computed from fewer than 3 trials', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.double({ min: -100, max: 100, noNaN: true }),
            hyperParameters: fc.record({
              a: fc.integer({ min: 0, max: 5 }),
              b: fc.double({ min: 0, max: 1, noNaN: true }),
            }),
          }),
          { minLength: 3, maxLength: 80 },
        ),
        (trials) => {
          const result = importanceOf(ranked(trials), ['a', 'b']);
          expect(result.map((p) => p.name).sort()).toEqual(['a', 'b']);
          for (const p of result) {
            expect(p.effect).toBeGreaterThanOrEqual(0);
            expect(p.effect).toBeLessThanOrEqual(1);
          }
          const sum = result.reduce((s, p) => s + p.importance, 0);
          if (result.some((p) => p.effect > 0)) expect(sum).toBeCloseTo(1, 9);
          else expect(sum).toBe(0);
        },
      ),
    );
    expect(importanceOf(ranked(onlyXMatters(2, 1)), ['x'])).toEqual([]);
  });

  it('groups text with many values one group per value, and tells 1 from "1" and true from "true"', () => {
    const rng = deriveRng(3, 'text');
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    // The objective is the word's own number: a per-word effect, seen only with a group per word.
    const trials = Array.from({ length: 400 }, (_, i) => {
      const w = i % 40;
      return { value: w + 0.01 * rng(), hyperParameters: { word: words[w] as string, noise: rng() } };
    });
    const [top] = importanceOf(ranked(trials), ['noise', 'word']);
    expect(top?.name).toBe('word');
    expect(top?.effect).toBeGreaterThan(0.99);
    const mixed = Array.from({ length: 60 }, (_, i) => ({
      value: i % 2,
      hyperParameters: { flag: i % 2 === 0 ? 1 : '1', on: i % 2 === 0 ? true : 'true' } as Record<
        string,
        HyperParameterValue
      >,
    }));
    for (const p of importanceOf(ranked(mixed), ['flag', 'on'])) expect(p.effect).toBe(1);
  });

  it('computes exactly the documented ε², as a plain reading of the method does', () => {
    // The method written out the obvious way (docs/compare.md): numbers with more distinct values
    // than bins go into equal-count bins by sorted rank, anything else one group per value; ε² of
    // the objective by those groups; shares of the effects, largest first, ties by name.
    function reference(trials: readonly RankedTrial[], names: readonly string[]) {
      const n = trials.length;
      if (n < 3) return [];
      const y = trials.map((t) => t.value);
      const mean = y.reduce((a, v) => a + v, 0) / n;
      const bins = Math.max(2, Math.min(10, Math.floor(Math.sqrt(n))));
      const effects = names.map((name) => {
        const values = trials.map((t) => t.hyperParameters[name]);
        const distinct = [...new Set(values)];
        let group: (i: number) => unknown = (i) => values[i];
        if (values.every((v) => typeof v === 'number') && distinct.length > bins) {
          const sorted = Float64Array.from(values as number[]).sort();
          const edges = Array.from({ length: bins - 1 }, (_, b) => sorted[Math.floor(((b + 1) * n) / bins)]);
          group = (i) => edges.filter((edge) => (edge as number) <= (values[i] as number)).length;
        }
        const sums = new Map<unknown, { sum: number; count: number }>();
        y.forEach((v, i) => {
          const g = sums.get(group(i)) ?? { sum: 0, count: 0 };
          sums.set(group(i), { sum: g.sum + v, count: g.count + 1 });
        });
        const total = y.reduce((a, v) => a + (v - mean) ** 2, 0);
        const k = sums.size;
        const between = [...sums.values()].reduce((a, g) => a + g.count * (g.sum / g.count - mean) ** 2, 0);
        if (total === 0 || k < 2 || n <= k) return { name, effect: 0 };
        const effect = (between - ((k - 1) * (total - between)) / (n - k)) / total;
        return { name, effect: Math.min(1, Math.max(0, effect)) };
      });
      const sum = effects.reduce((a, e) => a + e.effect, 0);
      return effects
        .map((e) => ({ name: e.name, importance: sum > 0 ? e.effect / sum : 0, effect: e.effect }))
        .sort((a, b) => b.importance - a.importance || (a.name < b.name ? -1 : 1));
    }
    const trial = (
      i: number,
      pool: readonly number[],
      flat: boolean,
      rng: () => number,
      at: { text: number; split: number },
    ): RankedTrial => ({
      value: flat ? 1 : (pool[i % pool.length] as number) + (i % 7) + rng(),
      hyperParameters: {
        // Numbers, past the count once n is large, until one text value comes: one group per value after all.
        late: i === at.text ? 'none' : i + rng(),
        // A parameter some trials lack: the first ones, or the last ones.
        ...(i < at.split ? { before: i * 3 } : { after: i % 4 }),
        // Few values, more than the bins, and many: every grouping the method has.
        few: pool[i % 3] as number,
        many: pool[(i * 7) % pool.length] as number,
        unique: rng(),
        word: `w${i % 5}`,
        // Text among numbers, each value its own: more than 256 distinct once n is large.
        mixed: i % 50 === 0 ? 'none' : i + rng(),
      },
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 3, maxLength: 60 }),
        fc.boolean(),
        fc.integer(),
        fc.record({ text: fc.nat(400), split: fc.nat(400) }),
        (n, pool, flat, seed, at) => {
          const rng = deriveRng(seed, 'reference');
          const trials = Array.from({ length: n }, (_, i) => trial(i, pool, flat && n % 2 === 0, rng, at));
          const names = ['mixed', 'word', 'unique', 'many', 'few', 'late', 'before', 'after'];
          const ours = importanceOf(ranked(trials), names);
          const theirs = reference(trials, names);
          expect(ours.map((p) => p.name)).toEqual(theirs.map((p) => p.name));
          ours.forEach((p, i) => {
            expect(p.effect).toBeCloseTo(theirs[i]?.effect as number, 9);
            expect(p.importance).toBeCloseTo(theirs[i]?.importance as number, 9);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scores 0 when the objective does not vary', () => {
    const flat = onlyXMatters(50, 4).map((t) => ({ ...t, value: 1 }));
    expect(importanceOf(ranked(flat), ['x', 'y']).every((p) => p.effect === 0 && p.importance === 0)).toBe(
      true,
    );
  });

  it('finds the same bin edges by counting a few distinct values as by sorting them all', () => {
    // Pools with repeats, ties at the edges, -0 beside 0, NaN and infinities.
    const pool = fc.array(fc.double(), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(
        pool,
        fc.integer({ min: 4, max: 2_000 }),
        fc.integer({ min: 2, max: 10 }),
        (values, n, bins) => {
          const column = Float64Array.from(
            { length: n },
            (_, i) => values[(i * 7919) % values.length] as number,
          );
          // ±0 are one value to a Map and bin alike: compared as numbers, not by sign.
          const signless = (edges: Float64Array) => Array.from(edges, (e) => e + 0);
          expect(signless(countedEdges(column, bins))).toEqual(signless(binEdges(column, bins)));
        },
      ),
    );
  });

  it('puts NaN after every number when counting, as sorting does, whatever order the values came in', () => {
    for (const order of [
      [Number.NaN, 6, 5, 4, 3, 2, 1],
      [3, Number.NaN, 1, 6, 2, 5, 4],
      [1, 2, 3, 4, 5, 6, Number.NaN],
    ]) {
      // NaN is half of the column: where it sorts decides every upper edge.
      const column = Float64Array.from([...order, ...order.map(() => Number.NaN), Number.NaN]);
      for (const bins of [2, 3, 4, 5]) {
        expect(Array.from(countedEdges(column, bins)), `${order} ${bins}`).toEqual(
          Array.from(binEdges(column, bins)),
        );
      }
    }
  });

  it('names its method in full: RunImportance.method, in every export', () => {
    expect(IMPORTANCE_METHOD).toMatch(
      /^epsilon-squared main effects \(one-way ANOVA, numbers in up to 10 equal-count bins\)$/,
    );
  });

  it('bins a quantized parameter with more values than bins, and finds it is the one that matters', () => {
    const rng = deriveRng(5, 'quantized');
    const trials = Array.from({ length: 600 }, (_, i) => {
      const step = i % 50;
      return { value: step / 50 + 0.02 * rng(), hyperParameters: { eta: 0.01 * (step + 1), depth: i % 7 } };
    });
    const [top, other] = importanceOf(ranked(trials), ['depth', 'eta']);
    expect(top?.name).toBe('eta');
    expect(top?.effect).toBeGreaterThan(0.95);
    expect(other?.effect).toBeLessThan(0.02);
  });
});
