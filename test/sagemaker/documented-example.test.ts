/**
 * The ListTrainingJobsForHyperParameterTuningJob example from the API reference, served by a plain
 * msw handler (no fake), read by trials.list. The reference page shows only its "Response Syntax"
 * template; the fixture is that template with its four `number` placeholders filled in, so every
 * string member is the word "string" (see test/sagemaker/codegen.test.ts).
 */
import { readFileSync } from 'node:fs';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AWS_CREDENTIALS } from '../../src/testing/index.js';
import { SigV4Verifier } from '../../src/testing/sagemaker/auth.js';
import { client, operationOf } from './helpers/env.js';

const example = JSON.parse(
  readFileSync(
    new URL('../fixtures/sagemaker/list-training-jobs-for-tuning-job.json', import.meta.url),
    'utf8',
  ),
) as { NextToken: string; TrainingJobSummaries: Array<Record<string, unknown>> };

/** The smallest DescribeHyperParameterTuningJob answer the wire schema accepts. */
const tuningJob = {
  HyperParameterTuningJobName: 'xgb-doc-example',
  HyperParameterTuningJobArn:
    'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/xgb-doc-example',
  HyperParameterTuningJobConfig: {
    Strategy: 'Bayesian',
    HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'string' },
    ResourceLimits: { MaxNumberOfTrainingJobs: 10, MaxParallelTrainingJobs: 2 },
  },
  HyperParameterTuningJobStatus: 'Completed',
  CreationTime: 1735689000,
  TrainingJobStatusCounters: {},
  ObjectiveStatusCounters: {},
};

const verifier = new SigV4Verifier({
  credentials: [FAKE_AWS_CREDENTIALS],
  region: 'us-east-1',
  service: 'sagemaker',
});
const accepted: Array<{ operation: string | undefined; input: Record<string, unknown> }> = [];

const server = setupServer(
  http.post('https://api.sagemaker.us-east-1.amazonaws.com/', async ({ request }) => {
    const text = await request.clone().text();
    const refused = await verifier.verify(request, text);
    if (refused)
      return HttpResponse.json({ __type: refused.code, message: refused.message }, { status: 400 });
    const operation = operationOf(request);
    const input = JSON.parse(text) as Record<string, unknown>;
    accepted.push({ operation, input });
    if (operation === 'DescribeHyperParameterTuningJob') return HttpResponse.json(tuningJob);
    if (operation === 'ListTrainingJobsForHyperParameterTuningJob') {
      // The example's NextToken is the word "string": the page after it is empty.
      return HttpResponse.json(input.NextToken === 'string' ? { TrainingJobSummaries: [] } : example);
    }
    return HttpResponse.json(
      { __type: 'UnknownOperationException', message: 'not in this test' },
      { status: 400 },
    );
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  accepted.length = 0;
});
afterAll(() => server.close());

describe('the documented ListTrainingJobsForHyperParameterTuningJob example', () => {
  it('is normalized by trials.list: values, dates, status, objective, raw', async () => {
    const trials = await client().trials.list('xgb-doc-example').toArray();
    const summary = example.TrainingJobSummaries[0];

    expect(trials).toHaveLength(1);
    const [trial] = trials;
    expect(trial).toEqual({
      provider: 'sagemaker',
      id: 'string',
      experimentId: 'xgb-doc-example',
      name: 'string',
      // "string" is no SageMaker status: unknown, with the word kept.
      status: 'unknown',
      providerStatus: 'string',
      hyperParameters: { string: 'string' },
      objective: { metric: 'string', value: 0.9312 },
      metrics: [{ name: 'string', value: 0.9312, final: true }],
      createdAt: new Date('2025-01-01T00:00:00.000Z'),
      startedAt: new Date('2025-01-01T00:01:00.000Z'),
      endedAt: new Date('2025-01-01T01:01:00.500Z'),
      // From start to end; the tuning job names no instances, so no billed time is derived.
      usage: { durationSeconds: 3600.5, derived: ['durationSeconds'] },
      failureReason: 'string',
      raw: summary,
    });
  });

  it('was requested with signed calls the verifier accepted, and the example NextToken followed', async () => {
    const pages = [];
    for await (const page of client().trials.list('xgb-doc-example').pages()) pages.push(page);

    expect(pages.map((p) => p.items.length)).toEqual([1, 0]);
    expect(pages[0]?.raw).toEqual(example);
    expect(pages[0]?.cursor).toEqual(expect.any(String));
    expect(pages[1]?.cursor).toBeUndefined();
    expect(accepted.map((a) => a.operation)).toEqual([
      'DescribeHyperParameterTuningJob',
      'ListTrainingJobsForHyperParameterTuningJob',
      'ListTrainingJobsForHyperParameterTuningJob',
    ]);
    expect(accepted[1]?.input).toEqual({ HyperParameterTuningJobName: 'xgb-doc-example', SortBy: 'Name' });
    expect(accepted[2]?.input).toMatchObject({ NextToken: 'string' });
  });

  it('reads as a TrainingJob too, with the same values', async () => {
    const [job] = await client().trainingJobs.list('xgb-doc-example').toArray();
    expect(job).toMatchObject({
      id: 'string',
      name: 'string',
      trialId: 'string',
      experimentId: 'xgb-doc-example',
      status: 'unknown',
      providerStatus: 'string',
      metrics: [{ name: 'string', value: 0.9312, final: true }],
      endedAt: new Date('2025-01-01T01:01:00.500Z'),
    });
    expect(job?.raw).toEqual(example.TrainingJobSummaries[0]);
  });
});
