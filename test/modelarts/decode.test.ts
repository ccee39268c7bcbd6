/** The trial table read cell by cell: Python's spellings, tensors, column order, malformed rows, config. */
import { describe, expect, it } from 'vitest';
import { FieldFormatError, normalizing } from '../../src/core/fields.js';
import { ResponseFormatError } from '../../src/index.js';
import {
  cellBoolean,
  cellNumber,
  configObject,
  hyperParametersFromConfig,
  readCell,
  readTable,
} from '../../src/providers/modelarts/decode.js';
import { trialFromRows, trialsFromTable } from '../../src/providers/modelarts/normalize.js';
import type { ModelArtsTrialTableWire, TableCell } from '../../src/providers/modelarts/wire.js';
import { fixture } from './helpers/fixtures.js';

const context = { experimentId: 'job', objectiveMetric: 'acc' };

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('cell numbers', () => {
  it.each<[TableCell, number]>([
    ['0.0625', 0.0625],
    ['2', 2],
    ['-1.5e-3', -1.5e-3],
    [' 19.477163314819336 ', 19.477163314819336],
    [0.5, 0.5],
    ["tensor(0.0754, device='cuda:0', requires_grad=True)", 0.0754],
    ['tensor(1.5e-3, grad_fn=<AddBackward0>)', 1.5e-3],
    ['tensor([0.5])', 0.5],
    ["tensor([[0.25]], device='cuda:0')", 0.25],
    ['tensor(3)', 3],
    ['tensor(-2.5000)', -2.5],
    ['torch.tensor(0.1)', 0.1],
    ['np.float64(0.0625)', 0.0625],
    ['np.float32(0.5)', 0.5],
    ['numpy.int64(7)', 7],
    ['array(0.75, dtype=float32)', 0.75],
    ['array([0.75])', 0.75],
    ['inf', Number.POSITIVE_INFINITY],
    ['-inf', Number.NEGATIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ["tensor(inf, device='cuda:0')", Number.POSITIVE_INFINITY],
  ])('%j → %d', (cell, value) => {
    expect(cellNumber(cell)).toBe(value);
  });

  it.each(['nan', 'NaN', 'tensor(nan)', "tensor(nan, device='cuda:0', requires_grad=True)"])(
    '%s → NaN',
    (cell) => {
      expect(cellNumber(cell)).toBeNaN();
    },
  );

  it.each<TableCell>([
    '',
    '   ',
    'abc',
    'True',
    'tensor([0.5, 0.6])',
    'tensor([])',
    'tensor(abc)',
    'tensor(0.5',
    'sensor(0.5)',
    null,
    true,
    { a: 1 },
    [0.5],
  ])('%j holds no number', (cell) => {
    expect(cellNumber(cell)).toBeUndefined();
  });
});

describe('readCell', () => {
  it.each<[TableCell, unknown]>([
    ['True', true],
    ['False', false],
    ['true', true],
    ['2', 2],
    ['0.0625', 0.0625],
    ['inf', Number.POSITIVE_INFINITY],
    ["tensor(0.0754, device='cuda:0', requires_grad=True)", 0.0754],
    ['', undefined],
    [null, undefined],
    ['TERMINATED', 'TERMINATED'],
    ['0.2443/0.3867', '0.2443/0.3867'],
    [{ lr: 0.1 }, { lr: 0.1 }],
  ])('%j → %j', (cell, value) => {
    expect(readCell(cell)).toEqual(value);
  });

  it('reads nan as NaN', () => {
    expect(readCell('nan')).toBeNaN();
  });

  it('reads done as a boolean, Python or JSON spelled', () => {
    expect([cellBoolean('True'), cellBoolean('False'), cellBoolean(true), cellBoolean('')]).toEqual([
      true,
      false,
      true,
      undefined,
    ]);
    expect(cellBoolean('maybe')).toBeUndefined();
  });
});

describe('readTable', () => {
  it('keys cells by header name, the empty index column included', () => {
    const view = readTable({ header: ['', 'trial_id', 'acc'], data: [['0', 'a1', '0.5']] }, 'items');
    const [row] = view.rows;
    expect(row?.path).toBe('items.data.0');
    expect([...(row?.cells ?? [])]).toEqual([
      ['', '0'],
      ['trial_id', 'a1'],
      ['acc', '0.5'],
    ]);
  });

  it('reads a missing or null header and data as an empty table', () => {
    expect(readTable({}, 'items').rows).toEqual([]);
    expect(readTable({ header: null, data: null }, 'items').rows).toEqual([]);
    expect(readTable(undefined, 'items').header).toEqual([]);
  });

  it('refuses a row shorter or longer than the header, naming the row', () => {
    for (const row of [['a1'], ['a1', '0.5', 'extra']]) {
      const error = thrown(() =>
        readTable({ header: ['trial_id', 'acc'], data: [['a0', '0.1'], row] }, 'items'),
      );
      expect(error).toBeInstanceOf(FieldFormatError);
      expect(error).toMatchObject({ path: 'items.data.1' });
      expect((error as Error).message).toBe(
        `items.data.1: expected a row of 2 cells (one per column of items.header), got ${row.length}`,
      );
    }
  });

  it('is a ResponseFormatError naming the row once normalizing', () => {
    const table: ModelArtsTrialTableWire = { header: ['trial_id', 'acc'], data: [['a0']] };
    const error = thrown(() =>
      normalizing({ provider: 'modelarts', operation: 'listAutoSearchTrials' }, () =>
        trialsFromTable(table, context),
      ),
    );
    expect(ResponseFormatError.is(error)).toBe(true);
    expect(error).toMatchObject({ path: 'items.data.0', provider: 'modelarts' });
  });

  it('names a single-trial row without a leading dot', () => {
    const error = thrown(() => trialFromRows({ header: ['trial_id'], data: [[]] }, context));
    expect(error).toMatchObject({ path: 'data.0' });
  });

  it('refuses a column name used twice', () => {
    const error = thrown(() => readTable({ header: ['acc', 'trial_id', 'acc'], data: [] }, 'items'));
    expect(error).toMatchObject({ path: 'items.header.2' });
  });
});

describe('column order', () => {
  const table = fixture('autosearch-trials') as { items: { header: string[]; data: TableCell[][] } };

  function shuffled(order: number[]): ModelArtsTrialTableWire {
    const { header, data } = table.items;
    return {
      header: order.map((j) => header[j] as string),
      data: data.map((row) => order.map((j) => row[j] as TableCell)),
    };
  }

  const withoutRaw = (trials: ReturnType<typeof trialsFromTable>) => trials.map(({ raw: _raw, ...t }) => t);

  it('does not change the trials when header and rows are permuted alike', () => {
    const canonical = withoutRaw(trialsFromTable(table.items, context));
    const n = table.items.header.length;
    const reversed = [...Array(n).keys()].reverse();
    const rotated = [...Array(n).keys()].map((j) => (j + 5) % n);
    expect(withoutRaw(trialsFromTable(shuffled(reversed), context))).toEqual(canonical);
    expect(withoutRaw(trialsFromTable(shuffled(rotated), context))).toEqual(canonical);
  });

  it('keeps the permuted cells in raw as sent', () => {
    const n = table.items.header.length;
    const reversed = [...Array(n).keys()].reverse();
    const input = shuffled(reversed);
    const [first] = trialsFromTable(input, context);
    expect(first?.raw).toEqual({ header: input.header, rows: [input.data?.[0]] });
  });
});

describe('config', () => {
  it('accepts an object or its JSON text; empty reads as absent', () => {
    expect(configObject({ lr: 0.1 }, 'p')).toEqual({ lr: 0.1 });
    expect(configObject('{"lr": 0.1, "param/lr": 0.1}', 'p')).toEqual({ lr: 0.1, 'param/lr': 0.1 });
    expect(configObject('', 'p')).toBeUndefined();
    expect(configObject(null, 'p')).toBeUndefined();
  });

  it('refuses anything else, naming the cell', () => {
    expect(thrown(() => configObject('lr=0.1', 'items.data.0.config'))).toMatchObject({
      path: 'items.data.0.config',
    });
    expect(thrown(() => configObject('[1, 2]', 'items.data.0.config'))).toMatchObject({
      path: 'items.data.0.config',
      expected: 'a JSON object of hyperparameters',
    });
    expect(thrown(() => configObject(3, 'c'))).toBeInstanceOf(FieldFormatError);
  });

  it('folds param/ duplicates into the plain names and leaves trial_index out', () => {
    expect(
      hyperParametersFromConfig({
        batch_size: 32,
        learning_rate: 0.05,
        trial_index: 0,
        'param/batch_size': 32,
        'param/learning_rate': 0.05,
      }),
    ).toEqual({ batch_size: 32, learning_rate: 0.05 });
  });

  it('keeps the plain value when the duplicate disagrees, in either key order', () => {
    expect(hyperParametersFromConfig({ 'param/lr': 0.2, lr: 0.1 })).toEqual({ lr: 0.1 });
    expect(hyperParametersFromConfig({ lr: 0.1, 'param/lr': 0.2 })).toEqual({ lr: 0.1 });
  });

  it('uses a param/ key alone under the plain name', () => {
    expect(hyperParametersFromConfig({ 'param/momentum': 0.9, opt: 'sgd' })).toEqual({
      momentum: 0.9,
      opt: 'sgd',
    });
  });

  it('keeps booleans and text, writes structures as JSON text, drops nulls', () => {
    // Strict: `none: undefined` would pass toEqual.
    expect(
      hyperParametersFromConfig({ flag: true, name: 'adam', layers: [64, 32], none: null, gone: undefined }),
    ).toStrictEqual({
      flag: true,
      name: 'adam',
      layers: '[64,32]',
    });
  });

  it('keeps a __proto__ hyperparameter as an own member', () => {
    const out = hyperParametersFromConfig(JSON.parse('{"__proto__": 1, "lr": 0.1}'));
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(out.lr).toBe(0.1);
  });

  it('reads a config sent as JSON text in a trial row', () => {
    const [trial] = trialsFromTable(
      {
        header: ['trial_id', 'config', 'status'],
        data: [['t1', '{"lr": 0.1, "param/lr": 0.1, "trial_index": 4}', 'RUNNING']],
      },
      context,
    );
    expect(trial?.hyperParameters).toEqual({ lr: 0.1 });
    expect(trial?.status).toBe('running');
  });
});
