import { describe, expect, it } from 'vitest';
import {
  choice,
  compile,
  float,
  int,
  normal,
  parse,
  SearchSpaceError,
  space,
} from '../../src/search-space/index.js';

const lossy = space({ n: int(0, 100, { step: 10 }), w: normal(0, 1), opt: choice(['a', 'b']) });

describe('strict mode', () => {
  it('throws a SearchSpaceError that lists every loss', () => {
    const { losses } = compile(lossy, 'sagemaker');
    expect(losses.length).toBe(2);
    let error: unknown;
    try {
      compile(lossy, 'sagemaker', { strict: true });
    } catch (err) {
      error = err;
    }
    expect(SearchSpaceError.is(error)).toBe(true);
    const e = error as SearchSpaceError;
    expect(e.losses).toEqual(losses);
    expect(e.message).toBe(
      [
        'The search space cannot be expressed exactly for sagemaker',
        '  - n [dropped-step]: step 10; instead: every integer in [0, 100]',
        '  - w [approximated-distribution]: the normal distribution (mu 0, sigma 1); instead: a uniform range [-3, 3] on a linear scale (mean ± 3 sigma)',
      ].join('\n'),
    );
    expect(e.toJSON()).toMatchObject({ name: 'SearchSpaceError', losses, issues: [] });
  });

  it('returns normally when nothing is lost', () => {
    const exact = space({ lr: float(1e-4, 1, { log: true }), opt: choice(['a', 'b']) });
    expect(compile(exact, 'sagemaker', { strict: true }).losses).toEqual([]);
  });

  it('applies to parse as well', () => {
    const ranges = {
      ContinuousParameterRanges: [{ Name: 'x', MinValue: '0', MaxValue: '1', ScalingType: 'Auto' }],
    };
    expect(() => parse(ranges, 'sagemaker', { strict: true })).toThrow(/x \[scale-changed\]/);
  });

  it('rejects an invalid space given as a plain object, and an unknown target', () => {
    expect(() => compile({ x: { kind: 'float', low: 1, high: 0, scale: 'linear' } }, 'pai')).toThrow(
      SearchSpaceError,
    );
    expect(() => compile(lossy, 'azure' as 'pai')).toThrow(/no dialect "azure"/);
    expect(() => parse({}, 'azure' as 'pai')).toThrow(/no dialect "azure"/);
  });
});
