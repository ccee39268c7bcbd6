import { describe, expect, it } from 'vitest';
import { CrosstuneError } from '../../src/core/errors.js';
import {
  choice,
  float,
  int,
  lognormal,
  normal,
  SearchSpaceError,
  space,
} from '../../src/search-space/index.js';

describe('builders', () => {
  it('build the canonical form: int step 1, linear scale, no undefined options, no -0', () => {
    expect(int(1, 8)).toEqual({ kind: 'int', low: 1, high: 8, step: 1, scale: 'linear' });
    expect(Object.keys(float(0, 1))).toEqual(['kind', 'low', 'high', 'scale']);
    expect(Object.is(float(-0, 1).low, 0)).toBe(true);
    expect(float(1e-5, 0.1, { log: true }).scale).toBe('log');
    expect(normal(0, 1, { step: 0.5 })).toEqual({ kind: 'normal', mu: 0, sigma: 1, step: 0.5 });
  });

  it('turn choice over a record of spaces into a conditional parameter', () => {
    const opt = choice({ sgd: space({ lr: float(0.01, 1) }), adam: space({}) });
    expect(opt).toEqual({ kind: 'conditional', branches: { sgd: { lr: float(0.01, 1) }, adam: {} } });
  });

  it.each([
    ['an empty range', () => int(3, 3), 'low must be < high'],
    ['reversed bounds', () => float(1, 0), 'low must be < high'],
    ['a step that does not divide the range', () => int(0, 10, { step: 3 }), 'multiple of step'],
    [
      'a float step that does not divide the range',
      () => float(0, 1, { step: 0.3 }),
      'whole number of steps',
    ],
    ['a log scale reaching 0', () => float(0, 1, { log: true }), 'low > 0'],
    ['a log integer from 0', () => int(0, 10, { log: true }), 'low >= 1'],
    [
      'log and reverse-log together',
      () => float(0.1, 0.5, { log: true, reverseLog: true }),
      'exclude each other',
    ],
    ['a non-integer int bound', () => int(0.5, 3), 'low'],
    ['repeated choice values', () => choice([1, 1]), 'distinct'],
    ['an empty choice', () => choice([]), 'values'],
    ['a non-positive sigma', () => normal(0, 0), 'sigma'],
    ['a lognormal that overflows', () => lognormal(700, 1), 'finite'],
    ['a parameter named _name', () => space({ _name: int(1, 2) }), '_name'],
    ['a parameter name with braces', () => space({ '${x}': int(1, 2) }), 'name'],
  ])('reject %s', (_, build, message) => {
    expect(build).toThrow(SearchSpaceError);
    expect(build).toThrow(message);
  });

  it('throw a SearchSpaceError that is a CrosstuneError, with its issues', () => {
    try {
      space({ a: { kind: 'int', low: 5, high: 1, step: 1, scale: 'linear' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CrosstuneError);
      expect(SearchSpaceError.is(err)).toBe(true);
      expect((err as SearchSpaceError).issues).toEqual(['a: low must be < high (use choice for a constant)']);
      expect((err as SearchSpaceError).name).toBe('SearchSpaceError');
    }
  });
});
