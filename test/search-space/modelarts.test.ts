import { describe, expect, it } from 'vitest';
import { choice, compile, float, int, lognormal, parse, space } from '../../src/search-space/index.js';

const kinds = (losses: readonly { kind: string }[]) => losses.map((l) => l.kind);

describe('ModelArts search_params', () => {
  it('writes integers as a continuous range of points, reporting the float type', () => {
    const { value, losses } = compile(space({ layers: int(2, 10, { step: 2 }) }), 'modelarts');
    expect(value).toEqual([
      {
        name: 'layers',
        param_type: 'continuous',
        lower_bound: '2',
        upper_bound: '10',
        discrete_points_num: '5',
      },
    ]);
    expect(kinds(losses)).toEqual(['integer-as-float']);
    expect(parse(value, 'modelarts').space).toEqual({ layers: float(2, 10, { step: 2 }) });
  });

  it('has no log scale and no normal family', () => {
    const { value, losses } = compile(
      space({ lr: float(1e-4, 0.1, { log: true }), s: lognormal(0, 1) }),
      'modelarts',
    );
    expect(value[0]).toEqual({
      name: 'lr',
      param_type: 'continuous',
      lower_bound: '0.0001',
      upper_bound: '0.1',
    });
    expect(losses.map((l) => [l.param, l.kind])).toEqual([
      ['lr', 'scale-changed'],
      ['s', 'approximated-distribution'],
      ['s', 'scale-changed'],
    ]);
  });

  it('writes booleans and strings as discrete values and reads their types back', () => {
    const spec = space({ flag: choice([true, false]), opt: choice(['sgd', 'adam']), b: choice([16, 32]) });
    const { value, losses } = compile(spec, 'modelarts');
    expect(losses).toEqual([]);
    expect(value.map((p) => p.discrete_values)).toEqual([
      ['true', 'false'],
      ['sgd', 'adam'],
      ['16', '32'],
    ]);
    expect(parse(value, 'modelarts').space).toEqual(spec);
  });

  it('infers the type when param_type is missing and accepts numbers for text', () => {
    const back = parse(
      [
        { name: 'b', discrete_values: ['1', '2'] },
        { name: 'lr', lower_bound: 0.001, upper_bound: 0.1 },
        { name: 'w', lower_bound: '0', upper_bound: '1', discrete_points_num: 3 },
      ],
      'modelarts',
    ).space;
    expect(back).toEqual({ b: choice([1, 2]), lr: float(0.001, 0.1), w: float(0, 1, { step: 0.5 }) });
  });

  it('reads an empty or zero point count as a plain continuous range', () => {
    const params = [
      { name: 'a', param_type: 'continuous', lower_bound: '0', upper_bound: '1', discrete_points_num: '' },
      { name: 'b', param_type: 'continuous', lower_bound: '0', upper_bound: '1', discrete_points_num: '0' },
    ];
    expect(parse(params, 'modelarts').space).toEqual({ a: float(0, 1), b: float(0, 1) });
  });

  it('refuses a continuous range without bounds, a single point and a repeated name', () => {
    expect(() => parse([{ name: 'x', param_type: 'continuous' }], 'modelarts')).toThrow(
      /lower_bound and upper_bound/,
    );
    const one = [
      { name: 'x', param_type: 'continuous', lower_bound: '0', upper_bound: '1', discrete_points_num: '1' },
    ];
    expect(() => parse(one, 'modelarts')).toThrow(/>= 2/);
    const twice = [
      { name: 'x', discrete_values: ['a'] },
      { name: 'x', discrete_values: ['b'] },
    ];
    expect(() => parse(twice, 'modelarts')).toThrow(/appears twice/);
  });
});
