/**
 * SageMaker's normalizer field by field: which field a malformed value is reported under (the
 * wire schemas let no malformed time through today; the normalizer must still name the field if
 * one does), trial counts, limits and objectives when members are missing, and early stopping.
 */
import { describe, expect, it } from 'vitest';
import {
  experimentFromDescribe,
  experimentFromSummary,
  objectiveOf,
  trialContext,
  trialFromSummary,
  trialFromTrainingJob,
} from '../../src/providers/sagemaker/normalize.js';
import { fieldPathOf } from '../helpers/thrown.js';

const describeJob = (overrides: Record<string, unknown> = {}, config: Record<string, unknown> = {}) =>
  ({
    HyperParameterTuningJobName: 'job',
    HyperParameterTuningJobArn: 'arn:job',
    HyperParameterTuningJobStatus: 'Completed',
    CreationTime: 1_700_000_000,
    HyperParameterTuningJobConfig: {
      Strategy: 'Bayesian',
      ResourceLimits: { MaxNumberOfTrainingJobs: 8, MaxParallelTrainingJobs: 2 },
      HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'auc' },
      ...config,
    },
    ...overrides,
  }) as never;

const summary = (overrides: Record<string, unknown> = {}) =>
  ({
    TrainingJobName: 'job-001',
    TrainingJobArn: 'arn:job-001',
    TrainingJobStatus: 'Completed',
    CreationTime: 1_700_000_000,
    TunedHyperParameters: {},
    ...overrides,
  }) as never;

const context = trialContext(describeJob());

const pathOf = fieldPathOf;

describe('a malformed field is named', () => {
  it('on a tuning job described', () => {
    for (const field of ['CreationTime', 'HyperParameterTuningEndTime', 'LastModifiedTime']) {
      expect(pathOf(() => experimentFromDescribe(describeJob({ [field]: 'soon' })))).toBe(field);
      expect(
        pathOf(() =>
          experimentFromSummary(
            describeJob({ [field]: 'soon', HyperParameterTuningJobConfig: undefined, Strategy: 'Bayesian' }),
          ),
        ),
      ).toBe(field);
    }
  });

  it('on a training job listed or described', () => {
    for (const field of ['CreationTime', 'TrainingStartTime', 'TrainingEndTime']) {
      expect(pathOf(() => trialFromSummary(summary({ [field]: 'soon' }), context))).toBe(field);
      expect(pathOf(() => trialFromTrainingJob(summary({ [field]: 'soon' }), context))).toBe(field);
    }
    const objective = { MetricName: 'auc', Value: 'high' };
    expect(
      pathOf(() =>
        trialFromSummary(summary({ FinalHyperParameterTuningJobObjectiveMetric: objective }), context),
      ),
    ).toBe('FinalHyperParameterTuningJobObjectiveMetric.Value');
    const metrics = [
      { MetricName: 'auc', Value: 0.5, Timestamp: 1_700_000_000 },
      { MetricName: 'loss', Value: 'low' },
    ];
    expect(pathOf(() => trialFromTrainingJob(summary({ FinalMetricDataList: metrics }), context))).toBe(
      'FinalMetricDataList.1.Value',
    );
    const late = [
      { MetricName: 'auc', Value: 0.5 },
      { MetricName: 'loss', Value: 1, Timestamp: 'later' },
    ];
    expect(pathOf(() => trialFromTrainingJob(summary({ FinalMetricDataList: late }), context))).toBe(
      'FinalMetricDataList.1.Timestamp',
    );
    expect(
      pathOf(() =>
        trialFromTrainingJob(
          summary({ HyperParameters: { eta: 'fast' } }),
          trialContext(
            describeJob(
              {},
              {
                ParameterRanges: {
                  ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0', MaxValue: '1' }],
                },
              },
            ),
          ),
        ),
      ),
    ).toMatch(/^HyperParameters/);
  });
});

