/**
 * The trial table's cells at their edges: wrappers that are nearly right, blanks around
 * everything, every kind of cell as text, boolean or value, config spelled as null, and the
 * hyperparameters object callers get (plain, writable members).
 */
import { describe, expect, it } from 'vitest';
import { FieldFormatError } from '../../src/core/fields.js';
import {
  cellBoolean,
  cellNumber,
  cellText,
  configObject,
  hyperParametersFromConfig,
  readCell,
  readTable,
} from '../../src/providers/modelarts/decode.js';

describe('numbers inside wrappers', () => {
  it.each([
    [' tensor(0.5) ', 0.5],
    ['tensor( [0.5])', 0.5],
    ['tensor([[0.5] ])', 0.5],
    ['tensor([0.5] )', 0.5],
    ['np.float64(0.25)', 0.25],
    ["tensor(0.5,\n device='cuda:0')", 0.5],
  ])('%j holds %d', (cell, value) => {
    expect(cellNumber(cell)).toBe(value);
  });

  it.each([
    'xtensor(0.5)',
    'tensor(0.5)x',
    'tensor(,0.5)',
    'tensor([0.5)',
    'tensor([0.5 x)',
    'tensor(0.5 0.6)',
    'tensor([[0.5])',
  ])('%j holds none', (cell) => {
    expect(cellNumber(cell)).toBeUndefined();
  });
});

describe('cells as text, booleans and values', () => {
  it('gives text as sent, numbers and booleans as text, and nothing for empty or structures', () => {
    expect(['x', ' ', 5, 0, true, false].map(cellText)).toEqual(['x', ' ', '5', '0', 'true', 'false']);
    for (const none of ['', null, undefined, { a: 1 }, [1]]) expect(cellText(none as never)).toBeUndefined();
  });

  it('reads a boolean from its spellings, and none from anything else', () => {
    expect([cellBoolean(' TRUE '), cellBoolean('0'), cellBoolean(false), cellBoolean(1)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    for (const none of ['', null, undefined, 'yes', 2, { a: 1 }])
      expect(cellBoolean(none as never)).toBeUndefined();
  });

  it('reads a cell for what it says: blanks and null are nothing, words around blanks are booleans', () => {
    expect([readCell(''), readCell(null), readCell(undefined)]).toEqual([undefined, undefined, undefined]);
    expect([readCell(' True '), readCell('FALSE'), readCell(' 2.5 '), readCell('n/a')]).toEqual([
      true,
      false,
      2.5,
      'n/a',
    ]);
    expect(readCell({ a: 1 })).toEqual({ a: 1 });
  });
});

describe('config and hyperparameters', () => {
  it('reads a config of null, JSON null or nothing as absent', () => {
    for (const none of [null, undefined, 'null', '', '  '])
      expect(configObject(none as never, 'c')).toBeUndefined();
    expect(() => configObject('[1]', 'items.data.0.config')).toThrow(
      new FieldFormatError('items.data.0.config', 'a JSON object of hyperparameters', '[1]'),
    );
  });

  it('gives plain members that can be changed and removed', () => {
    const hp = hyperParametersFromConfig({ lr: 0.1, 'param/momentum': 0.9, gone: undefined });
    expect(hp).toStrictEqual({ lr: 0.1, momentum: 0.9 });
    hp.lr = 0.2;
    expect(hp.lr).toBe(0.2);
    expect(delete hp.momentum).toBe(true);
    expect(Object.keys(hp)).toEqual(['lr']);
  });
});

describe('the table', () => {
  it('names a column used twice', () => {
    expect(() => readTable({ header: ['a', 'b', 'a'], data: [] } as never, 'items')).toThrow(
      new FieldFormatError('items.header.2', 'a column name not used before', 'a'),
    );
  });
});
