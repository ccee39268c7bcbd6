// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * The search space at its edges: what text reads as a number, what is and is not a point,
 * exact draws from chosen random numbers, grids whose last point floating point misses, the
 * previews loss texts give, and bounds that meet.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChoiceParam,
  choice,
  compile,
  contains,
  float,
  int,
  lognormal,
  normal,
  parse,
  type Rng,
  SearchSpaceError,
  sample,
  space,
} from '../../src/search-space/index.js';
import { thrown } from '../helpers/thrown.js';

/** An rng handing out `values` in turn. */
const draws = (...values: number[]): Rng => {
  let i = 0;
  return () => values[i++ % values.length] as number;
};
/** The first draw of a Box–Muller pair that, with a second draw of 0.5, gives the normal deviate `-z`. */
const towards = (z: number) => 1 - Math.exp((-z * z) / 2);

describe('categorical text read back', () => {
  const values = (texts: string[]) =>
    (
      parse({ CategoricalParameterRanges: [{ Name: 'c', Values: texts }] }, 'sagemaker').space
        .c as ChoiceParam
    ).values;

  it('reads a list of decimals in every spelling as numbers', () => {
    expect(values(['12', '.25', '3.', '+.5', '-7', '1e+10', '2E-3', '10e10', '1e5'])).toEqual([
      12, 0.25, 3, 0.5, -7, 1e10, 0.002, 10e10, 1e5,
    ]);
  });

  it('keeps the list as text when one entry is not a decimal', () => {
    for (const odd of ['1e', '1e+', '.', 'e5', '1.2.3', '0x10', ' 1', '1 ', '1f', '.e1']) {
      expect(values(['1', odd])).toEqual(['1', odd]);
    }
    expect(values(['true', 'false'])).toEqual([true, false]);
    expect(values(['true', 'False'])).toEqual(['true', 'False']);
  });
});

describe('contains', () => {
  const spec = space({ opt: choice({ sgd: space({ lr: float(0, 1) }), adam: space({}), '1': space({}) }) });

  it('takes a conditional value only as an object naming one of its own branches', () => {
    expect(contains(spec, { opt: { _name: 'adam' } })).toBe(true);
    expect(contains(spec, { opt: { _name: 'sgd', lr: 0.5 } })).toBe(true);
    for (const bad of [null, 'adam', ['adam'], { _name: 1 }, { _name: 'toString' }, { _name: 'missing' }]) {
      expect(contains(spec, { opt: bad })).toBe(false);
    }
    const fn = Object.assign(() => undefined, { _name: 'adam' });
    expect(contains(spec, { opt: fn })).toBe(false);
  });

  it('keeps a number to its range, bounds included, and finite', () => {
    const range = space({ x: float(0.5, 1.5), i: int(-2, 2) });
    expect(contains(range, { x: 0.5, i: -2 })).toBe(true);
    expect(contains(range, { x: 1.5, i: 2 })).toBe(true);
    for (const [x, i] of [
      [0.49, 0],
      [1.51, 0],
      [1, -3],
      [1, 3],
      [Number.NaN, 0],
      [1, Number.NaN],
      [Number.POSITIVE_INFINITY, 0],
      ['1', 0],
    ]) {
      expect(contains(range, { x, i })).toBe(false);
    }
  });

  it('holds an int to whole steps from low, not to a float tolerance', () => {
    const stepped = space({ i: int(1, 11, { step: 2 }) });
    expect(contains(stepped, { i: 5 })).toBe(true);
    expect(contains(stepped, { i: 4 })).toBe(false);
    expect(contains(stepped, { i: 5 + 1e-12 })).toBe(false);
  });

  it('holds floats and normals to their grid, however large the step', () => {
    expect(contains(space({ x: float(0, 3e9, { step: 1e9 }) }), { x: 2e9 })).toBe(true);
    expect(contains(space({ x: float(0, 3e9, { step: 1e9 }) }), { x: 1.5e9 })).toBe(false);
    expect(contains(space({ n: normal(0, 1, { step: 0.5 }) }), { n: -1.5 })).toBe(true);
    expect(contains(space({ n: normal(0, 1, { step: 0.5 }) }), { n: -1.25 })).toBe(false);
    expect(contains(space({ n: normal(0, 1) }), { n: Number.NEGATIVE_INFINITY })).toBe(false);
  });

  it('takes a lognormal value above 0, or with a step a non-negative multiple of it', () => {
    expect(contains(space({ l: lognormal(0, 1) }), { l: 1e-300 })).toBe(true);
    expect(contains(space({ l: lognormal(0, 1) }), { l: 0 })).toBe(false);
    const stepped = space({ l: lognormal(0, 1, { step: 0.5 }) });
    expect(contains(stepped, { l: 0 })).toBe(true);
    expect(contains(stepped, { l: 1.5 })).toBe(true);
    expect(contains(stepped, { l: -0.5 })).toBe(false);
    expect(contains(stepped, { l: 0.3 })).toBe(false);
  });
});

