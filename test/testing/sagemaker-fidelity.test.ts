/**
 * The official AWS SDK, pointed at the fake, is the proof that the fake speaks SageMaker's real
 * protocol: JSON 1.1 framing, SigV4, epoch-second timestamps, error codes and paging tokens.
 */
import {
  CreateHyperParameterTuningJobCommand,
  type CreateHyperParameterTuningJobCommandInput,
  DeleteHyperParameterTuningJobCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeTrainingJobCommand,
  ListHyperParameterTuningJobsCommand,
  paginateListTrainingJobsForHyperParameterTuningJob,
  ResourceNotFound,
  SageMakerClient,
  SageMakerServiceException,
  StopHyperParameterTuningJobCommand,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { FAKE_AWS_CREDENTIALS } from '../../src/testing/index.js';
import { useSageMakerFake } from './helpers/msw-fake.js';
import { tuningJobRequest } from './helpers/sagemaker-fixtures.js';

const fake = useSageMakerFake({ seed: 11 });
const HOUR = 60 * 60_000;

function client(overrides: Partial<ConstructorParameters<typeof SageMakerClient>[0]> = {}) {
  return new SageMakerClient({
    region: fake.region,
    endpoint: fake.endpoint,
    credentials: FAKE_AWS_CREDENTIALS,
    maxAttempts: 1,
    ...overrides,
  });
}

const request = (name: string, maxJobs = 7) =>
  tuningJobRequest(name, { maxJobs, maxParallel: 2 }) as unknown as CreateHyperParameterTuningJobCommandInput;

describe('@aws-sdk/client-sagemaker against the fake', () => {
  it('creates, describes, lists, pages, stops and deletes tuning jobs', async () => {
    const sm = client();
    const created = await sm.send(new CreateHyperParameterTuningJobCommand(request('sdk-job')));
    expect(created.HyperParameterTuningJobArn).toBe(
      'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/sdk-job',
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const described = await sm.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'sdk-job' }),
    );
    expect(described.HyperParameterTuningJobStatus).toBe('InProgress');
    expect(described.CreationTime).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(
      described.HyperParameterTuningJobConfig?.ParameterRanges?.CategoricalParameterRanges?.[0]?.Values,
    ).toEqual(['gbtree', 'dart']);

    const listed = await sm.send(new ListHyperParameterTuningJobsCommand({ SortBy: 'CreationTime' }));
    expect(listed.HyperParameterTuningJobSummaries?.map((s) => s.HyperParameterTuningJobName)).toEqual([
      'sdk-job',
    ]);

    fake.clock.advance(24 * HOUR);
    const names: string[] = [];
    const pageSizes: number[] = [];
    for await (const page of paginateListTrainingJobsForHyperParameterTuningJob(
      { client: sm, pageSize: 3 },
      { HyperParameterTuningJobName: 'sdk-job' },
    )) {
      pageSizes.push(page.TrainingJobSummaries?.length ?? 0);
      for (const summary of page.TrainingJobSummaries ?? []) {
        names.push(summary.TrainingJobName as string);
        expect(summary.CreationTime).toBeInstanceOf(Date);
      }
    }
    expect(pageSizes).toEqual([3, 3, 1]);
    expect(names).toEqual(fake.state.trainingJobsOf('sdk-job').map((t) => t.name));

    const done = await sm.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'sdk-job' }),
    );
    expect(done.HyperParameterTuningJobStatus).toBe('Completed');
    expect(done.BestTrainingJob?.FinalHyperParameterTuningJobObjectiveMetric?.Value).toEqual(
      expect.any(Number),
    );
    const training = await sm.send(new DescribeTrainingJobCommand({ TrainingJobName: names[0] }));
    expect(training.HyperParameters?._tuning_objective_metric).toBe('validation:auc');
    expect(training.TrainingEndTime).toBeInstanceOf(Date);

    await sm.send(new CreateHyperParameterTuningJobCommand(request('sdk-stop')));
    fake.clock.advance(10 * 60_000);
    await sm.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'sdk-stop' }));
    const stopping = await sm.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'sdk-stop' }),
    );
    expect(stopping.HyperParameterTuningJobStatus).toBe('Stopping');
    fake.clock.advance(1_000);
    const stopped = await sm.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'sdk-stop' }),
    );
    expect(stopped.HyperParameterTuningJobStatus).toBe('Stopped');

    await sm.send(new DeleteHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'sdk-stop' }));
    const missing = await sm
      .send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'sdk-stop' }))
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ResourceNotFound);
    expect((missing as ResourceNotFound).message).toBe(
      "Amazon SageMaker can't find a tuning job called sdk-stop. Type another name.",
    );
    expect((missing as ResourceNotFound).$metadata.httpStatusCode).toBe(400);
  });

  it('surfaces ValidationException with the service message', async () => {
    const bad = request('bad_name');
    const error = await client()
      .send(new CreateHyperParameterTuningJobCommand(bad))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect((error as SageMakerServiceException).name).toBe('ValidationException');
    expect((error as SageMakerServiceException).message).toMatch(
      /^1 validation error detected: Value 'bad_name'/,
    );
  });

  it('reports a wrong secret as InvalidSignatureException with HTTP 400', async () => {
    const wrong = client({ credentials: { ...FAKE_AWS_CREDENTIALS, secretAccessKey: 'wrong' } });
    const error = await wrong.send(new ListHyperParameterTuningJobsCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SageMakerServiceException);
    const sdkError = error as SageMakerServiceException;
    expect(sdkError.name).toBe('InvalidSignatureException');
    expect(sdkError.$fault).toBe('client');
    expect(sdkError.$metadata.httpStatusCode).toBe(400);
    expect(sdkError.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('is retried by the SDK on ThrottlingException, which the SDK classifies by code despite HTTP 400', async () => {
    fake.faults.inject({ kind: 'throttle', operation: 'ListHyperParameterTuningJobs', times: 1 });
    const result = await client({ maxAttempts: 2 }).send(new ListHyperParameterTuningJobsCommand({}));
    expect(result.$metadata.attempts).toBe(2);
    const attempts = fake.requests.filter((r) => r.operation === 'ListHyperParameterTuningJobs');
    expect(attempts.map((r) => [r.status, r.headers['amz-sdk-request']])).toEqual([
      [400, 'attempt=1; max=2'],
      [200, 'attempt=2; max=2'],
    ]);
  });
});
