/**
 * Normalizing what SageMaker may send: generated training-job summaries (valid per the wire
 * schema, statuses including words crosstune does not know) served by a plain msw handler and
 * read through the whole adapter; plus tuning-job status words it does not know.
 */
import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrialStatus } from '../../src/index.js';
import { client, operationOf } from './helpers/env.js';

interface Summary {
  TrainingJobName: string;
  TrainingJobArn: string;
  CreationTime: number;
  TrainingStartTime?: number;
  TrainingEndTime?: number;
  TrainingJobStatus: string;
  TunedHyperParameters: Record<string, string>;
  FailureReason?: string;
  FinalHyperParameterTuningJobObjectiveMetric?: { Type?: string; MetricName: string; Value: number | string };
  ObjectiveStatus?: string;
  TuningJobName?: string;
  TrainingJobDefinitionName?: string;
}

const RANGES = {
  IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10' }],
  ContinuousParameterRanges: [{ Name: 'eta', MinValue: '0.01', MaxValue: '0.5' }],
  CategoricalParameterRanges: [
    { Name: 'booster', Values: ['gbtree', 'dart'] },
    { Name: 'scale_pos_weight', Values: ['1', '2.5', '10'] },
  ],
};
const TUNED = new Set(['max_depth', 'eta', 'booster', 'scale_pos_weight']);
const KNOWN: Readonly<Record<string, TrialStatus>> = {
  InProgress: 'running',
  Completed: 'completed',
  Failed: 'failed',
  Stopping: 'stopping',
  Stopped: 'stopped',
};
const SPECIAL: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