describe('sample, from chosen random numbers', () => {
  it('draws ints over whole steps, the top one included, on a linear or a log scale', () => {
    const stepped = int(0, 10, { step: 2 });
    expect(sample({ i: stepped }, draws(0)).i).toBe(0);
    expect(sample({ i: stepped }, draws(0.5)).i).toBe(6);
    expect(sample({ i: stepped }, draws(0.999_999)).i).toBe(10);
    expect(sample({ i: int(1, 1024, { log: true }) }, draws(0.5)).i).toBe(32);
  });

  it('draws floats linearly, per decade, or densely near 1', () => {
    expect(sample({ x: float(2, 6) }, draws(0.25)).x).toBe(3);
    expect(sample({ x: float(1, 100, { log: true }) }, draws(0.5)).x).toBeCloseTo(10, 12);
    expect(sample({ x: float(0.9, 0.999, { reverseLog: true }) }, draws(0.5)).x).toBeCloseTo(0.99, 12);
  });

  it('puts the top of a grid on high itself, where low + n·step falls short of it', () => {
    // 0.7 + 2 × 0.1 is 0.8999999999999999.
    expect(sample({ x: float(0.7, 0.9, { step: 0.1 }) }, draws(0.999_999)).x).toBe(0.9);
    expect(sample({ x: float(0.7, 0.9, { step: 0.1 }) }, draws(0.5)).x).toBeCloseTo(0.8, 12);
  });

  it('draws normals as mu + sigma × a deviate, on multiples of the step from 0, never -0', () => {
    expect(sample({ n: normal(2, 3) }, draws(towards(1), 0.5)).n).toBeCloseTo(-1, 12);
    expect(sample({ n: lognormal(0, 2) }, draws(towards(1), 0.5)).n).toBeCloseTo(Math.exp(-2), 12);
    expect(sample({ n: normal(0, 1, { step: 0.5 }) }, draws(towards(0.3), 0.5)).n).toBe(-0.5);
    expect(Object.is(sample({ n: normal(0, 1, { step: 1 }) }, draws(towards(0.2), 0.5)).n, 0)).toBe(true);
    expect(sample({ n: lognormal(0, 1, { step: 2 }) }, draws(towards(0.5), 0.5)).n).toBe(0);
  });
});

describe('grids in loss texts', () => {
  const anchor = (low: number, high: number, step: number) => {
    const [loss] = compile(space({ a: float(low, high, { step }) }), 'pai').losses;
    return [loss?.lost, loss?.usedInstead];
  };

  it('lists six points in full and elides from the seventh', () => {
    expect(anchor(0.05, 0.55, 0.1)).toEqual([
      'the grid from low in steps of 0.1: [0.05, 0.15, 0.25, 0.35, 0.45, 0.55]',
      'NNI quniform [0.05, 0.55, 0.1], which rounds to multiples of 0.1 and clips: [0.1, 0.2, 0.3, 0.4, 0.5, 0.55]',
    ]);
    expect(anchor(0.05, 0.65, 0.1)).toEqual([
      'the grid from low in steps of 0.1: [0.05, 0.15, 0.25, …, 0.65]',
      'NNI quniform [0.05, 0.65, 0.1], which rounds to multiples of 0.1 and clips: [0.1, 0.2, 0.3, …, 0.65]',
    ]);
  });

  it('counts NNI’s multiples from where low rounds to', () => {
    expect(anchor(3.5, 6.5, 1)).toEqual([
      'the grid from low in steps of 1: [3.5, 4.5, 5.5, 6.5]',
      'NNI quniform [3.5, 6.5, 1], which rounds to multiples of 1 and clips: [4, 5, 6, 6.5]',
    ]);
    expect(anchor(12.5, 20.5, 1)).toEqual([
      'the grid from low in steps of 1: [12.5, 13.5, 14.5, …, 20.5]',
      'NNI quniform [12.5, 20.5, 1], which rounds to multiples of 1 and clips: [13, 14, 15, …, 20.5]',
    ]);
  });
});

