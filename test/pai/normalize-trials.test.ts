/**
 * What a PAI trial and experiment read as, at the points the other tests leave open: how long an
 * ended trial ran, which FINAL value is the objective, what a listing leaves unread, and the field
 * paths a malformed answer is reported by when no path prefix is given.
 */
import { describe, expect, it } from 'vitest';
import { FieldFormatError } from '../../src/core/fields.js';
import { experimentFromWire, experimentObjective, trialFromWire } from '../../src/providers/pai/normalize.js';
import { fieldPathOf, thrown } from '../helpers/thrown.js';
import { trialItem } from './helpers/env.js';

describe('a trial’s usage', () => {
  const usage = (overrides: Record<string, unknown>) =>
    trialFromWire(trialItem('t', overrides) as never).usage;

  it('is the span from creation to the last change of an ended trial, in seconds, said to be derived', () => {
    expect(
      usage({
        Status: 'SUCCEEDED',
        GmtCreateTime: '2024-01-02 12:00:00',
        GmtModifiedTime: '2024-01-02 12:01:30',
      }),
    ).toEqual({ durationSeconds: 90, derived: ['durationSeconds'] });
    expect(
      usage({
        Status: 'FAILED',
        GmtCreateTime: '2024-01-02 12:00:00',
        GmtModifiedTime: '2024-01-03 12:00:00',
      })?.durationSeconds,
    ).toBe(86_400);
  });

  it('is never negative, and unknown while the trial runs or without a creation time', () => {
    expect(
      usage({
        Status: 'SUCCEEDED',
        GmtCreateTime: '2024-01-02 12:00:00',
        GmtModifiedTime: '2024-01-02 11:00:00',
      })?.durationSeconds,
    ).toBe(0);
    expect(usage({ Status: 'RUNNING' })).toBeUndefined();
    expect(usage({ Status: 'SUCCEEDED', GmtCreateTime: undefined })).toBeUndefined();
  });
});

describe('a trial’s objective and metrics', () => {
  it('takes the FINAL entry’s `default` value, not the entry’s first metric', () => {
    const trial = trialFromWire(
      trialItem('t', {
        FinalMetric: undefined,
        Metric: [{ loss: 0.2, default: 0.9, type: 'FINAL' }],
      }) as never,
    );
    expect(trial.objective).toEqual({ metric: 'default', value: 0.9 });
    expect(trial.metrics).toEqual([
      { name: 'loss', value: 0.2, step: 0, final: true },
      { name: 'default', value: 0.9, step: 0, final: true },
    ]);
  });

  it('skips a metric an already-parsed entry leaves undefined', () => {
    const trial = trialFromWire(
      trialItem('t', {
        FinalMetric: undefined,
        Metric: [{ default: 0.4, loss: undefined, type: 'FINAL' }],
      }) as never,
    );
    expect(trial.metrics).toEqual([{ name: 'default', value: 0.4, step: 0, final: true }]);
  });

  it('names a metric value that is no number by its entry and name', () => {
    const error = thrown(() =>
      trialFromWire(trialItem('t', { Metric: '[{"default": 1}, {"auc": "high"}]' }) as never),
    );
    expect(error).toBeInstanceOf(FieldFormatError);
    expect((error as Error).message).toBe('Metric.1.auc: expected a number, got "high"');
  });

  it('is read even when JobMeta, which only a training job needs, is malformed', () => {
    const trial = trialFromWire(trialItem('t', { JobMeta: '[1]' }) as never);
    expect(trial.objective).toEqual({ metric: 'default', value: 0.5 });
    expect(trial.raw.JobMeta).toBe('[1]');
  });
});

describe('fields named by their place in the answer, without a prefix', () => {
  it('for an experiment read alone', () => {
    expect(fieldPathOf(() => experimentFromWire({ ExperimentId: 'e', TrialStatus: '[1]' } as never))).toBe(
      'TrialStatus',
    );
    const badSpace = { x: { _type: 'uniform', _value: [1] } };
    expect(
      fieldPathOf(() =>
        experimentFromWire({
          ExperimentId: 'e',
          HpoExperimentConfiguration: { search_space: badSpace },
        } as never),
      ),
    ).toBe('HpoExperimentConfiguration.search_space');
    expect(fieldPathOf(() => experimentFromWire({ ExperimentId: 'e', SearchSpace: badSpace } as never))).toBe(
      'SearchSpace',
    );
  });

  it('for the objective read to order trials', () => {
    expect(
      fieldPathOf(() => experimentObjective({ ExperimentId: 'e', HpoExperimentConfiguration: '[1]' })),
    ).toBe('HpoExperimentConfiguration');
    expect(fieldPathOf(() => experimentObjective({ ExperimentId: 'e', ConfigYml: '- a' }))).toBe('ConfigYml');
    const config = {
      yml_config: { tuner: { class_args: { optimize_mode: 'maximize' } } },
      metric_config: { metric_dict: '[1]' },
    };
    expect(
      fieldPathOf(() => experimentObjective({ ExperimentId: 'e', HpoExperimentConfiguration: config })),
    ).toBe('HpoExperimentConfiguration.metric_config.metric_dict');
  });
});
