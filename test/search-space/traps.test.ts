/** The known traps between the dialects (issue 3), one test each. */
import { describe, expect, it } from 'vitest';
import {
  choice,
  compile,
  contains,
  float,
  int,
  normal,
  parse,
  SearchSpaceError,
  space,
} from '../../src/search-space/index.js';

const kinds = (losses: readonly { kind: string }[]) => losses.map((l) => l.kind);

describe('NNI randint has an exclusive upper bound', () => {
  it('compiles the inclusive int(1, 8) to randint [1, 9] and reads [1, 9] back as 1…8', () => {
    const { value, losses } = compile(space({ layers: int(1, 8) }), 'pai');
    expect(value).toEqual({ '${layers}': { _type: 'randint', _value: [1, 9] } });
    expect(losses).toEqual([]);
    const back = parse({ '${layers}': { _type: 'randint', _value: [1, 9] } }, 'pai').space;
    expect(back).toEqual({ layers: int(1, 8) });
    expect(contains(back, { layers: 9 })).toBe(false);
    expect(contains(back, { layers: 8 })).toBe(true);
  });

  it('reads a one-value randint as a constant choice', () => {
    expect(parse({ x: { _type: 'randint', _value: [4, 5] } }, 'pai').space).toEqual({ x: choice([4]) });
  });
});

describe('NNI quniform rounds from 0 and clips', () => {
  it('is exact when low is a multiple of the step', () => {
    const { value, losses } = compile(space({ d: float(0, 0.5, { step: 0.05 }) }), 'pai');
    expect(value).toEqual({ '${d}': { _type: 'quniform', _value: [0, 0.5, 0.05] } });
    expect(losses).toEqual([]);
  });

  it('reports the changed value set when low is not a multiple of the step', () => {
    const { value, losses } = compile(space({ x: float(2, 12, { step: 5 }) }), 'pai');
    expect(value).toEqual({ '${x}': { _type: 'quniform', _value: [2, 12, 5] } });
    expect(losses).toHaveLength(1);
    expect(losses[0]).toMatchObject({ param: 'x', kind: 'step-anchor' });
    expect(losses[0]?.lost).toContain('[2, 7, 12]');
    // round(12 / 5) = 2, so NNI never reaches 12 itself.
    expect(losses[0]?.usedInstead).toContain('clips: [2, 5, 10]');
  });

  it('reads NNI’s documented [2, 10, 5] (values 2, 5, 10) as a plain range, with a loss', () => {
    const { space: back, losses } = parse({ x: { _type: 'quniform', _value: [2, 10, 5] } }, 'pai');
    expect(back).toEqual({ x: float(2, 10) });
    expect(losses).toEqual([
      expect.objectContaining({ kind: 'dropped-step', lost: "NNI's values [2, 5, 10]" }),
    ]);
  });

  it('reads NNI’s documented [0, 10, 2.5] as the grid 0, 2.5, …, 10', () => {
    const { space: back, losses } = parse({ x: { _type: 'quniform', _value: [0, 10, 2.5] } }, 'pai');
    expect(back).toEqual({ x: float(0, 10, { step: 2.5 }) });
    expect(losses).toEqual([]);
  });

  it('reports that stepped integers come back as floats', () => {
    const { value, losses } = compile(space({ n: int(0, 100, { step: 10 }) }), 'pai');
    expect(value).toEqual({ '${n}': { _type: 'quniform', _value: [0, 100, 10] } });
    expect(kinds(losses)).toEqual(['integer-as-float']);
  });
});

describe('NNI loguniform bounds are values, not exponents', () => {
  it('writes the bounds themselves', () => {
    const { value } = compile(space({ lr: float(1e-5, 0.1, { log: true }) }), 'pai');
    expect(value).toEqual({ '${lr}': { _type: 'loguniform', _value: [1e-5, 0.1] } });
  });

  it('reads them as values: loguniform [0.001, 1] samples only inside [0.001, 1]', () => {
    const back = parse({ lr: { _type: 'loguniform', _value: [0.001, 1] } }, 'pai').space;
    expect(back).toEqual({ lr: float(0.001, 1, { log: true }) });
    expect(contains(back, { lr: Math.exp(0.5) })).toBe(false);
  });
});

describe('SageMaker ReverseLogarithmic needs bounds in [0, 1)', () => {
  it('is rejected by the builder outside [0, 1)', () => {
    expect(() => float(0.5, 1, { reverseLog: true })).toThrow(SearchSpaceError);
    expect(() => float(-0.1, 0.5, { reverseLog: true })).toThrow(/0 <= low < high < 1/);
  });

  it('compiles inside [0, 1) and reads back', () => {
    const spec = space({ beta: float(0.9, 0.999, { reverseLog: true }) });
    const { value, losses } = compile(spec, 'sagemaker');
    expect(value).toEqual({
      ContinuousParameterRanges: [
        { Name: 'beta', MinValue: '0.9', MaxValue: '0.999', ScalingType: 'ReverseLogarithmic' },
      ],
    });
    expect(losses).toEqual([]);
    expect(parse(value, 'sagemaker').space).toEqual(spec);
  });

  it('refuses a ReverseLogarithmic range reaching 1 when parsing', () => {
    const ranges = {
      ContinuousParameterRanges: [
        { Name: 'b', MinValue: '0.5', MaxValue: '1', ScalingType: 'ReverseLogarithmic' },
      ],
    };
    expect(() => parse(ranges, 'sagemaker')).toThrow(/reverse-log/);
  });
});