describe('dialect bounds that meet, and what readers infer', () => {
  it('reads a range of one value as a one-value choice in every dialect', () => {
    expect(parse({ x: { _type: 'uniform', _value: [2, 2] } }, 'pai').space).toEqual({ x: choice([2]) });
    expect(parse({ x: { _type: 'quniform', _value: [1, 1, 0.1] } }, 'pai').space).toEqual({ x: choice([1]) });
    expect(parse({ x: { _type: 'randint', _value: [4, 5] } }, 'pai').space).toEqual({ x: choice([4]) });
    expect(
      parse(
        {
          IntegerParameterRanges: [{ Name: 'i', MinValue: 2, MaxValue: 2, ScalingType: 'Linear' }],
          ContinuousParameterRanges: [{ Name: 'c', MinValue: '0.5', MaxValue: '0.5', ScalingType: 'Linear' }],
        },
        'sagemaker',
      ),
    ).toEqual({ space: { i: choice([2]), c: choice([0.5]) }, losses: [] });
    expect(parse([{ name: 'c', lower_bound: '1', upper_bound: '1' }], 'modelarts').space).toEqual({
      c: choice([1]),
    });
  });

  it('reads numbers sent as text in any decimal spelling, and nothing else', () => {
    expect(parse({ x: { _type: 'uniform', _value: ['1e-3', ' 2 '] } }, 'pai').space).toEqual({
      x: float(0.001, 2),
    });
    expect(parse({ x: { _type: 'quniform', _value: ['+.5', '10.', '5E-1'] } }, 'pai').space).toEqual({
      x: float(0.5, 10, { step: 0.5 }),
    });
    expect(parse({ x: { _type: 'uniform', _value: ['.25', '1e10'] } }, 'pai').space).toEqual({
      x: float(0.25, 1e10),
    });
    for (const odd of ['1e', '1 2', 'e5', '++1', '.', '1.2.3']) {
      expect(() => parse({ x: { _type: 'uniform', _value: [0, odd] } }, 'pai')).toThrow(
        'x: _value must hold 2 numbers',
      );
    }
  });

  it('drops a q-step that NNI anchors elsewhere, saying what its values were', () => {
    expect(parse({ x: { _type: 'quniform', _value: [0.05, 1.05, 0.1] } }, 'pai')).toEqual({
      space: { x: float(0.05, 1.05) },
      losses: [
        {
          param: 'x',
          kind: 'dropped-step',
          lost: "NNI's values [0.1, 0.2, 0.3, …, 1.05]",
          usedInstead: 'every real in [0.05, 1.05]',
        },
      ],
    });
  });

  it('says what SageMaker scales and Autotune parameters became', () => {
    const { space: read, losses } = parse(
      {
        IntegerParameterRanges: [{ Name: 'r', MinValue: 1, MaxValue: 5, ScalingType: 'ReverseLogarithmic' }],
        ContinuousParameterRanges: [{ Name: 'n', MinValue: 0, MaxValue: 1 }],
        AutoParameters: [{ Name: 'a', ValueHint: '0.1' }],
      },
      'sagemaker',
    );
    expect(read).toEqual({ r: int(1, 5), n: float(0, 1) });
    expect(losses).toEqual([
      {
        param: 'r',
        kind: 'scale-changed',
        lost: 'ScalingType ReverseLogarithmic (not defined for integers)',
        usedInstead: 'a linear scale',
      },
      {
        param: 'n',
        kind: 'scale-changed',
        lost: 'ScalingType (absent), chosen by SageMaker',
        usedInstead: 'a linear scale',
      },
      {
        param: 'a',
        kind: 'dropped-parameter',
        lost: 'the Autotune parameter (value hint "0.1")',
        usedInstead: 'nothing: SageMaker picks its range',
      },
    ]);
  });

  it('takes a ModelArts parameter without param_type as discrete when it lists values', () => {
    expect(
      parse(
        [
          { name: 'd', discrete_values: ['x', 'y'] },
          { name: 'c', lower_bound: '0', upper_bound: '1' },
        ],
        'modelarts',
      ).space,
    ).toEqual({ d: choice(['x', 'y']), c: float(0, 1) });
  });

  it('refuses a PAI key that only contains a placeholder', () => {
    for (const key of ['x${a}', '${a}x']) {
      expect(() => parse({ [key]: { _type: 'choice', _value: [1] } }, 'pai')).toThrow(
        `${key}: a parameter name must not be "_name" nor contain "{" or "}"`,
      );
    }
  });
});

