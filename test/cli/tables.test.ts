/**
 * The terminal's tables, in-process and to the character: columns as wide as their widest cell,
 * numbers right-aligned, trailing blanks cut; the comparison as `crosstune compare` prints it.
 */
import { describe, expect, it } from 'vitest';
import { comparisonTable } from '../../src/cli/comparison-table.js';
import { facts, table } from '../../src/cli/table.js';
import { handBuiltComparison } from '../compare/helpers/comparison.js';

describe('table', () => {
  it('pads each column to its widest cell, aligns as asked, underlines the header, cuts trailing blanks', () => {
    const text = table(
      [{ header: 'name' }, { header: 'n', align: 'right' }, { header: 'note' }],
      [['a', '1', ''], ['longer', '1234', 'x'], ['b']],
      '> ',
    );
    expect(text.split('\n')).toEqual([
      '> name       n  note',
      '> ------  ----  ----',
      '> a          1',
      '> longer  1234  x',
      '> b',
    ]);
  });

  it('keeps a cell with line breaks on its row, each break read as a space', () => {
    expect(
      table([{ header: 'name' }, { header: 'n' }], [['two\nlines\r\nand\rmore', '1']]).split('\n'),
    ).toEqual(['name                n', '------------------  -', 'two lines and more  1']);
  });

  it('facts: labels padded to the longest, two spaces, then the value', () => {
    expect(
      facts(
        [
          ['id', 'x'],
          ['status', 'running'],
        ],
        '  ',
      ),
    ).toBe('  id      x\n  status  running');
    expect(facts([])).toBe('');
  });
});

describe('comparisonTable', () => {
  it('one row per run, the best across runs, what was left out and what mattered', () => {
    expect(comparisonTable(handBuiltComparison()).split('\n')).toEqual([
      'run         status                 best auc  best trial  trials   to best  within 1 %     took   billed     cost',
      '----------  ---------------------  --------  ----------  ------  --------  ----------  -------  -------  -------',
      'aws         completed (Completed)      0.81  job-1            2  1 trials          no  10m 00s  10m 30s  0.07475',
      'pai | east  stopped (STOPPED)          0.84  t-1              2  1 trials    1 trials   3h 01m        -        -',
      '',
      'best across runs: 0.84 auc; left out of the ranking: 2 trials',
      'what mattered (share of the objective each parameter explains on its own):',
      '  pai | east: max_depth 75 %, eta 25 %',
    ]);
  });

  it('a run with nothing ranked: dashes for its best, its trial and its trials to best', () => {
    const base = handBuiltComparison();
    const [aws, pai] = base.runs as [(typeof base.runs)[0], (typeof base.runs)[0]];
    const bare = {
      ...aws,
      best: undefined,
      trialsToBest: undefined,
      summary: { ...aws.summary, trialCounts: {} },
    };
    const line = comparisonTable({ ...base, runs: [bare, pai] }).split('\n')[2];
    expect(line).toBe(
      'aws         completed (Completed)         -  -                -         -          no  10m 00s  10m 30s  0.07475',
    );
  });

  it('says how many trials a partial cost leaves out, and indents every line', () => {
    const base = handBuiltComparison();
    const [aws, pai] = base.runs as [(typeof base.runs)[0], (typeof base.runs)[0]];
    const partial = { ...base, runs: [aws, { ...pai, cost: 1.5 }] };
    const lines = comparisonTable(partial, '    ').split('\n');
    expect(lines[3]?.endsWith('1.5 (2 unpriced)')).toBe(true);
    expect(lines.filter((line) => line !== '').every((line) => line.startsWith('    '))).toBe(true);
  });
});
