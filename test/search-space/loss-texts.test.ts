// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * What each dialect writes for one space that needs every kind of give, and the exact words of
 * every loss and refusal: a loss is read by people deciding whether to accept it.
 */
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
import { thrown } from '../helpers/thrown.js';

const spec = space({
  exp_id: float(0, 1),
  rl: float(0.9, 0.999, { reverseLog: true }),
  si: int(0, 100, { step: 10 }),
  li: int(1, 1024, { log: true }),
  fs: float(0.05, 0.45, { step: 0.1 }),
  n: normal(0, 1, { step: 0.1 }),
  big: normal(1e20, 1),
  opt: choice({ sgd: space({ momentum: float(0, 0.9) }), adam: space({}) }),
  plain: choice({ on: space({}), off: space({}) }),
});

const flattened = (param: string, children: string, branches: string) => ({
  param,
  kind: 'flattened-conditional',
  lost: `branch parameters that exist only under their branch (${children})`,
  usedInstead: `a plain choice of the branch names ${branches}; every trial gets every branch parameter`,
});
const normalAsRange = [
  {
    param: 'n',
    kind: 'approximated-distribution',
    lost: 'the normal distribution (mu 0, sigma 1)',
    usedInstead: 'a uniform range [-3, 3] on a linear scale (mean ± 3 sigma)',
  },
  { param: 'n', kind: 'dropped-step', lost: 'step 0.1', usedInstead: 'no step' },
  {
    param: 'big',
    kind: 'dropped-parameter',
    lost: 'the normal distribution (mu 100000000000000000000, sigma 1)',
    usedInstead: 'nothing: mean ± 3 sigma is a single number in floating point',
  },
];

describe('every loss, word for word', () => {
  it('PAI', () => {
    const { value, losses } = compile(spec, 'pai');
    expect(value).toEqual({
      '${rl}': { _type: 'uniform', _value: [0.9, 0.999] },
      '${si}': { _type: 'quniform', _value: [0, 100, 10] },
      '${li}': { _type: 'qloguniform', _value: [1, 1024, 1] },
      '${fs}': { _type: 'quniform', _value: [0.05, 0.45, 0.1] },
      '${n}': { _type: 'qnormal', _value: [0, 1, 0.1] },
      '${big}': { _type: 'normal', _value: [1e20, 1] },
      '${opt}': {
        _type: 'choice',
        _value: [{ _name: 'sgd', '${momentum}': { _type: 'uniform', _value: [0, 0.9] } }, { _name: 'adam' }],
      },
      '${plain}': { _type: 'choice', _value: [{ _name: 'on' }, { _name: 'off' }] },
    });
    expect(losses).toEqual([
      {
        param: 'exp_id',
        kind: 'dropped-parameter',
        lost: 'the parameter exp_id',
        usedInstead: "nothing: ${exp_id} is PAI's own placeholder",
      },
      { param: 'rl', kind: 'scale-changed', lost: 'the reverse-log scale', usedInstead: 'a linear scale' },
      {
        param: 'si',
        kind: 'integer-as-float',
        lost: 'the integer type',
        usedInstead: 'NNI quniform, whose values are floats (0.0, …)',
      },
      {
        param: 'li',
        kind: 'integer-as-float',
        lost: 'the integer type',
        usedInstead: 'NNI qloguniform, whose values are floats (1.0, …)',
      },
      {
        param: 'fs',
        kind: 'step-anchor',
        lost: 'the grid from low in steps of 0.1: [0.05, 0.15, 0.25, 0.35, 0.45]',
        usedInstead:
          'NNI quniform [0.05, 0.45, 0.1], which rounds to multiples of 0.1 and clips: [0.1, 0.2, 0.3, 0.4, 0.45]',
      },
    ]);
  });

  it('SageMaker', () => {
    const { value, losses } = compile(spec, 'sagemaker');
    expect(value).toEqual({
      IntegerParameterRanges: [
        { Name: 'si', MinValue: '0', MaxValue: '100', ScalingType: 'Linear' },
        { Name: 'li', MinValue: '1', MaxValue: '1024', ScalingType: 'Logarithmic' },
      ],
      ContinuousParameterRanges: [
        { Name: 'exp_id', MinValue: '0', MaxValue: '1', ScalingType: 'Linear' },
        { Name: 'rl', MinValue: '0.9', MaxValue: '0.999', ScalingType: 'ReverseLogarithmic' },
        { Name: 'fs', MinValue: '0.05', MaxValue: '0.45', ScalingType: 'Linear' },
        { Name: 'n', MinValue: '-3', MaxValue: '3', ScalingType: 'Linear' },
        { Name: 'momentum', MinValue: '0', MaxValue: '0.9', ScalingType: 'Linear' },
      ],
      CategoricalParameterRanges: [
        { Name: 'opt', Values: ['sgd', 'adam'] },
        { Name: 'plain', Values: ['on', 'off'] },
      ],
    });
    expect(losses).toEqual([
      flattened('opt', 'momentum', '["sgd", "adam"]'),
      flattened('plain', 'none', '["on", "off"]'),
      { param: 'si', kind: 'dropped-step', lost: 'step 10', usedInstead: 'every integer in [0, 100]' },
      { param: 'fs', kind: 'dropped-step', lost: 'step 0.1', usedInstead: 'every real in [0.05, 0.45]' },
      ...normalAsRange,
    ]);
  });

  it('ModelArts', () => {
    const { value, losses } = compile(spec, 'modelarts');
    expect(value).toEqual([
      { name: 'exp_id', param_type: 'continuous', lower_bound: '0', upper_bound: '1' },
      { name: 'rl', param_type: 'continuous', lower_bound: '0.9', upper_bound: '0.999' },
      {
        name: 'si',
        param_type: 'continuous',
        lower_bound: '0',
        upper_bound: '100',
        discrete_points_num: '11',
      },
      {
        name: 'li',
        param_type: 'continuous',
        lower_bound: '1',
        upper_bound: '1024',
        discrete_points_num: '1024',
      },
      {
        name: 'fs',
        param_type: 'continuous',
        lower_bound: '0.05',
        upper_bound: '0.45',
        discrete_points_num: '5',
      },
      { name: 'n', param_type: 'continuous', lower_bound: '-3', upper_bound: '3' },
      { name: 'opt', param_type: 'discrete', discrete_values: ['sgd', 'adam'] },
      { name: 'momentum', param_type: 'continuous', lower_bound: '0', upper_bound: '0.9' },
      { name: 'plain', param_type: 'discrete', discrete_values: ['on', 'off'] },
    ]);
    const integer = (param: string) => ({
      param,
      kind: 'integer-as-float',
      lost: 'the integer type',
      usedInstead: 'a continuous range cut into points, tuned as floats',
    });
    expect(losses).toEqual([
      flattened('opt', 'momentum', '["sgd", "adam"]'),
      flattened('plain', 'none', '["on", "off"]'),
      { param: 'rl', kind: 'scale-changed', lost: 'the reverse-log scale', usedInstead: 'a linear scale' },
      integer('si'),
      integer('li'),
      { param: 'li', kind: 'scale-changed', lost: 'the log scale', usedInstead: 'a linear scale' },
      ...normalAsRange,
    ]);
  });
});