describe('more edges', () => {
  it('previews a negative NNI grid', () => {
    expect(compile(space({ a: float(-5.5, -2.5, { step: 1 }) }), 'pai').losses[0]?.usedInstead).toBe(
      'NNI quniform [-5.5, -2.5, 1], which rounds to multiples of 1 and clips: [-5, -4, -3, -2.5]',
    );
  });

  it('names a malformed top-level PAI parameter by its name alone', () => {
    const error = thrown(() => parse({ x: { _type: 'nope', _value: [1] } }, 'pai'));
    expect(SearchSpaceError.is(error)).toBe(true);
    expect((error as SearchSpaceError).issues).toEqual([expect.stringMatching(/^x\._type: Invalid option/)]);
  });

  it('names a malformed parameter inside a PAI branch by its whole path', () => {
    expect(() =>
      parse({ c: { _type: 'choice', _value: [{ _name: 'b', x: { _type: 'nope', _value: [1] } }] } }, 'pai'),
    ).toThrow(/^Not a valid PAI \(NNI\) search space\n {2}- c\.b\.x\._type: Invalid option/);
  });

  it('reads a q-range of one value as that value, with no loss even off the grid', () => {
    expect(parse({ x: { _type: 'quniform', _value: [0.05, 0.05, 0.1] } }, 'pai')).toEqual({
      space: { x: choice([0.05]) },
      losses: [],
    });
  });

  it('reports values that merge as text', () => {
    expect(compile(space({ v: choice([1, '1']) }), 'sagemaker').losses[0]).toEqual({
      param: 'v',
      kind: 'value-type',
      lost: 'the value types of [1, "1"]',
      usedInstead: 'text ["1"], read back as [1]',
    });
  });

  it('takes a SageMaker ScalingType it does not know, "constructor" too, as SageMaker’s choice', () => {
    expect(
      parse(
        { ContinuousParameterRanges: [{ Name: 'x', MinValue: 0, MaxValue: 1, ScalingType: 'constructor' }] },
        'sagemaker',
      ),
    ).toEqual({
      space: { x: float(0, 1) },
      losses: [
        {
          param: 'x',
          kind: 'scale-changed',
          lost: 'ScalingType constructor, chosen by SageMaker',
          usedInstead: 'a linear scale',
        },
      ],
    });
  });

  it('reads ModelArts blank point counts as none, param_type over the values, and names a bad item', () => {
    expect(
      parse(
        [
          { name: 'c', lower_bound: '0', upper_bound: '1', discrete_points_num: '' },
          { name: 'd', param_type: 'continuous', discrete_values: ['a'], lower_bound: '0', upper_bound: '2' },
        ],
        'modelarts',
      ).space,
    ).toEqual({ c: float(0, 1), d: float(0, 2) });
    expect(() => parse([{ name: 5 }] as never, 'modelarts')).toThrow(
      'Not a valid ModelArts search space\n  - 0.name: Invalid input: expected string, received number',
    );
  });

  it('keeps a value on a grid far from 0 despite rounding', () => {
    expect(contains(space({ x: float(1e9, 1e9 + 1, { step: 0.1 }) }), { x: 1e9 + 0.3 })).toBe(true);
  });

  it('takes a hand-written space without scale or step as linear with step 1', () => {
    expect(
      compile(
        { x: { kind: 'int', low: 1, high: 5 }, y: { kind: 'float', low: 0, high: 1 } } as never,
        'sagemaker',
      ).value,
    ).toEqual({
      IntegerParameterRanges: [{ Name: 'x', MinValue: '1', MaxValue: '5', ScalingType: 'Linear' }],
      ContinuousParameterRanges: [{ Name: 'y', MinValue: '0', MaxValue: '1', ScalingType: 'Linear' }],
    });
    expect(int(1, 7, { step: 3 })).toEqual({ kind: 'int', low: 1, high: 7, step: 3, scale: 'linear' });
  });

  it('reads decimals with several digits before the point', () => {
    expect(
      parse({ CategoricalParameterRanges: [{ Name: 'c', Values: ['12.5', '1'] }] }, 'sagemaker').space,
    ).toEqual({
      c: choice([12.5, 1]),
    });
  });

  it('keeps draws in range for an rng that returns 1, and draws ints on their own grid', () => {
    expect(sample({ i: int(0, 10, { step: 2 }) }, () => 1).i).toBe(10);
    expect(sample({ c: choice(['a', 'b', 'c']) }, () => 1).c).toBe('c');
    expect(sample({ i: int(0, 10, { step: 2 }) }, draws(0.3)).i).toBe(2);
  });

  it('does not take a function for a branch', () => {
    expect(() =>
      parse({ x: { _type: 'choice', _value: [Object.assign(() => 1, { _name: 'a' })] } } as never, 'pai'),
    ).toThrow('x: choice values must be numbers, strings, booleans or {_name, …} branches');
  });
});
