/**
 * Trials read from ModelArts' table, at the points the other tests leave open: a blank status word
 * giving way to `done`, how long a trial ran (0 included, never negative or infinite), and what a
 * malformed table is reported as: the cell's path, what was expected and what was there.
 */
import { describe, expect, it } from 'vitest';
import { FieldFormatError } from '../../src/core/fields.js';
import { listedTrialIds, trialFromRows, trialsFromTable } from '../../src/providers/modelarts/normalize.js';
import { thrown } from '../helpers/thrown.js';

const header = ['trial_id', 'status', 'done', 'time_total_s', 'timestamp', 'config'];
const row = (cells: Partial<Record<string, unknown>>) => header.map((h) => (h in cells ? cells[h] : ''));
const trial = (cells: Partial<Record<string, unknown>>) =>
  trialsFromTable({ header, data: [row({ trial_id: 't', ...cells })] } as never, { experimentId: 'j' })[0];

/** The FieldFormatError `fn` throws, as its message. */
function refusal(fn: () => unknown): string {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(FieldFormatError);
  return (error as Error).message;
}

describe('a trial row', () => {
  it('takes `done` when the status word is only blanks, keeping the blanks as sent', () => {
    expect([trial({ status: '  ', done: 'True' })?.status, trial({ status: '  ' })?.providerStatus]).toEqual([
      'completed',
      '  ',
    ]);
  });

  it('ran for time_total_s seconds when that is a finite number, 0 included', () => {
    const zero = trial({ time_total_s: '0', timestamp: '100', status: 'TERMINATED' });
    expect([zero?.usage, zero?.startedAt, zero?.endedAt]).toEqual([
      { durationSeconds: 0, derived: [] },
      new Date(100_000),
      new Date(100_000),
    ]);
    for (const time_total_s of ['-1', 'inf', 'nan']) {
      const odd = trial({ time_total_s, timestamp: '100' });
      expect([odd?.usage, odd?.startedAt]).toEqual([undefined, undefined]);
    }
  });
});

describe('a malformed table, in its own words', () => {
  it('names a row without a trial id, with what the cell held', () => {
    expect(refusal(() => trial({ trial_id: ' ' }))).toBe(
      'items.data.0.trial_id: expected a trial id, got " "',
    );
    expect(
      refusal(() => trialsFromTable({ header: ['acc'], data: [['1']] } as never, { experimentId: 'j' })),
    ).toBe('items.data.0.trial_id: expected a trial id, got null');
    expect(refusal(() => listedTrialIds({ header, data: [row({ trial_id: 'a' }), row({})] } as never))).toBe(
      'items.data.1.trial_id: expected a trial id, got ""',
    );
  });

  it('names a config that is not an object by its cell', () => {
    expect(refusal(() => trial({ config: '[1]' }))).toBe(
      'items.data.0.config: expected a JSON object of hyperparameters, got "[1]"',
    );
  });

  it('says a single-trial answer without rows needs one when no trial was asked for', () => {
    expect(refusal(() => trialFromRows({ header, data: [] } as never, { experimentId: 'j' }))).toBe(
      'data: expected at least one row, got an array',
    );
    const error = thrown(() => trialFromRows({ header, data: [] } as never, { experimentId: 'j' }));
    expect(error).toMatchObject({ path: 'data', expected: 'at least one row', actual: [] });
  });
});
