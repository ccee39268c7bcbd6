/**
 * `experiments.summarize` over a scripted cloud: what the cloud reports is used as reported, and
 * every other field is computed from one walk of the trials and named in `derived`.
 */
import { describe, expect, it } from 'vitest';
import { type ReportedTotals, summarizeExperiment } from '../../src/core/progress/summarize.js';
import type { Experiment, ExperimentStatus, Trial, TrialStatus } from '../../src/core/types.js';
import { scriptedSource } from '../helpers/summary-source.js';
import { aTrial } from '../helpers/trial.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

interface TrialPlan {
  status: TrialStatus;
  value?: number;
  created?: number;
  started?: number;
  ended?: number;
  seconds?: number;
  billable?: number;
}

const trial = (id: string, p: TrialPlan): Trial =>
  aTrial({
    provider: 'modelarts',
    id,
    status: p.status,
    objective: p.value === undefined ? undefined : { metric: 'loss', value: p.value },
    createdAt: p.created === undefined ? undefined : at(p.created),
    startedAt: p.started === undefined ? undefined : at(p.started),
    endedAt: p.ended === undefined ? undefined : at(p.ended),
    usage:
      p.seconds === undefined && p.billable === undefined
        ? undefined
        : { durationSeconds: p.seconds, billableSeconds: p.billable, derived: [] },
  });

function summarize(
  experiment: Partial<Experiment> & { status: ExperimentStatus },
  trials: Trial[],
  reported: ReportedTotals = {},
  onTrial?: (t: Trial) => void,
) {
  const read = {
    provider: 'modelarts',
    id: 'e',
    objective: { metric: 'loss', direction: 'minimize' },
    ...experiment,
  } as Experiment;
  return summarizeExperiment('modelarts', scriptedSource(read, trials, { reported }), 'e', { onTrial });
}

const TRIALS = [
  trial('a', {
    status: 'completed',
    value: 3,
    created: 5,
    started: 6,
    ended: 20,
    seconds: 840,
    billable: 900,
  }),
  trial('b', { status: 'failed', value: 1, created: 2, ended: 30, seconds: 60 }),
  trial('c', { status: 'completed', value: 2, created: 8, started: 9, ended: 25, billable: 1000 }),
  trial('d', { status: 'running', created: 40, started: 41, ended: 45 }),
];

describe('summarize', () => {
  it('computes what the cloud does not report, and says so', async () => {
    const seen: string[] = [];
    const summary = await summarize({ status: 'completed', endedAt: at(50) }, TRIALS, {}, (t) =>
      seen.push(t.id),
    );
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(summary.bestTrial?.id).toBe('c');
    expect(summary.trialCounts).toEqual({ total: 4, completed: 2, failed: 1, running: 1 });
    // b was created earliest and never started; d's end does not count while it runs.
    expect(summary.firstTrialAt).toEqual(at(2));
    expect(summary.lastTrialEndedAt).toEqual(at(30));
    // From the first trial (no start of its own) to the experiment's end.
    expect(summary.durationSeconds).toBe(48 * 60);
    expect(summary.trialSeconds).toBe(900);
    expect(summary.billableSeconds).toBe(1900);
    expect(summary.derived).toEqual([
      'bestTrial',
      'trialCounts',
      'firstTrialAt',
      'lastTrialEndedAt',
      'durationSeconds',
      'trialSeconds',
      'billableSeconds',
    ]);
  });

  it('uses what the cloud reports as reported', async () => {
    const best = trial('z', { status: 'completed', value: 9 });
    const summary = await summarize({ status: 'running' }, TRIALS, {
      bestTrial: best,
      trialCounts: { total: 7 },
      durationSeconds: 12,
    });
    expect(summary).toMatchObject({ bestTrial: best, trialCounts: { total: 7 }, durationSeconds: 12 });
    expect(summary.derived).toEqual(['firstTrialAt', 'lastTrialEndedAt', 'trialSeconds', 'billableSeconds']);
  });

  it('times a running experiment not at all, an ended one from its own start to its end', async () => {
    expect(
      (await summarize({ status: 'running', startedAt: at(0) }, TRIALS)).durationSeconds,
    ).toBeUndefined();
    const ended = await summarize(
      { status: 'stopped', createdAt: at(1), startedAt: at(3), endedAt: at(4) },
      TRIALS,
    );
    expect(ended.durationSeconds).toBe(60);
    // Without an end of its own: the last trial's end; an end before the start is no negative time.
    expect((await summarize({ status: 'failed', createdAt: at(10) }, TRIALS)).durationSeconds).toBe(20 * 60);
    expect((await summarize({ status: 'failed', startedAt: at(59) }, TRIALS)).durationSeconds).toBe(0);
  });

  it('an empty experiment: counts of zero, nothing else computed', async () => {
    const summary = await summarize({ status: 'completed' }, []);
    expect(summary).toMatchObject({
      bestTrial: undefined,
      trialCounts: { total: 0 },
      firstTrialAt: undefined,
      lastTrialEndedAt: undefined,
      durationSeconds: undefined,
      trialSeconds: undefined,
      billableSeconds: undefined,
      derived: ['trialCounts'],
    });
  });

  it('the earliest start and latest end whatever the order of the walk', async () => {
    const summary = await summarize({ status: 'running' }, [...TRIALS].reverse());
    expect(summary.firstTrialAt).toEqual(at(2));
    expect(summary.lastTrialEndedAt).toEqual(at(30));
    expect(summary.bestTrial?.id).toBe('c');
  });

  it('no best without an objective to rank by', async () => {
    const summary = await summarize({ status: 'completed', objective: undefined }, TRIALS);
    expect(summary.bestTrial).toBeUndefined();
    expect(summary.derived).not.toContain('bestTrial');
  });
});