describe('refusals, word for word', () => {
  const refusal = (fn: () => unknown) => {
    const error = thrown(fn);
    expect(SearchSpaceError.is(error)).toBe(true);
    const { message, issues, losses } = error as SearchSpaceError;
    return { message, issues, losses: losses.map((l) => l.kind) };
  };

  it('names what it cannot do and why', () => {
    expect(
      refusal(() =>
        compile(
          space({
            'a.x.lr': float(0, 1),
            a: choice({ x: space({ lr: float(0, 1) }), y: space({ lr: float(0, 1) }) }),
          }),
          'sagemaker',
        ),
      ),
    ).toEqual({
      message:
        'Cannot flatten the conditional parameters\n  - two parameters end up with the same name; rename one of them',
      issues: ['two parameters end up with the same name; rename one of them'],
      losses: [],
    });
    expect(refusal(() => compile(space({}), 'nope' as never))).toEqual({
      message: 'Unknown target\n  - no dialect "nope"',
      issues: ['no dialect "nope"'],
      losses: [],
    });
    expect(refusal(() => parse({} as never, 'nope' as never))).toEqual({
      message: 'Unknown source\n  - no dialect "nope"',
      issues: ['no dialect "nope"'],
      losses: [],
    });
    expect(refusal(() => float(1, 2, { log: true, reverseLog: true }))).toEqual({
      message: 'Invalid parameter\n  - log and reverseLog exclude each other',
      issues: ['log and reverseLog exclude each other'],
      losses: [],
    });
    const ranges = {
      IntegerParameterRanges: [{ Name: 'x', MinValue: '1', MaxValue: '2', ScalingType: 'Auto' }],
    };
    expect(refusal(() => parse(ranges, 'sagemaker', { strict: true }))).toEqual({
      message:
        'The sagemaker search space has no exact neutral form\n  - x [scale-changed]: ScalingType Auto, chosen by SageMaker; instead: a linear scale',
      issues: [],
      losses: ['scale-changed'],
    });
    expect(refusal(() => parse({ '${x}': { _type: 'choice' } }, 'pai')).message).toMatch(
      /^Not a valid PAI \(NNI\) search space\n {2}- /,
    );
  });

  it('lists issues before losses, each on its own line, and serializes both', () => {
    const error = new SearchSpaceError('Summary', {
      issues: ['first issue'],
      losses: [{ param: 'p', kind: 'dropped-step', lost: 'step 2', usedInstead: 'no step' }],
    });
    expect(error.message).toBe('Summary\n  - first issue\n  - p [dropped-step]: step 2; instead: no step');
    expect(new SearchSpaceError('Alone').message).toBe('Alone');
    expect(new SearchSpaceError('Alone')).toMatchObject({ issues: [], losses: [] });
    expect(error.toJSON()).toMatchObject({ name: 'SearchSpaceError', issues: ['first issue'] });
  });
});
