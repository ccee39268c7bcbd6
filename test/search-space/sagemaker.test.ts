import { describe, expect, it } from 'vitest';
import type { Param } from '../../src/search-space/index.js';
import { choice, compile, float, int, parse, SAGEMAKER_LIMITS, space } from '../../src/search-space/index.js';

const kinds = (losses: readonly { kind: string }[]) => losses.map((l) => l.kind);

describe('SageMaker limits (ParameterRanges, ParameterValues, ParameterValue, ParameterKey)', () => {
  it('keeps the first 30 ranges and drops the rest, one loss each', () => {
    const params: Record<string, Param> = {};
    for (let i = 0; i < 32; i++) params[`p${i}`] = float(0, 1);
    const { value, losses } = compile(space(params), 'sagemaker');
    expect(value.ContinuousParameterRanges).toHaveLength(SAGEMAKER_LIMITS.ranges);
    expect(losses.map((l) => [l.param, l.kind])).toEqual([
      ['p30', 'dropped-parameter'],
      ['p31', 'dropped-parameter'],
    ]);
  });

  it('truncates a categorical range to 30 values', () => {
    const values = Array.from({ length: 33 }, (_, i) => `v${i}`);
    const { value, losses } = compile(space({ c: choice(values) }), 'sagemaker');
    expect(value.CategoricalParameterRanges?.[0]?.Values).toEqual(values.slice(0, 30));
    expect(losses).toEqual([
      {
        param: 'c',
        kind: 'truncated-values',
        lost: '3 values after the first 30, from "v30"',
        usedInstead: 'the first 30 values',
      },
    ]);
  });

  it('drops values longer than 256 characters', () => {
    const long = 'x'.repeat(257);
    const { value, losses } = compile(space({ c: choice(['a', 'b', long]) }), 'sagemaker');
    expect(value.CategoricalParameterRanges?.[0]?.Values).toEqual(['a', 'b']);
    expect(kinds(losses)).toEqual(['dropped-value']);
  });

  it('drops a parameter whose name is longer than 256 characters', () => {
    const { value, losses } = compile(
      space({ ['n'.repeat(257)]: float(0, 1), ok: float(0, 1) }),
      'sagemaker',
    );
    expect(value.ContinuousParameterRanges?.map((r) => r.Name)).toEqual(['ok']);
    expect(kinds(losses)).toEqual(['dropped-parameter']);
  });

  it('drops a one-value choice, which SageMaker rejects', () => {
    const { value, losses } = compile(space({ c: choice(['only']), x: float(0, 1) }), 'sagemaker');
    expect(value.CategoricalParameterRanges).toBeUndefined();
    expect(losses).toEqual([expect.objectContaining({ param: 'c', kind: 'dropped-parameter' })]);
  });
});

describe('SageMaker limits, at each limit and one past it', () => {
  const floats = (n: number) => {
    const params: Record<string, Param> = {};
    for (let i = 0; i < n; i++) params[`p${i}`] = float(0, 1);
    return params;
  };

  it('keeps exactly 30 ranges of every kind together, and says what dropping the 31st lost', () => {
    const thirty = { ...floats(28), i: int(1, 5), c: choice(['a', 'b']) };
    const kept = compile(space(thirty), 'sagemaker');
    expect(kept.losses).toEqual([]);
    expect(
      (kept.value.ContinuousParameterRanges?.length ?? 0) +
        (kept.value.IntegerParameterRanges?.length ?? 0) +
        (kept.value.CategoricalParameterRanges?.length ?? 0),
    ).toBe(30);
    const over = compile(space({ ...thirty, z: int(0, 3) }), 'sagemaker');
    expect(over.losses).toEqual([
      {
        param: 'z',
        kind: 'dropped-parameter',
        lost: 'the parameter',
        usedInstead: 'nothing: SageMaker takes at most 30 ranges',
      },
    ]);
    expect(over.value.IntegerParameterRanges?.map((r) => r.Name)).toEqual(['i']);
  });

  it('keeps exactly 30 categorical values, and cuts the 31st', () => {
    const values = Array.from({ length: 31 }, (_, i) => `v${i}`);
    const kept = compile(space({ c: choice(values.slice(0, 30)) }), 'sagemaker');
    expect([kept.losses, kept.value.CategoricalParameterRanges?.[0]?.Values]).toEqual([
      [],
      values.slice(0, 30),
    ]);
    const cut = compile(space({ c: choice(values) }), 'sagemaker');
    expect(cut.losses).toEqual([
      {
        param: 'c',
        kind: 'truncated-values',
        lost: '1 values after the first 30, from "v30"',
        usedInstead: 'the first 30 values',
      },
    ]);
  });

  it('keeps a value of exactly 256 characters, and drops one of 257 saying how many went', () => {
    const at = 'v'.repeat(256);
    const kept = compile(space({ c: choice(['a', at]) }), 'sagemaker');
    expect([kept.losses, kept.value.CategoricalParameterRanges?.[0]?.Values]).toEqual([[], ['a', at]]);
    const dropped = compile(space({ c: choice(['a', 'b', `${at}v`, `${at}w`]) }), 'sagemaker');
    expect(dropped.losses).toEqual([
      {
        param: 'c',
        kind: 'dropped-value',
        lost: '2 value(s) longer than 256 characters',
        usedInstead: 'the other 2 values',
      },
    ]);
  });

  it('keeps a name of exactly 256 characters, and drops one of 257 saying why', () => {
    const at = 'n'.repeat(256);
    expect(compile(space({ [at]: float(0, 1) }), 'sagemaker')).toEqual({
      value: {
        ContinuousParameterRanges: [{ Name: at, MinValue: '0', MaxValue: '1', ScalingType: 'Linear' }],
      },
      losses: [],
    });
    expect(compile(space({ [`${at}n`]: float(0, 1) }), 'sagemaker').losses).toEqual([
      {
        param: `${at}n`,
        kind: 'dropped-parameter',
        lost: 'the parameter',
        usedInstead: 'nothing: names are at most 256 characters',
      },
    ]);
  });

  it('keeps a choice of two values, and drops a choice left with one, saying why', () => {
    expect(compile(space({ c: choice(['a', 'b']) }), 'sagemaker').losses).toEqual([]);
    const single = compile(space({ c: choice(['a', 'x'.repeat(300)]) }), 'sagemaker');
    expect(single.value).toEqual({});
    expect(single.losses.map((l) => [l.kind, l.lost, l.usedInstead])).toEqual([
      ['dropped-value', '1 value(s) longer than 256 characters', 'the other 1 values'],
      [
        'dropped-parameter',
        `the single-valued choice ${JSON.stringify(['a', 'x'.repeat(300)]).replaceAll(',', ', ')}`,
        'nothing: SageMaker rejects a categorical range with one value (send it as a static hyperparameter)',
      ],
    ]);
  });
});

