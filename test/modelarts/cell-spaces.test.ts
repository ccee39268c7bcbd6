/**
 * The spaces a number wrapper may hold around its number and brackets are exactly what `\s`
 * matches (what Python's repr and pandas write, and what `trim` removes), checked for every
 * UTF-16 code unit; and a `__proto__` hyperparameter is a member like any other.
 */
import { describe, expect, it } from 'vitest';
import { cellNumber, hyperParametersFromConfig } from '../../src/providers/modelarts/decode.js';

describe('spaces inside a wrapper', () => {
  it('are every character \\s matches, and no other', () => {
    const misread: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      // Digits, signs, points, letters of a number, `,` and `]` would spell another number or shape.
      if (/[\d.+\-eE,\]]/.test(c)) continue;
      const space = /\s/.test(c);
      for (const cell of [
        `tensor(${c}[0.5])`,
        `tensor([${c}0.5])`,
        `tensor([0.5${c}])`,
        `tensor([0.5]${c})`,
      ]) {
        if (cellNumber(cell) !== (space ? 0.5 : undefined)) misread.push(`U+${code.toString(16)} in ${cell}`);
      }
    }
    expect(misread).toEqual([]);
  });
});

describe('a __proto__ hyperparameter', () => {
  it('is an own member that can be changed, listed and removed', () => {
    const hp = hyperParametersFromConfig(JSON.parse('{"__proto__": "a", "lr": 0.1}'));
    expect(Object.keys(hp)).toEqual(['__proto__', 'lr']);
    const key = '__proto__';
    hp[key] = 'b';
    expect(Object.getOwnPropertyDescriptor(hp, '__proto__')?.value).toBe('b');
    expect(delete hp[key]).toBe(true);
    expect(Object.keys(hp)).toEqual(['lr']);
  });
});
