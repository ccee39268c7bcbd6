// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * Every input a builder or a dialect reader refuses, with the exact text of its error: the
 * summary naming what was checked, then one line per problem naming where it is.
 */

import { describe, expect, it, vi } from 'vitest';
import { config, globalConfig } from 'zod/v4/core';
import {
  choice,
  float,
  int,
  lognormal,
  normal,
  parse,
  SearchSpaceError,
  space,
} from '../../src/search-space/index.js';
import { thrown } from '../helpers/thrown.js';

function refusal(fn: () => unknown): string {
  const error = thrown(fn);
  expect(SearchSpaceError.is(error)).toBe(true);
  return (error as Error).message;
}

const parameter = (issue: string) => `Invalid parameter\n  - ${issue}`;
const nameRule = 'a parameter name must not be "_name" nor contain "{" or "}"';

describe('the builders refuse, saying why', () => {
  it.each([
    ['repeated choice values', () => choice([1, 1]), parameter('values must be distinct')],
    [
      'a conditional without branches',
      () => choice({}),
      parameter('a conditional choice needs at least one branch'),
    ],
    [
      'an int range of one value',
      () => int(3, 3),
      parameter('low must be < high (use choice for a constant)'),
    ],
    [
      'an int step that misses high',
      () => int(0, 10, { step: 3 }),
      parameter('high - low must be a multiple of step'),
    ],
    ['a log int range from 0', () => int(0, 10, { log: true }), parameter('a log scale needs low >= 1')],
    [
      'a float range of one value',
      () => float(1, 1),
      parameter('low must be < high (use choice for a constant)'),
    ],
    [
      'a float step that misses high',
      () => float(0, 1, { step: 0.3 }),
      parameter('high - low must be a whole number of steps'),
    ],
    ['a log float range from 0', () => float(0, 1, { log: true }), parameter('a log scale needs low > 0')],
    [
      'a reverse-log range reaching 1',
      () => float(0.5, 1, { reverseLog: true }),
      parameter('a reverse-log scale needs 0 <= low < high < 1'),
    ],
    [
      'log and reverse-log at once',
      () => float(0.1, 0.5, { log: true, reverseLog: true }),
      parameter('log and reverseLog exclude each other'),
    ],
    ['a sigma of 0', () => normal(0, 0), parameter('sigma: must be > 0')],
    ['a negative step', () => normal(0, 1, { step: -1 }), parameter('step: must be > 0')],
    [
      'a lognormal reaching past exp()',
      () => lognormal(0, 80),
      parameter('|mu| + 10·sigma must be <= 700 so that every sample is a finite number'),
    ],
    [
      'a parameter named _name',
      () => space({ _name: float(0, 1) }),
      `Invalid search space\n  - _name: ${nameRule}`,
    ],
    [
      'a name with a brace',
      () => space({ 'a{b': float(0, 1) }),
      `Invalid search space\n  - a{b: ${nameRule}`,
    ],
    [
      'a name with a closing brace',
      () => space({ 'a}': float(0, 1) }),
      `Invalid search space\n  - a}: ${nameRule}`,
    ],
  ])('%s', (_, build, message) => {
    expect(refusal(build)).toBe(message);
  });

  it('accepts what lies just inside each rule', () => {
    expect(int(1, 10, { log: true })).toMatchObject({ low: 1 });
    expect(float(0, 0.99, { reverseLog: true })).toMatchObject({ low: 0, high: 0.99 });
    expect(lognormal(0, 70)).toMatchObject({ sigma: 70 });
    expect(lognormal(-690, 1)).toMatchObject({ mu: -690 });
    expect(Object.keys(space({ a_b: float(0, 1), 'x.y': float(0, 1) }))).toEqual(['a_b', 'x.y']);
    expect(choice({ only: space({}) })).toEqual({ kind: 'conditional', branches: { only: {} } });
  });
});

