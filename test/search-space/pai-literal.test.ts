/**
 * PAI's SearchSpace as Python-literal text: every spelling the reader takes, and where it says
 * it stopped understanding.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/search-space/index.js';
import { thrown } from '../helpers/thrown.js';

const notLiteral = (expected: string, offset: number) =>
  `Not a valid PAI search space\n  - SearchSpace text is neither JSON nor a Python literal: expected ${expected} at offset ${offset}`;

const refusal = (text: string) => (thrown(() => parse(text, 'pai')) as Error).message;

describe('a Python-literal search space', () => {
  it('reads both quotes, every escape (an unknown one kept as written), True/False, signed and exponent numbers', () => {
    const text = `{'x': {'_type': 'choice', '_value': ['a\\nb', "it's", 'tab\\tx', 'cr\\rx', 'back\\\\slash', 'q\\'', "dq\\"", 'odd\\xq', True, False, 1.5e-3, -2, +3]}}`;
    expect(parse(text, 'pai').space).toEqual({
      x: {
        kind: 'choice',
        values: [
          'a\nb',
          "it's",
          'tab\tx',
          'cr\rx',
          'back\\slash',
          "q'",
          'dq"',
          'odd\\xq',
          true,
          false,
          0.0015,
          -2,
          3,
        ],
      },
    });
  });

  it('reads a tuple as a list, and white space around everything', () => {
    expect(parse(`  {'x' : {'_type': 'uniform', '_value': (0.1 , 0.5)} }  `, 'pai').space).toEqual({
      x: { kind: 'float', low: 0.1, high: 0.5, scale: 'linear' },
    });
  });

  it('says what it expected and where', () => {
    expect(refusal(`{'x': {'_type': 'uniform', '_value': [0.1, 0.5]}} extra`)).toBe(
      notLiteral('the end of the text', 50),
    );
    expect(refusal(`{'x': {'_type': 'choice', '_value': ['open]}}`)).toBe(notLiteral("a closing '", 45));
    expect(refusal(`{'x': {'_type': 'choice', '_value': ["open]}}`)).toBe(notLiteral('a closing "', 45));
    expect(refusal(`{'x': {'_type': 'choice', '_value': ['\\`)).toBe(notLiteral("a closing '", 40));
    expect(refusal(`{'x' {'_type': 'choice'}}`)).toBe(notLiteral('":"', 5));
    expect(refusal(`{'x': {'_type': 'choice', '_value': [1 2]}}`)).toBe(notLiteral('","', 39));
    expect(refusal(`{'x': @}`)).toBe(notLiteral('a value', 6));
    expect(refusal(`{'x': @1}`)).toBe(notLiteral('a value', 6));
    expect(refusal(`{'x': abc}`)).toBe(notLiteral('a number', 9));
    expect(refusal(`{'x': nan}`)).toBe(notLiteral('a number', 9));
  });

  it('reads None as no value, which no choice takes', () => {
    expect(refusal(`{'x': {'_type': 'choice', '_value': [None]}}`)).toBe(
      'Not a valid PAI (NNI) search space\n  - x: choice values must be numbers, strings, booleans or {_name, …} branches',
    );
  });
});
