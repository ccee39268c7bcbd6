/**
 * A small comparison built by hand, for tests of what the exports write: two runs (one priced in
 * full, one not at all), a trial excluded, text that needs escaping or quoting, a NaN, a value
 * too large for plain digits. Only what the exports read is filled in; the summaries' experiment
 * and best trial are the few fields an export could reach.
 */
import type { Comparison, TrialRow } from '../../../src/compare/index.js';
import type { ExperimentSummary } from '../../../src/core/progress/summarize.js';

const at = (iso: string) => new Date(iso);

function summary(fields: Partial<ExperimentSummary> & { bestTrialId?: string }): ExperimentSummary {
  const { bestTrialId, ...rest } = fields;
  return {
    experiment: { id: 'unused' } as ExperimentSummary['experiment'],
    bestTrial:
      bestTrialId === undefined ? undefined : ({ id: bestTrialId } as ExperimentSummary['bestTrial']),
    trialCounts: {},
    firstTrialAt: undefined,
    lastTrialEndedAt: undefined,
    durationSeconds: undefined,
    trialSeconds: undefined,
    billableSeconds: undefined,
    derived: [],
    ...rest,
  };
}

function row(fields: Partial<TrialRow> & Pick<TrialRow, 'run' | 'trialId' | 'index'>): TrialRow {
  return {
    cloud: 'sagemaker',
    experimentId: 'xgb-auc',
    status: 'completed',
    providerStatus: 'Completed',
    objective: undefined,
    excluded: undefined,
    hyperParameters: {},
    startedAt: undefined,
    endedAt: undefined,
    durationSeconds: undefined,
    billableSeconds: undefined,
    instanceType: undefined,
    instanceCount: undefined,
    cost: undefined,
    ...fields,
  };
}

export function handBuiltComparison(): Comparison {
  const trials: TrialRow[] = [
    row({
      run: 'aws',
      trialId: 'job-1',
      index: 1,
      objective: 0.81,
      hyperParameters: { eta: 0.1, booster: 'gbtree' },
      startedAt: at('2026-01-01T00:00:00.000Z'),
      endedAt: at('2026-01-01T00:10:00.000Z'),
      durationSeconds: 600,
      billableSeconds: 540,
      instanceType: 'ml.m5.xlarge',
      instanceCount: 2,
      cost: 0.069,
    }),
    row({
      run: 'aws',
      trialId: 'job-2',
      index: 2,
      status: 'failed',
      providerStatus: 'Failed',
      excluded: 'failed',
      hyperParameters: { eta: 0.3, booster: 'dart, "fast"' },
      startedAt: at('2026-01-01T00:05:00.000Z'),
      endedAt: at('2026-01-01T00:06:30.000Z'),
      durationSeconds: 90,
      billableSeconds: 90,
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      cost: 0.00575,
    }),
    row({
      run: 'pai | east',
      cloud: 'pai',
      experimentId: 'exp-7',
      trialId: 't-1',
      index: 1,
      providerStatus: 'SUCCEEDED',
      objective: 0.84,
      hyperParameters: { eta: 0.05, max_depth: 6, early_stop: true },
      startedAt: at('2026-01-02T08:00:00.000Z'),
      endedAt: at('2026-01-02T09:02:03.000Z'),
      durationSeconds: 3723,
    }),
    row({
      run: 'pai | east',
      cloud: 'pai',
      experimentId: 'exp-7',
      trialId: 't-2',
      index: 2,
      providerStatus: 'SUCCEEDED',
      objective: Number.NaN,
      excluded: 'not-finite',
      hyperParameters: { eta: 2e-5, max_depth: 3, early_stop: false },
    }),
  ];
  return {
    objective: {
      metric: 'auc',
      direction: 'maximize',
      rule: 'mapped',
      runs: [
        { label: 'aws', metric: 'validation:auc', direction: 'maximize' },
        { label: 'pai | east', metric: 'auc\\val', direction: undefined },
      ],
    },
    tolerance: 0.01,
    bestValue: 0.84,
    runs: [
      {
        label: 'aws',
        cloud: 'sagemaker',
        experimentId: 'xgb-auc',
        experimentName: 'xgb auc',
        status: 'completed',
        providerStatus: 'Completed',
        summary: summary({
          bestTrialId: 'job-1',
          trialCounts: { total: 2, completed: 1, failed: 1, running: undefined },
          firstTrialAt: at('2026-01-01T00:00:00.000Z'),
          lastTrialEndedAt: at('2026-01-01T00:10:00.000Z'),
          durationSeconds: 600,
          trialSeconds: 690,
          billableSeconds: 630,
          derived: ['firstTrialAt', 'lastTrialEndedAt'],
        }),
        best: { trialId: 'job-1', value: 0.81, hyperParameters: { eta: 0.1, booster: 'gbtree' } },
        trialsToBest: 1,
        trialsToTolerance: undefined,
        secondsToTolerance: undefined,
        cost: 0.07475,
        unpricedTrials: 0,
      },
      {
        label: 'pai | east',
        cloud: 'pai',
        experimentId: 'exp-7',
        experimentName: 'xgb\nauc',
        status: 'stopped',
        providerStatus: 'STOPPED',
        summary: summary({
          trialCounts: { total: 2, completed: 2 },
          durationSeconds: 10_859.5,
          trialSeconds: 3723,
          derived: ['bestTrial', 'trialCounts', 'durationSeconds', 'trialSeconds'],
        }),
        best: {
          trialId: 't-1',
          value: 0.84,
          hyperParameters: { eta: 0.05, max_depth: 6, early_stop: true },
        },
        trialsToBest: 1,
        trialsToTolerance: 1,
        secondsToTolerance: 3723,
        cost: undefined,
        unpricedTrials: 2,
      },
    ],
    trials,
    parameters: ['eta', 'booster', 'early_stop', 'max_depth'],
    curves: [
      { run: 'aws', byTrial: [{ x: 1, best: 0.81, trialId: 'job-1' }], byTime: [] },
      {
        run: 'pai | east',
        byTrial: [
          { x: 1, best: 0.84, trialId: 't-1' },
          { x: 2, best: 0.84, trialId: 't-1' },
        ],
        byTime: [{ x: 3723, best: 0.84, trialId: 't-1' }],
      },
    ],
    importance: [
      { run: 'aws', method: 'epsilon-squared', trials: 1, parameters: [] },
      {
        run: 'pai | east',
        method: 'epsilon-squared',
        trials: 2,
        parameters: [
          { name: 'max_depth', importance: 0.75, effect: 0.3 },
          { name: 'eta', importance: 0.25, effect: 0.1 },
        ],
      },
    ],
    excluded: [
      { run: 'aws', trialId: 'job-2', reason: 'failed' },
      { run: 'pai | east', trialId: 't-2', reason: 'not-finite' },
    ],
    pricing: {
      prices: { 'ml.m5.xlarge': 0.23 },
      unpriced: [
        { run: 'pai | east', trialId: 't-1', reason: 'no-instance-type' },
        { run: 'pai | east', trialId: 't-2', reason: 'no-instance-type' },
      ],
    },
  };
}