describe('SageMaker categorical values are text', () => {
  it('writes booleans as true/false and reads them back as booleans', () => {
    const spec = space({ flag: choice([true, false]) });
    const { value, losses } = compile(spec, 'sagemaker');
    expect(value).toEqual({ CategoricalParameterRanges: [{ Name: 'flag', Values: ['true', 'false'] }] });
    expect(losses).toEqual([]);
    expect(parse(value, 'sagemaker').space).toEqual(spec);
  });

  it('reports values whose type cannot be read back', () => {
    const numeric = compile(space({ c: choice(['16', '32']) }), 'sagemaker');
    expect(numeric.losses).toEqual([
      {
        param: 'c',
        kind: 'value-type',
        lost: 'the value types of ["16", "32"]',
        usedInstead: 'text ["16", "32"], read back as [16, 32]',
      },
    ]);
    const mixed = compile(space({ c: choice([1, 'a', true]) }), 'sagemaker');
    expect(kinds(mixed.losses)).toEqual(['value-type']);
    const merged = compile(space({ c: choice([1, '1', 2]) }), 'sagemaker');
    expect(merged.value.CategoricalParameterRanges?.[0]?.Values).toEqual(['1', '2']);
    expect(kinds(merged.losses)).toEqual(['value-type']);
  });
});

describe('reading SageMaker ranges', () => {
  it('reports Auto (or absent) scaling, which SageMaker resolves itself', () => {
    const { space: back, losses } = parse(
      {
        IntegerParameterRanges: [{ Name: 'a', MinValue: '1', MaxValue: '5', ScalingType: 'Auto' }],
        ContinuousParameterRanges: [{ Name: 'b', MinValue: '0', MaxValue: '1' }],
      },
      'sagemaker',
    );
    expect(back).toEqual({ a: int(1, 5), b: float(0, 1) });
    expect(losses.map((l) => [l.param, l.kind])).toEqual([
      ['a', 'scale-changed'],
      ['b', 'scale-changed'],
    ]);
  });

  it('reads Logarithmic integers', () => {
    const ranges = {
      IntegerParameterRanges: [{ Name: 'h', MinValue: '1', MaxValue: '64', ScalingType: 'Logarithmic' }],
    };
    expect(parse(ranges, 'sagemaker')).toEqual({ space: { h: int(1, 64, { log: true }) }, losses: [] });
  });

  it('reports AutoParameters, whose range SageMaker picks, and leaves them out', () => {
    const { space: back, losses } = parse(
      { AutoParameters: [{ Name: 'lr', ValueHint: '0.01' }] },
      'sagemaker',
    );
    expect(back).toEqual({});
    expect(losses).toEqual([expect.objectContaining({ param: 'lr', kind: 'dropped-parameter' })]);
  });

  it('merges repeated categorical values, reporting it', () => {
    const { space: back, losses } = parse(
      { CategoricalParameterRanges: [{ Name: 'c', Values: ['a', 'a', 'b'] }] },
      'sagemaker',
    );
    expect(back).toEqual({ c: choice(['a', 'b']) });
    expect(kinds(losses)).toEqual(['duplicate-values']);
  });

  it('reads a singleton range as a constant choice', () => {
    const ranges = {
      ContinuousParameterRanges: [{ Name: 'x', MinValue: '0.5', MaxValue: '0.5', ScalingType: 'Linear' }],
    };
    expect(parse(ranges, 'sagemaker').space).toEqual({ x: choice([0.5]) });
  });

  it('refuses two ranges for one name and non-numeric bounds', () => {
    const twice = {
      IntegerParameterRanges: [{ Name: 'x', MinValue: '1', MaxValue: '2', ScalingType: 'Linear' }],
      CategoricalParameterRanges: [{ Name: 'x', Values: ['a'] }],
    };
    expect(() => parse(twice, 'sagemaker')).toThrow(/two ranges/);
    const text = { ContinuousParameterRanges: [{ Name: 'x', MinValue: 'low', MaxValue: '1' }] };
    expect(() => parse(text, 'sagemaker')).toThrow(/ContinuousParameterRanges\.0\.MinValue/);
  });
});