describe('tuning-job fields when members are missing', () => {
  it('counts trials from whichever counters are there, the total their sum', () => {
    expect(experimentFromDescribe(describeJob({ TrainingJobStatusCounters: undefined })).trialCounts).toEqual(
      {},
    );
    expect(
      experimentFromDescribe(
        describeJob({
          TrainingJobStatusCounters: {
            Completed: 1,
            InProgress: 2,
            Stopped: 4,
            RetryableError: 8,
            NonRetryableError: 16,
          },
        }),
      ).trialCounts,
    ).toEqual({ completed: 1, running: 2, stopped: 4, failed: 24, total: 31 });
    expect(
      experimentFromDescribe(describeJob({ TrainingJobStatusCounters: { Completed: 3 } })).trialCounts,
    ).toEqual({ completed: 3, running: 0, stopped: 0, failed: 0, total: 3 });
  });

  it('reads a listed job without resource limits, and its limits when there', () => {
    const bare = describeJob({ HyperParameterTuningJobConfig: undefined, Strategy: 'Random' });
    expect(experimentFromSummary(bare).limits).toEqual({
      maxTrials: undefined,
      maxParallelTrials: undefined,
      maxRuntimeSeconds: undefined,
    });
    const limited = describeJob({
      HyperParameterTuningJobConfig: undefined,
      ResourceLimits: { MaxNumberOfTrainingJobs: 5, MaxParallelTrainingJobs: 1, MaxRuntimeInSeconds: 60 },
    });
    expect(experimentFromSummary(limited).limits).toEqual({
      maxTrials: 5,
      maxParallelTrials: 1,
      maxRuntimeSeconds: 60,
    });
  });

  it('reads the objective and its direction, or none', () => {
    expect(
      objectiveOf({ HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'auc' } }),
    ).toEqual({
      metric: 'auc',
      direction: 'maximize',
    });
    expect(
      objectiveOf({ HyperParameterTuningJobObjective: { Type: 'Minimize', MetricName: 'loss' } }),
    ).toEqual({
      metric: 'loss',
      direction: 'minimize',
    });
    expect(objectiveOf({})).toBeUndefined();
    expect(
      trialContext(describeJob({}, { HyperParameterTuningJobObjective: undefined })).objectiveMetric,
    ).toBe(undefined);
  });

  it('counts early stopping on for Auto or Hyperband only', () => {
    const early = (config: Record<string, unknown>) => trialContext(describeJob({}, config)).earlyStopping;
    expect(early({ TrainingJobEarlyStoppingType: 'Auto' })).toBe(true);
    expect(early({ Strategy: 'Hyperband', TrainingJobEarlyStoppingType: 'Off' })).toBe(true);
    expect(early({ TrainingJobEarlyStoppingType: 'Off' })).toBe(false);
    expect(early({ Strategy: 'Bayesian' })).toBe(false);
  });
});

describe('training-job metrics', () => {
  it('keeps every final metric, a nameless one under "", and takes the objective by name', () => {
    const trial = trialFromTrainingJob(
      summary({
        TrainingJobStatus: 'Stopped',
        FinalMetricDataList: [{ Value: 1 }, { MetricName: 'auc', Value: '0.75', Timestamp: 1_700_000_001 }],
      }),
      trialContext(describeJob({}, { TrainingJobEarlyStoppingType: 'Auto' })),
    );
    expect(trial.metrics).toEqual([
      { name: '', value: 1, timestamp: undefined, final: true },
      { name: 'auc', value: 0.75, timestamp: new Date(1_700_000_001_000), final: true },
    ]);
    expect(trial.objective).toEqual({ metric: 'auc', value: 0.75 });
    expect(trial.status).toBe('early_stopped');
    const without = trialFromTrainingJob(summary({ TrainingJobStatus: 'Stopped' }), context);
    expect([without.metrics, without.objective, without.status]).toEqual([[], undefined, 'stopped']);
  });

  it('gives a listed job its objective as its only metric, or none', () => {
    const listed = trialFromSummary(
      summary({ FinalHyperParameterTuningJobObjectiveMetric: { MetricName: 'auc', Value: '0.5' } }),
      context,
    );
    expect([listed.metrics, listed.objective]).toEqual([
      [{ name: 'auc', value: 0.5, final: true }],
      { metric: 'auc', value: 0.5 },
    ]);
    const none = trialFromSummary(summary(), context);
    expect([none.metrics, none.objective]).toEqual([[], undefined]);
  });
});
