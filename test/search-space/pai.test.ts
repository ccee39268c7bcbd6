// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI keys are literally written ${name}.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPlaceholder, toPlaceholder } from '../../src/search-space/dialects/pai/placeholders.js';
import {
  choice,
  compile,
  float,
  int,
  lognormal,
  normal,
  paiPlaceholders,
  parse,
  SearchSpaceError,
  space,
} from '../../src/search-space/index.js';

const every = space({
  opt: choice(['sgd', 'adam']),
  layers: int(1, 8),
  width: int(16, 256, { step: 16 }),
  heads: int(1, 64, { log: true }),
  dropout: float(0, 0.5),
  ratio: float(0, 1, { step: 0.25 }),
  lr: float(1e-5, 0.1, { log: true }),
  decay: float(0.001, 0.1, { step: 0.001, log: true }),
  noise: normal(0, 1),
  shift: normal(0, 2, { step: 0.5 }),
  scale: lognormal(0, 1),
  batch: lognormal(4, 0.5, { step: 8 }),
});

describe('PAI (NNI) dialect', () => {
  it('uses all ten NNI types', () => {
    const { value } = compile(every, 'pai');
    const types = new Set(Object.values(value).map((p) => p._type));
    expect([...types].sort()).toEqual(
      [
        'choice',
        'loguniform',
        'lognormal',
        'normal',
        'qloguniform',
        'qlognormal',
        'qnormal',
        'quniform',
        'randint',
        'uniform',
      ].sort(),
    );
    expect(value['${shift}']).toEqual({ _type: 'qnormal', _value: [0, 2, 0.5] });
    expect(value['${batch}']).toEqual({ _type: 'qlognormal', _value: [4, 0.5, 8] });
    expect(value['${decay}']).toEqual({ _type: 'qloguniform', _value: [0.001, 0.1, 0.001] });
  });

  it('reads each of them back', () => {
    const { value, losses } = compile(every, 'pai');
    const lossy = new Set(losses.map((l) => l.param));
    expect([...lossy].sort()).toEqual(['heads', 'width']);
    const back = parse(value, 'pai').space;
    for (const [name, param] of Object.entries(every))
      if (!lossy.has(name)) expect(back[name]).toEqual(param);
  });

  it('writes nested choices with _name and ${name} keys at every level', () => {
    const spec = space({ opt: choice({ sgd: space({ momentum: float(0, 0.9) }), adam: space({}) }) });
    const { value, losses } = compile(spec, 'pai');
    expect(value).toEqual({
      '${opt}': {
        _type: 'choice',
        _value: [{ _name: 'sgd', '${momentum}': { _type: 'uniform', _value: [0, 0.9] } }, { _name: 'adam' }],
      },
    });
    expect(losses).toEqual([]);
    expect(parse(value, 'pai').space).toEqual(spec);
  });

  it('lists the ${name} placeholders a command can use, nested ones included', () => {
    const spec = space({
      lr: float(0.1, 1),
      opt: choice({ sgd: space({ momentum: float(0, 0.9), lr: float(0, 1) }) }),
    });
    expect(paiPlaceholders(spec)).toEqual(['${lr}', '${opt}', '${momentum}']);
  });

  it('reads the name inside ${name} as /^\\$\\{(.+)\\}$/ does: one character at least, no line break', () => {
    const key = fc.oneof(
      fc.string({ unit: fc.constantFrom('$', '{', '}', 'a', '.', '\n', '\r', '\u2028', '\u2029', 'é') }),
      fc.string().map(toPlaceholder),
    );
    fc.assert(
      fc.property(key, (k) => {
        expect(fromPlaceholder(k)).toBe(/^\$\{(.+)\}$/.exec(k)?.[1] ?? k);
      }),
      { numRuns: 2000 },
    );
    expect([fromPlaceholder('${}'), fromPlaceholder('${}}'), fromPlaceholder('${a\nb}')]).toEqual([
      '${}',
      '}',
      '${a\nb}',
    ]);
  });

  it('drops a parameter named like PAI’s own placeholders', () => {
    const { value, losses } = compile(space({ trial_id: int(1, 3), x: int(1, 3) }), 'pai');
    expect(Object.keys(value)).toEqual(['${x}']);
    expect(losses).toEqual([expect.objectContaining({ param: 'trial_id', kind: 'dropped-parameter' })]);
    expect(paiPlaceholders(space({ trial_id: int(1, 3) }))).toEqual([]);
  });

  it('reads bare keys as well as ${name} keys', () => {
    expect(parse({ lr: { _type: 'uniform', _value: [0.1, 1] } }, 'pai').space).toEqual({ lr: float(0.1, 1) });
  });

  it('reads JSON text and Python-literal text', () => {
    const json = '{"${lr}": {"_type": "uniform", "_value": [0.1, 1]}}';
    const python =
      "{'${lr}': {'_type': 'uniform', '_value': (0.1, 1)}, 'b': {'_type': 'choice', '_value': [True, 'it\\'s']}}";
    expect(parse(json, 'pai').space).toEqual({ lr: float(0.1, 1) });
    expect(parse(python, 'pai').space).toEqual({ lr: float(0.1, 1), b: choice([true, "it's"]) });
  });

  it('accepts numbers written as strings in _value', () => {
    expect(parse({ n: { _type: 'randint', _value: ['1', '9'] } }, 'pai').space).toEqual({ n: int(1, 8) });
  });

  it('merges repeated choice values, reporting it', () => {
    const { space: back, losses } = parse({ x: { _type: 'choice', _value: [1, 1, 2] } }, 'pai');
    expect(back).toEqual({ x: choice([1, 2]) });
    expect(losses).toEqual([expect.objectContaining({ param: 'x', kind: 'duplicate-values' })]);
  });

  it('refuses what is not an NNI space, naming the place', () => {
    expect(() => parse('{not json', 'pai')).toThrow(SearchSpaceError);
    expect(() => parse({ x: { _type: 'gauss', _value: [0, 1] } }, 'pai')).toThrow(/x\._type/);
    expect(() => parse({ x: { _type: 'uniform', _value: [0] } }, 'pai')).toThrow(
      /x: _value must hold 2 numbers/,
    );
    expect(() => parse({ x: { _type: 'uniform', _value: [5, 1] } }, 'pai')).toThrow(/low must be < high/);
    expect(() => parse({ x: { _type: 'choice', _value: [[1], 2] } }, 'pai')).toThrow(/choice values/);
    expect(() =>
      parse({ x: { _type: 'uniform', _value: [0, 1] }, '${x}': { _type: 'uniform', _value: [0, 1] } }, 'pai'),
    ).toThrow(/appears twice/);
  });
});
