/**
 * What the commands print, in-process and to the character: listings as a table, CSV or JSON,
 * trial counts, and `watch`'s progress as a log line per event or one redrawn terminal line.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { countsText, EXPERIMENT_FIELDS, emit, render, trialFields } from '../../src/cli/output.js';
import { eventLine, progressPrinter } from '../../src/cli/progress.js';
import type { Experiment, ExperimentEvent, Trial, TrialCounts } from '../../src/index.js';
import { aTrial } from '../helpers/trial.js';

const at = new Date('2026-01-01T00:00:00.000Z');

const measured = aTrial({
  id: 't-1',
  status: 'completed',
  objective: { metric: 'auc', value: 0.123456789 } as Trial['objective'],
  usage: { durationSeconds: 125, derived: [] },
  startedAt: new Date('2026-01-01T00:00:00.000Z'),
  hyperParameters: { eta: 0.1, booster: 'gbtree' },
});
const running = aTrial({
  id: 't-2',
  status: 'running',
  createdAt: new Date('2026-01-01T00:05:00.500Z'),
  hyperParameters: { eta: 0.3 },
});

describe('listings', () => {
  it('as a table: fixed columns, then one per hyperparameter, `-` for nothing', () => {
    const trials = [measured, running];
    expect(render(trials, trialFields(trials), 'table').split('\n')).toEqual([
      'id   status     objective     ran  started                   eta  booster',
      '---  ---------  ---------  ------  ------------------------  ---  -------',
      't-1  completed   0.123457  2m 05s  2026-01-01T00:00:00Z      0.1   gbtree',
      't-2  running            -       -  2026-01-01T00:05:00.500Z  0.3        -',
    ]);
  });

  it('as CSV: the same cells, empty for nothing, a line break in a cell quoted', () => {
    const noted = aTrial({
      ...running,
      usage: { durationSeconds: 0, derived: [] },
      hyperParameters: { note: 'two\nlines' },
    });
    const trials = [measured, noted];
    expect(render(trials, trialFields(trials), 'csv')).toBe(
      'id,status,objective,ran,started,eta,booster,note\r\n' +
        't-1,completed,0.123457,2m 05s,2026-01-01T00:00:00Z,0.1,gbtree,\r\n' +
        't-2,running,,0s,2026-01-01T00:05:00.500Z,,,"two\nlines"\r\n',
    );
  });

  it('as JSON: the items whole', () => {
    expect(JSON.parse(render([measured], trialFields([measured]), 'json'))).toEqual([
      JSON.parse(JSON.stringify(measured)),
    ]);
  });

  it('experiments: objective and counts read as words', () => {
    const experiment = {
      id: 'e-1',
      name: 'xgb',
      status: 'running',
      providerStatus: 'InProgress',
      objective: { metric: 'auc', direction: 'maximize' },
      trialCounts: { completed: 3, failed: 1, running: 0, total: 4 },
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
    } as unknown as Experiment;
    expect(EXPERIMENT_FIELDS.map((field) => field.cell(experiment))).toEqual([
      'e-1',
      'xgb',
      'running',
      'InProgress',
      'auc (maximize)',
      undefined,
      '3 completed, 1 failed',
      '2026-01-01T00:00:00Z',
      undefined,
    ]);
    expect(EXPERIMENT_FIELDS.map((field) => field.header)).toEqual([
      'id',
      'name',
      'status',
      'cloud status',
      'objective',
      'algorithm',
      'trials',
      'created',
      'ended',
    ]);
    expect(countsText({})).toBe('-');
    expect(countsText({ failed: 0 }, 'no trials yet')).toBe('no trials yet');
    expect(countsText({ stopped: 1, running: 2, failed: 0 })).toBe('2 running, 1 stopped');
    expect(countsText({ unknown: 1, early_stopped: 2, stopping: 1, pending: 5 })).toBe(
      '2 early_stopped, 5 pending, 1 stopping, 1 unknown',
    );
  });
});

describe('emit', () => {
  it('writes the text with one final line break, to the file asked for or else to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosstune-emit-'));
    const file = join(dir, 'out.txt');
    await emit('a\nb', file);
    expect(readFileSync(file, 'utf8')).toBe('a\nb\n');
    await emit('c\n', file);
    expect(readFileSync(file, 'utf8')).toBe('c\n');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await emit('d', undefined);
      expect(write.mock.calls).toEqual([['d\n']]);
    } finally {
      write.mockRestore();
    }
  });
});

describe('watch progress', () => {
  const experiment = (status: string, maxTrials?: number) =>
    ({ id: 'e-1', status, providerStatus: 'InProgress', limits: { maxTrials } }) as unknown as Experiment;
  const poll = (trials: TrialCounts, maxTrials?: number): ExperimentEvent => ({
    type: 'poll',
    at,
    experiment: experiment('running', maxTrials),
    trials,
  });

  /** A printer and what it wrote. */
  const recording = (isTTY: boolean, started?: number) => {
    const written: string[] = [];
    return { written, printer: progressPrinter({ isTTY, write: (text) => written.push(text) }, started) };
  };

  it('a log line per event: what happened and when', () => {
    const events: ExperimentEvent[] = [
      { type: 'status', at, experiment: experiment('completed'), previous: 'running' },
      { type: 'status', at, experiment: experiment('running'), previous: undefined },
      { type: 'trial-started', at, trial: running },
      { type: 'trial-ended', at, trial: measured },
      { type: 'trial-ended', at, trial: { ...running, status: 'failed' } },
      { type: 'best', at, trial: measured, previous: undefined },
      poll({ completed: 3, failed: 1, stopped: 1, early_stopped: 1, running: 2 }, 10),
      poll({ completed: 1, total: 4 }),
      poll({}),
    ];
    expect(events.map(eventLine)).toEqual([
      '2026-01-01T00:00:00.000Z experiment e-1 running -> completed (InProgress)',
      '2026-01-01T00:00:00.000Z experiment e-1 running (InProgress)',
      '2026-01-01T00:00:00.000Z trial t-2 started (running)',
      '2026-01-01T00:00:00.000Z trial t-1 ended completed auc=0.123457',
      '2026-01-01T00:00:00.000Z trial t-2 ended failed',
      '2026-01-01T00:00:00.000Z best t-1 auc=0.123457',
      '2026-01-01T00:00:00.000Z poll: running, 6/10 trials done, 2 running',
      '2026-01-01T00:00:00.000Z poll: running, 1/4 trials done, 0 running',
      '2026-01-01T00:00:00.000Z poll: running, 0/? trials done, 0 running',
    ]);
  });

  it('on a terminal: one line redrawn at each poll, the best so far on it, ended by finish', () => {
    const { written, printer } = recording(true, Date.now() - 65_000);
    printer.finish();
    expect(written).toEqual([]);
    printer.onEvent(poll({ completed: 0, running: 1 }, 10));
    printer.onEvent({ type: 'trial-ended', at, trial: measured });
    printer.onEvent({ type: 'best', at, trial: measured, previous: undefined });
    printer.onEvent(poll({ completed: 5, running: 2 }, 10));
    printer.onEvent(poll({ completed: 3 }, 0));
    printer.finish();
    expect(written).toEqual([
      '\r\x1b[2Krunning   [....................]  0/10 done  1 running  best -  1m 05s',
      '\r\x1b[2Krunning   [##########..........]  5/10 done  2 running  best 0.123457 (t-1)  1m 05s',
      '\r\x1b[2Krunning   [....................]  3/? done  0 running  best 0.123457 (t-1)  1m 05s',
      '\n',
    ]);
  });

  it('into a pipe: a log line per event, nothing to end', () => {
    const { written, printer } = recording(false);
    printer.onEvent({ type: 'trial-started', at, trial: running });
    printer.onEvent(poll({ completed: 1, running: 1 }, 2));
    printer.finish();
    expect(written).toEqual([
      '2026-01-01T00:00:00.000Z trial t-2 started (running)\n',
      '2026-01-01T00:00:00.000Z poll: running, 1/2 trials done, 1 running\n',
    ]);
  });
});