describe('the dialect readers refuse, naming the parameter', () => {
  const pai = (issue: string) => `Not a valid PAI (NNI) search space\n  - ${issue}`;
  const sagemaker = (issue: string) => `Not a valid SageMaker search space\n  - ${issue}`;
  const modelarts = (issue: string) => `Not a valid ModelArts search space\n  - ${issue}`;
  const mixed = 'choice values must be numbers, strings, booleans or {_name, …} branches';

  it.each([
    ['too few numbers', { x: { _type: 'uniform', _value: [1] } }, pai('x: _value must hold 2 numbers')],
    [
      'too few for a q-type',
      { x: { _type: 'quniform', _value: [0, 1] } },
      pai('x: _value must hold 3 numbers'),
    ],
    ['too many numbers', { x: { _type: 'normal', _value: [0, 1, 2] } }, pai('x: _value must hold 2 numbers')],
    [
      'a word for a number',
      { x: { _type: 'uniform', _value: [0, 'one'] } },
      pai('x: _value must hold 2 numbers'),
    ],
    [
      'a branch twice',
      { x: { _type: 'choice', _value: [{ _name: 'a' }, { _name: 'a' }] } },
      pai('x: the branch a appears twice'),
    ],
    [
      'branches and values mixed',
      { x: { _type: 'choice', _value: [{ _name: 'a' }, 1] } },
      pai(`x: ${mixed}`),
    ],
    ['a null value', { x: { _type: 'choice', _value: [null] } }, pai(`x: ${mixed}`)],
    [
      'an infinite value',
      { x: { _type: 'choice', _value: [Number.POSITIVE_INFINITY, 1] } },
      pai(`x: ${mixed}`),
    ],
    ['a branch named by a number', { x: { _type: 'choice', _value: [{ _name: 5 }] } }, pai(`x: ${mixed}`)],
    ['a list value', { x: { _type: 'choice', _value: [[1]] } }, pai(`x: ${mixed}`)],
    [
      'one name as placeholder and bare',
      { '${x}': { _type: 'choice', _value: [1, 2] }, x: { _type: 'choice', _value: [1, 2] } },
      pai('x: the parameter appears twice'),
    ],
    [
      'a nested parameter twice',
      {
        c: {
          _type: 'choice',
          _value: [
            { _name: 'b', '${y}': { _type: 'choice', _value: [1] }, y: { _type: 'choice', _value: [2] } },
          ],
        },
      },
      pai('c.b.y: the parameter appears twice'),
    ],
  ])('PAI: %s', (_, input, message) => {
    expect(refusal(() => parse(input as never, 'pai'))).toBe(message);
  });

  it.each([
    [
      'two ranges for one name',
      {
        IntegerParameterRanges: [{ Name: 'x', MinValue: 1, MaxValue: 2 }],
        ContinuousParameterRanges: [{ Name: 'x', MinValue: 1, MaxValue: 2 }],
      },
      sagemaker('x: the parameter has two ranges'),
    ],
    [
      'a categorical and an Autotune parameter of one name',
      {
        CategoricalParameterRanges: [{ Name: 'x', Values: ['a', 'b'] }],
        AutoParameters: [{ Name: 'x', ValueHint: '0.1' }],
      },
      sagemaker('x: the parameter has two ranges'),
    ],
    [
      'fractional integer bounds',
      { IntegerParameterRanges: [{ Name: 'x', MinValue: 1.5, MaxValue: 2 }] },
      sagemaker('x: an integer range needs integer bounds'),
    ],
    [
      'a fractional upper integer bound',
      { IntegerParameterRanges: [{ Name: 'x', MinValue: 1, MaxValue: '2.5' }] },
      sagemaker('x: an integer range needs integer bounds'),
    ],
    [
      'an empty category list',
      { CategoricalParameterRanges: [{ Name: 'c', Values: [] }] },
      sagemaker('CategoricalParameterRanges.0.Values: Too small: expected array to have >=1 items'),
    ],
    [
      'an Autotune parameter without its hint',
      { AutoParameters: [{ Name: 'c' }] },
      sagemaker('AutoParameters.0.ValueHint: Invalid input: expected string, received undefined'),
    ],
    [
      'a blank bound',
      { ContinuousParameterRanges: [{ Name: 'x', MinValue: ' ', MaxValue: '1' }] },
      sagemaker('ContinuousParameterRanges.0.MinValue: Too small: expected string to have >=1 characters'),
    ],
  ])('SageMaker: %s', (_, input, message) => {
    expect(refusal(() => parse(input as never, 'sagemaker'))).toBe(message);
  });

  it.each([
    [
      'discrete without values',
      [{ name: 'd', param_type: 'discrete' }],
      modelarts('d: a discrete parameter needs discrete_values'),
    ],
    [
      'continuous without a bound',
      [{ name: 'c', param_type: 'continuous', lower_bound: '1' }],
      modelarts('c: a continuous parameter needs lower_bound and upper_bound'),
    ],
    [
      'continuous without the lower bound',
      [{ name: 'c', param_type: 'continuous', upper_bound: '1' }],
      modelarts('c: a continuous parameter needs lower_bound and upper_bound'),
    ],
    [
      'a single point',
      [{ name: 'c', param_type: 'continuous', lower_bound: '1', upper_bound: '2', discrete_points_num: '1' }],
      modelarts('c: discrete_points_num must be an integer >= 2'),
    ],
    [
      'a name twice',
      [
        { name: 'c', discrete_values: ['a'] },
        { name: 'c', discrete_values: ['b'] },
      ],
      modelarts('c: the parameter appears twice'),
    ],
  ])('ModelArts: %s', (_, input, message) => {
    expect(refusal(() => parse(input as never, 'modelarts'))).toBe(message);
  });
});

describe('zod’s messages', () => {
  it('are English unless the application set a locale of its own before, which is kept', async () => {
    expect(refusal(() => parse({ AutoParameters: [{ Name: '' }] } as never, 'sagemaker'))).toContain(
      'Too small: expected string to have >=1 characters',
    );
    const before = globalConfig.localeError;
    const mine = () => 'à la façon de l’application';
    config({ localeError: mine });
    try {
      vi.resetModules();
      await import('../../src/search-space/schema.js');
      expect(globalConfig.localeError).toBe(mine);
    } finally {
      config({ localeError: before });
    }
  });
});