// Epoch seconds up to 2100, whole or fractional.
const epochSeconds = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800 }),
  fc.double({ min: 0, max: 4_102_444_800, noNaN: true }).map((s) => (Object.is(s, -0) ? 0 : s)),
);
const finiteFloat = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .map((v) => (Object.is(v, -0) ? 0 : v));
const statusWord = fc.oneof(
  fc.constantFrom('InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'),
  // Words that are properties of every object: a lookup table must not answer for them.
  fc.constantFrom(
    'Deleting',
    'Pending',
    'stopped',
    'COMPLETED',
    '',
    'valueOf',
    'toString',
    '__proto__',
    'constructor',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const tunedValues = fc.record(
  {
    max_depth: fc.integer({ min: 3, max: 10 }).map(String),
    eta: fc.double({ min: 0.01, max: 0.5, noNaN: true }).map(String),
    booster: fc.constantFrom('gbtree', 'dart'),
    scale_pos_weight: fc.constantFrom('1', '2.5', '10'),
  },
  { requiredKeys: [] },
);
const staticValues = fc.dictionary(
  fc.string({ maxLength: 10 }).filter((k) => !TUNED.has(k) && k !== '__proto__'),
  fc.string({ maxLength: 10 }),
  { maxKeys: 3, noNullPrototype: true },
);
const summaryArb: fc.Arbitrary<Summary> = fc.record(
  {
    TrainingJobName: fc.string({ minLength: 1, maxLength: 20 }),
    TrainingJobArn: fc.string({ maxLength: 20 }),
    CreationTime: epochSeconds,
    TrainingStartTime: epochSeconds,
    TrainingEndTime: epochSeconds,
    TrainingJobStatus: statusWord,
    TunedHyperParameters: fc.tuple(staticValues, tunedValues).map(([s, t]) => ({ ...s, ...t })),
    FailureReason: fc.string({ maxLength: 30 }),
    FinalHyperParameterTuningJobObjectiveMetric: fc.record(
      {
        Type: fc.constantFrom('Maximize', 'Minimize'),
        MetricName: fc.string({ maxLength: 15 }),
        Value: fc.oneof(finiteFloat, fc.constantFrom('NaN', 'Infinity', '-Infinity')),
      },
      { requiredKeys: ['MetricName', 'Value'] },
    ),
    ObjectiveStatus: fc.oneof(fc.constantFrom('Succeeded', 'Pending', 'Failed'), fc.string({ maxLength: 8 })),
    TuningJobName: fc.string({ maxLength: 10 }),
    TrainingJobDefinitionName: fc.string({ maxLength: 10 }),
  },
  {
    requiredKeys: [
      'TrainingJobName',
      'TrainingJobArn',
      'CreationTime',
      'TrainingJobStatus',
      'TunedHyperParameters',
    ],
  },
);

/** What the plain handler answers with; each property run sets it. */
let answer: { summaries: Summary[]; earlyStopping: boolean; tuningStatus: string } = {
  summaries: [],
  earlyStopping: false,
  tuningStatus: 'Completed',
};

const server = setupServer(
  http.post('https://api.sagemaker.us-east-1.amazonaws.com/', ({ request }) => {
    const operation = operationOf(request);
    if (operation === 'DescribeHyperParameterTuningJob') {
      return HttpResponse.json({
        HyperParameterTuningJobName: 'prop-job',
        HyperParameterTuningJobArn:
          'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/prop-job',
        HyperParameterTuningJobConfig: {
          Strategy: 'Bayesian',
          HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
          ResourceLimits: { MaxParallelTrainingJobs: 2 },
          ParameterRanges: RANGES,
          TrainingJobEarlyStoppingType: answer.earlyStopping ? 'Auto' : 'Off',
        },
        HyperParameterTuningJobStatus: answer.tuningStatus,
        CreationTime: 1767225600,
        TrainingJobStatusCounters: {},
        ObjectiveStatusCounters: {},
      });
    }
    if (operation === 'ListTrainingJobsForHyperParameterTuningJob') {
      return HttpResponse.json({ TrainingJobSummaries: answer.summaries });
    }
    return HttpResponse.json(
      { __type: 'UnknownOperationException', message: String(operation) },
      { status: 400 },
    );
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const sm = client();

describe('normalizing training-job summaries', () => {
  it('never throws; known statuses map, others are unknown with the word kept; raw is the input', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Names unique: a listing that repeats a training job hands it over once (paging's repeat guard).
        fc.uniqueArray(summaryArb, { maxLength: 4, selector: (summary) => summary.TrainingJobName }),
        fc.boolean(),
        async (summaries, earlyStopping) => {
          answer = { summaries, earlyStopping, tuningStatus: 'Completed' };
          const trials = await sm.trials.list('prop-job').toArray();

          expect(trials).toHaveLength(summaries.length);
          for (const [i, trial] of trials.entries()) {
            const summary = summaries[i] as Summary;
            expect(trial.raw).toEqual(summary);
            expect(trial.id).toBe(summary.TrainingJobName);
            expect(trial.providerStatus).toBe(summary.TrainingJobStatus);
            const word = summary.TrainingJobStatus;
            const known = Object.hasOwn(KNOWN, word) ? KNOWN[word] : undefined;
            const early = word === 'Stopped' && earlyStopping && summary.ObjectiveStatus === 'Succeeded';
            expect(trial.status).toBe(early ? 'early_stopped' : (known ?? 'unknown'));

            const metric = summary.FinalHyperParameterTuningJobObjectiveMetric;
            expect(trial.objective !== undefined).toBe(metric !== undefined);
            expect(trial.metrics).toHaveLength(metric ? 1 : 0);
            if (metric) {
              const value = typeof metric.Value === 'string' ? SPECIAL[metric.Value] : metric.Value;
              expect(trial.objective?.value).toBe(value);
              expect(trial.objective?.metric).toBe(metric.MetricName);
              expect(trial.metrics[0]).toEqual({ name: metric.MetricName, value, final: true });
            }

            expect(trial.createdAt?.getTime()).toBe(Math.round(summary.CreationTime * 1000));
            expect(trial.endedAt?.getTime()).toBe(
              summary.TrainingEndTime === undefined ? undefined : Math.round(summary.TrainingEndTime * 1000),
            );
            for (const [name, text] of Object.entries(summary.TunedHyperParameters)) {
              const value = trial.hyperParameters[name];
              if (name === 'booster' || !TUNED.has(name)) expect(value).toBe(text);
              else expect(value).toBe(Number(text));
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('normalizing tuning-job statuses', () => {
  it.each([
    ['InProgress', 'running'],
    ['DeleteFailed', 'failed'],
    ['Paused', 'unknown'],
    ['completed', 'unknown'],
    ['toString', 'unknown'],
    ['__proto__', 'unknown'],
  ])('reads %s as %s, keeping the word', async (word, status) => {
    answer = { summaries: [], earlyStopping: false, tuningStatus: word };
    const experiment = await sm.experiments.get('prop-job');
    expect(experiment.status).toBe(status);
    expect(experiment.providerStatus).toBe(word);
    expect((experiment.raw as { HyperParameterTuningJobStatus: string }).HyperParameterTuningJobStatus).toBe(
      word,
    );
  });
});