describe('SageMaker has no step, no normal and no conditional', () => {
  it('drops a step', () => {
    const { value, losses } = compile(space({ n: int(0, 100, { step: 10 }) }), 'sagemaker');
    expect(value).toEqual({
      IntegerParameterRanges: [{ Name: 'n', MinValue: '0', MaxValue: '100', ScalingType: 'Linear' }],
    });
    expect(losses).toEqual([
      { param: 'n', kind: 'dropped-step', lost: 'step 10', usedInstead: 'every integer in [0, 100]' },
    ]);
  });

  it('approximates a normal by mean ± 3 sigma', () => {
    const { value, losses } = compile(space({ w: normal(1, 2) }), 'sagemaker');
    expect(value).toEqual({
      ContinuousParameterRanges: [{ Name: 'w', MinValue: '-5', MaxValue: '7', ScalingType: 'Linear' }],
    });
    expect(kinds(losses)).toEqual(['approximated-distribution']);
  });

  it('flattens a conditional choice', () => {
    const spec = space({ opt: choice({ sgd: space({ momentum: float(0, 0.9) }), adam: space({}) }) });
    const { value, losses } = compile(spec, 'sagemaker');
    expect(value).toEqual({
      ContinuousParameterRanges: [
        { Name: 'momentum', MinValue: '0', MaxValue: '0.9', ScalingType: 'Linear' },
      ],
      CategoricalParameterRanges: [{ Name: 'opt', Values: ['sgd', 'adam'] }],
    });
    expect(losses).toEqual([expect.objectContaining({ param: 'opt', kind: 'flattened-conditional' })]);
    expect(losses[0]?.lost).toContain('momentum');
  });
});

describe('SageMaker sends and returns numbers as strings', () => {
  const spec = space({
    depth: int(3, 10),
    eta: float(0.01, 0.5, { log: true }),
    batch: choice([16, 32, 64]),
  });

  it('writes every number as a string', () => {
    const { value } = compile(spec, 'sagemaker');
    expect(value.IntegerParameterRanges?.[0]).toMatchObject({ MinValue: '3', MaxValue: '10' });
    expect(value.ContinuousParameterRanges?.[0]).toMatchObject({ MinValue: '0.01', MaxValue: '0.5' });
    expect(value.CategoricalParameterRanges?.[0]?.Values).toEqual(['16', '32', '64']);
  });

  it('reads strings back as numbers, integers for Integer ranges', () => {
    const back = parse(compile(spec, 'sagemaker').value, 'sagemaker').space;
    expect(back).toEqual(spec);
    expect(Number.isInteger((back.depth as { low: number }).low)).toBe(true);
  });

  it('also accepts numbers where strings are expected', () => {
    const ranges = {
      IntegerParameterRanges: [{ Name: 'depth', MinValue: 3, MaxValue: 10, ScalingType: 'Linear' }],
    };
    expect(parse(ranges, 'sagemaker').space).toEqual({ depth: int(3, 10) });
  });

  it('refuses a fractional bound on an Integer range', () => {
    const ranges = {
      IntegerParameterRanges: [{ Name: 'd', MinValue: '1.5', MaxValue: '4', ScalingType: 'Linear' }],
    };
    expect(() => parse(ranges, 'sagemaker')).toThrow(/integer bounds/);
  });
});

describe('ModelArts discrete ranges use a point count', () => {
  it('writes a stepped range as a continuous range with its number of points, bounds included', () => {
    const { value, losses } = compile(space({ d: float(0, 0.5, { step: 0.05 }) }), 'modelarts');
    expect(value).toEqual([
      {
        name: 'd',
        param_type: 'continuous',
        lower_bound: '0',
        upper_bound: '0.5',
        discrete_points_num: '11',
      },
    ]);
    expect(losses).toEqual([]);
  });

  it('reads a point count back as the step between the points', () => {
    const params = [
      {
        name: 'd',
        param_type: 'continuous',
        lower_bound: '0.1',
        upper_bound: '0.7',
        discrete_points_num: '4',
      },
    ];
    expect(parse(params, 'modelarts').space).toEqual({ d: float(0.1, 0.7, { step: 0.2 }) });
  });

  it('reports a step that no point count reproduces exactly', () => {
    const { losses } = compile(space({ d: float(0, 1, { step: 1 / 3 }) }), 'modelarts');
    expect(losses).toEqual([
      expect.objectContaining({
        kind: 'step-rounded',
        usedInstead: '4 evenly spaced points, 0.333333333333333 apart',
      }),
    ]);
  });

  it('writes a choice as discrete values', () => {
    const { value } = compile(space({ b: choice([16, 32]) }), 'modelarts');
    expect(value).toEqual([{ name: 'b', param_type: 'discrete', discrete_values: ['16', '32'] }]);
  });
});
