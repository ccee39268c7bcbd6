import { describe, expect, it } from 'vitest';
import {
  choice,
  contains,
  float,
  int,
  lognormal,
  normal,
  sample,
  space,
} from '../../src/search-space/index.js';
import { deriveRng } from '../../src/testing/engine/rng.js';

const draws = (spec: Parameters<typeof sample>[0], n = 2000) => {
  const rng = deriveRng(7, 'sample-contains');
  return Array.from({ length: n }, () => sample(spec, rng));
};

describe('sample', () => {
  it('is deterministic for a seeded rng', () => {
    const spec = space({ a: float(0, 1), b: choice(['x', 'y']) });
    expect(sample(spec, deriveRng(1, 's'))).toEqual(sample(spec, deriveRng(1, 's')));
  });

  it('gives every value of an int range, the bounds included', () => {
    const seen = new Set(draws(space({ n: int(1, 4) }), 400).map((p) => p.n));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it('keeps a stepped float on its grid and reaches both ends', () => {
    const values = draws(space({ d: float(0, 0.5, { step: 0.05 }) })).map((p) => p.d as number);
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(0.5);
    expect(new Set(values.map((v) => Math.round(v / 0.05))).size).toBe(11);
  });

  it('draws a log scale evenly per decade', () => {
    const values = draws(space({ lr: float(1e-4, 1, { log: true }) })).map((p) => p.lr as number);
    const lowDecade = values.filter((v) => v < 1e-3).length / values.length;
    expect(lowDecade).toBeGreaterThan(0.2);
    expect(lowDecade).toBeLessThan(0.3);
  });

  it('draws a reverse-log scale densely near 1', () => {
    const values = draws(space({ b: float(0, 0.999, { reverseLog: true }) })).map((p) => p.b as number);
    expect(values.filter((v) => v > 0.9).length / values.length).toBeGreaterThan(0.6);
  });

  it('centres a normal on mu with spread sigma', () => {
    const values = draws(space({ w: normal(5, 2) })).map((p) => p.w as number);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(4.8);
    expect(mean).toBeLessThan(5.2);
  });

  it('gives a conditional choice as { _name, …branch values }', () => {
    const spec = space({ opt: choice({ sgd: space({ m: float(0, 0.9) }), adam: space({}) }) });
    const names = new Set(draws(spec, 200).map((p) => (p.opt as { _name: string })._name));
    expect([...names].sort()).toEqual(['adam', 'sgd']);
    for (const p of draws(spec, 50)) expect(contains(spec, p)).toBe(true);
  });
});

describe('contains', () => {
  const spec = space({
    n: int(0, 10, { step: 2 }),
    d: float(0, 1, { step: 0.1 }),
    q: normal(0, 1, { step: 0.5 }),
    s: lognormal(0, 1),
    c: choice([1, 'a', true]),
    o: choice({ sgd: space({ m: float(0, 0.9) }), adam: space({}) }),
  });
  const inside = { n: 4, d: 0.30000000000000004, q: -1.5, s: 0.2, c: true, o: { _name: 'adam' } };

  it('accepts a point in the support, with float noise on a grid', () => {
    expect(contains(spec, inside)).toBe(true);
  });

  it.each([
    ['an integer off the step', { n: 3 }],
    ['a value past a bound', { d: 1.1 }],
    ['a float off the grid', { d: 0.35 }],
    ['a normal off its 0-anchored step', { q: 0.25 }],
    ['a non-positive lognormal', { s: 0 }],
    ['a choice value of the wrong type', { c: 'true' }],
    ['an unknown branch', { o: { _name: 'rmsprop' } }],
    ['a branch with a parameter of another branch', { o: { _name: 'adam', m: 0.5 } }],
    ['a number where a branch is expected', { o: 1 }],
  ])('rejects %s', (_, change) => {
    expect(contains(spec, { ...inside, ...change })).toBe(false);
  });

  it('rejects a missing or an extra parameter', () => {
    const { n: _, ...missing } = inside;
    expect(contains(spec, missing)).toBe(false);
    expect(contains(spec, { ...inside, extra: 1 })).toBe(false);
  });
});
