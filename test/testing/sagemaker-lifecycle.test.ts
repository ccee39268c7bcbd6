import { describe, expect, it } from 'vitest';
import { sagemakerFake } from '../../src/testing/index.js';
import { useFakes } from './helpers/msw-fake.js';
import {
  callSageMaker,
  type TrainingJobListWire,
  type TrainingJobWire,
  type TuningJobWire,
} from './helpers/sagemaker-call.js';
import { at, tuningJobRequest } from './helpers/sagemaker-fixtures.js';

const fake = sagemakerFake();
const limited = sagemakerFake({ region: 'eu-central-1', maxConcurrentTuningJobs: 1 });
useFakes(fake, limited);
const HOUR = 60 * 60_000;
const START_SECONDS = Date.UTC(2026, 0, 1) / 1000;

const describeJob = (name: string) =>
  callSageMaker<TuningJobWire>('DescribeHyperParameterTuningJob', { HyperParameterTuningJobName: name });
const listTrainingJobs = (name: string, extra: Record<string, unknown> = {}) =>
  callSageMaker<TrainingJobListWire>('ListTrainingJobsForHyperParameterTuningJob', {
    HyperParameterTuningJobName: name,
    MaxResults: 100,
    ...extra,
  });

describe('creating and describing a tuning job', () => {
  it('returns the lower-cased ARN and describes the new job as InProgress with empty counters', async () => {
    const created = await callSageMaker<{ HyperParameterTuningJobArn: string }>(
      'CreateHyperParameterTuningJob',
      tuningJobRequest('XGB-Tune-1'),
    );
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(created.headers.get('x-amzn-requestid')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created.json.HyperParameterTuningJobArn).toBe(
      'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/xgb-tune-1',
    );

    const described = await describeJob('XGB-Tune-1');
    expect(described.json).toMatchObject({
      HyperParameterTuningJobName: 'XGB-Tune-1',
      HyperParameterTuningJobStatus: 'InProgress',
      CreationTime: START_SECONDS,
      TrainingJobStatusCounters: {
        Completed: 0,
        InProgress: 0,
        RetryableError: 0,
        NonRetryableError: 0,
        Stopped: 0,
      },
      ObjectiveStatusCounters: { Succeeded: 0, Pending: 0, Failed: 0 },
      HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 2 } },
      TrainingJobDefinition: { RoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole' },
    });
    expect(described.json.BestTrainingJob).toBeUndefined();
    expect(described.json.HyperParameterTuningEndTime).toBeUndefined();
  });

  it('launches at most MaxParallelTrainingJobs at a time, named like SageMaker names them', async () => {
    await callSageMaker(
      'CreateHyperParameterTuningJob',
      tuningJobRequest('par', { maxJobs: 6, maxParallel: 2 }),
    );
    fake.clock.advance(31_000);
    const early = await listTrainingJobs('par');
    expect(early.json.TrainingJobSummaries.map((t) => t.TrainingJobStatus)).toEqual([
      'InProgress',
      'InProgress',
    ]);
    for (const [i, t] of early.json.TrainingJobSummaries.entries()) {
      expect(t.TrainingJobName).toMatch(new RegExp(`^par-00${i + 1}-[0-9a-f]{8}$`));
      expect(Object.keys(t.TunedHyperParameters).sort()).toEqual(['booster', 'eta', 'max_depth']);
      for (const value of Object.values(t.TunedHyperParameters)) expect(typeof value).toBe('string');
      expect(t.ObjectiveStatus).toBe('Pending');
    }

    fake.clock.advance(24 * HOUR);
    const done = await listTrainingJobs('par');
    const jobs = done.json.TrainingJobSummaries;
    expect(jobs).toHaveLength(6);
    // Sweep over start/end instants: never more than two jobs alive at once.
    const events = jobs.flatMap((t) => [
      [t.CreationTime, 1],
      [t.TrainingEndTime as number, -1],
    ]) as Array<[number, number]>;
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let alive = 0;
    for (const [, delta] of events) {
      alive += delta;
      expect(alive).toBeLessThanOrEqual(2);
    }
  });

  it('completes when every training job has finished, reporting the best one for Maximize', async () => {
    await callSageMaker(
      'CreateHyperParameterTuningJob',
      tuningJobRequest('full', { maxJobs: 8, maxParallel: 3 }),
    );
    fake.clock.advance(24 * HOUR);
    const { json: job } = await describeJob('full');
    const { json: list } = await listTrainingJobs('full');
    expect(job.HyperParameterTuningJobStatus).toBe('Completed');
    const counters = job.TrainingJobStatusCounters;
    expect(counters.Completed + counters.RetryableError + counters.NonRetryableError + counters.Stopped).toBe(
      8,
    );
    expect(counters.InProgress).toBe(0);
    const endTimes = list.TrainingJobSummaries.map((t) => t.TrainingEndTime as number);
    expect(job.HyperParameterTuningEndTime).toBe(Math.max(...endTimes));
    expect(job.ConsumedResources?.RuntimeInSeconds).toBe(
      Math.floor((job.HyperParameterTuningEndTime as number) - job.CreationTime),
    );
    const values = list.TrainingJobSummaries.flatMap(
      (t) => t.FinalHyperParameterTuningJobObjectiveMetric?.Value ?? [],
    );
    expect(job.BestTrainingJob?.FinalHyperParameterTuningJobObjectiveMetric).toEqual({
      Type: 'Maximize',
      MetricName: 'validation:auc',
      Value: Math.max(...values),
    });
    expect(job.ObjectiveStatusCounters.Succeeded).toBe(values.length);
  });

  it('picks the lowest value as best for Minimize objectives', async () => {
    await callSageMaker(
      'CreateHyperParameterTuningJob',
      tuningJobRequest('mini', { maxJobs: 6, objectiveType: 'Minimize' }),
    );
    fake.clock.advance(24 * HOUR);
    const { json: job } = await describeJob('mini');
    const { json: list } = await listTrainingJobs('mini');
    const values = list.TrainingJobSummaries.flatMap(
      (t) => t.FinalHyperParameterTuningJobObjectiveMetric?.Value ?? [],
    );
    expect(values.length).toBeGreaterThan(1);
    expect(job.BestTrainingJob?.FinalHyperParameterTuningJobObjectiveMetric?.Value).toBe(Math.min(...values));
  });

  it('stops launching once the target objective value is reached', async () => {
    const request = tuningJobRequest('target', { maxJobs: 20, maxParallel: 1 });
    at(request, 'HyperParameterTuningJobConfig').TuningJobCompletionCriteria = {
      TargetObjectiveMetricValue: 0.5,
    };
    await callSageMaker('CreateHyperParameterTuningJob', request);
    fake.clock.advance(24 * HOUR);
    const { json: job } = await describeJob('target');
    expect(job.HyperParameterTuningJobStatus).toBe('Completed');
    expect(job.ObjectiveStatusCounters.Succeeded).toBe(1);
    expect(fake.state.trainingJobsOf('target').length).toBeLessThan(20);
  });
});

describe('create validation', () => {
  it('rejects a duplicate name with ResourceInUse in its modeled wire form', async () => {
    await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('dup'));
    const again = await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('dup'));
    expect(again.status).toBe(400);
    expect(again.json).toEqual({
      __type: 'ResourceInUse',
      Message: 'A hyperparameter tuning job with the name, dup, already exists. Choose a different name.',
    });
  });

  it('reports model constraint violations together, phrased like AWS request validation', async () => {
    const request = tuningJobRequest('bad_name');
    delete at(request, 'HyperParameterTuningJobConfig').Strategy;
    delete at(request, 'HyperParameterTuningJobConfig', 'ResourceLimits').MaxParallelTrainingJobs;
    const response = await callSageMaker('CreateHyperParameterTuningJob', request);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'ValidationException',
      message:
        "3 validation errors detected: Value 'bad_name' at 'hyperParameterTuningJobName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}; ' +
        "Value null at 'hyperParameterTuningJobConfig.strategy' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'hyperParameterTuningJobConfig.resourceLimits.maxParallelTrainingJobs' failed to satisfy constraint: Member must not be null",
    });
  });

  it.each([
    [
      'MinValue above MaxValue',
      (r: Record<string, unknown>) => {
        at(r, 'HyperParameterTuningJobConfig', 'ParameterRanges').ContinuousParameterRanges = [
          { Name: 'eta', MinValue: '0.5', MaxValue: '0.1' },
        ];
      },
      /MinValue '0.5' of the hyperparameter 'eta' must be less than or equal to its MaxValue '0.1'/,
    ],
    [
      'Logarithmic scaling from zero',
      (r: Record<string, unknown>) => {
        at(r, 'HyperParameterTuningJobConfig', 'ParameterRanges').ContinuousParameterRanges = [
          { Name: 'eta', MinValue: '0', MaxValue: '0.5', ScalingType: 'Logarithmic' },
        ];
      },
      /Logarithmic scaling works only for ranges with values greater than 0/,
    ],
    [
      'ReverseLogarithmic on an integer range',
      (r: Record<string, unknown>) => {
        at(r, 'HyperParameterTuningJobConfig', 'ParameterRanges').IntegerParameterRanges = [
          { Name: 'max_depth', MinValue: '0', MaxValue: '0', ScalingType: 'ReverseLogarithmic' },
        ];
      },
      /ReverseLogarithmic scaling works only for continuous ranges/,
    ],
    [
      'a non-integer bound on an integer range',
      (r: Record<string, unknown>) => {
        at(r, 'HyperParameterTuningJobConfig', 'ParameterRanges').IntegerParameterRanges = [
          { Name: 'max_depth', MinValue: '2.5', MaxValue: '10' },
        ];
      },
      /MinValue '2.5' of the integer hyperparameter 'max_depth' is not a valid integer/,
    ],
    [
      'Grid search over a continuous range',
      (r: Record<string, unknown>) => {
        at(r, 'HyperParameterTuningJobConfig').Strategy = 'Grid';
      },
      /Grid search supports only categorical hyperparameters/,
    ],
    [
      'more parallel jobs than jobs',
      (r: Record<string, unknown>) => {
        at(r, 'HyperParameterTuningJobConfig', 'ResourceLimits').MaxParallelTrainingJobs = 30;
      },
      /MaxParallelTrainingJobs \(30\) must be less than or equal to MaxNumberOfTrainingJobs \(20\)/,
    ],
    [
      'no ranges at all',
      (r: Record<string, unknown>) => {
        at(r, 'HyperParameterTuningJobConfig').ParameterRanges = {};
      },
      /No hyperparameter ranges were specified/,
    ],
    [
      'a tuned hyperparameter that is also static',
      (r: Record<string, unknown>) => {
        at(r, 'TrainingJobDefinition', 'StaticHyperParameters').eta = '0.1';
      },
      /The hyperparameter 'eta' is specified more than once/,
    ],
    [
      'both TrainingJobDefinition and TrainingJobDefinitions',
      (r: Record<string, unknown>) => {
        r.TrainingJobDefinitions = [r.TrainingJobDefinition];
      },
      /exactly one of TrainingJobDefinition or TrainingJobDefinitions/,
    ],
  ])('rejects %s with ValidationException', async (_label, mutate, message) => {
    const request = tuningJobRequest('invalid');
    mutate(request);
    const response = await callSageMaker('CreateHyperParameterTuningJob', request);
    expect(response.status).toBe(400);
    expect(response.json.__type).toBe('ValidationException');
    expect(response.json.message).toMatch(message);
    expect(fake.state.tuningJob('invalid')).toBeUndefined();
  });

  it('answers a wrongly typed member with SerializationException', async () => {
    const request = tuningJobRequest('typed');
    at(request, 'HyperParameterTuningJobConfig', 'ResourceLimits').MaxParallelTrainingJobs = '2';
    const response = await callSageMaker('CreateHyperParameterTuningJob', request);
    expect(response.status).toBe(400);
    expect(response.json.__type).toBe('SerializationException');
  });
});

describe('stopping and deleting', () => {
  it('goes Stopping, then Stopped on the next clock movement, stopping running training jobs', async () => {
    await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('stopme', { maxJobs: 6 }));
    fake.clock.advance(5 * 60_000);
    const stopAt = fake.clock.now() / 1000;
    const stop = await callSageMaker('StopHyperParameterTuningJob', {
      HyperParameterTuningJobName: 'stopme',
    });
    expect(stop.status).toBe(200);
    expect(stop.text).toBe('');

    expect((await describeJob('stopme')).json.HyperParameterTuningJobStatus).toBe('Stopping');
    const stopping = await listTrainingJobs('stopme', { StatusEquals: 'Stopping' });
    expect(stopping.json.TrainingJobSummaries).toHaveLength(2);

    fake.clock.advance(1);
    const { json: stopped } = await describeJob('stopme');
    expect(stopped.HyperParameterTuningJobStatus).toBe('Stopped');
    expect(stopped.HyperParameterTuningEndTime).toBe(stopAt);
    const counters = stopped.TrainingJobStatusCounters;
    expect(counters).toMatchObject({ Stopped: 2, InProgress: 0 });
    expect(stopped.ObjectiveStatusCounters).toMatchObject({
      Pending: 0,
      Failed: counters.Stopped + counters.RetryableError + counters.NonRetryableError,
    });
    const launched = fake.state.trainingJobsOf('stopme').length;
    fake.clock.advance(24 * HOUR);
    expect(fake.state.trainingJobsOf('stopme')).toHaveLength(launched);

    const again = await callSageMaker('StopHyperParameterTuningJob', {
      HyperParameterTuningJobName: 'stopme',
    });
    expect(again.json.__type).toBe('ValidationException');
  });

  it('refuses to delete a running job, deletes a stopped one, and keeps its training jobs describable', async () => {
    await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('del', { maxJobs: 2 }));
    const early = await callSageMaker('DeleteHyperParameterTuningJob', {
      HyperParameterTuningJobName: 'del',
    });
    expect(early.status).toBe(400);
    expect(early.json.__type).toBe('ValidationException');
    expect(early.json.message).toMatch(/cannot be deleted while its status is InProgress/);

    fake.clock.advance(24 * HOUR);
    const trainingName = fake.state.trainingJobsOf('del')[0]?.name as string;
    const deleted = await callSageMaker('DeleteHyperParameterTuningJob', {
      HyperParameterTuningJobName: 'del',
    });
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe('');

    const gone = await describeJob('del');
    expect(gone.status).toBe(400);
    expect(gone.json).toEqual({
      __type: 'ResourceNotFound',
      Message: "Amazon SageMaker can't find a tuning job called del. Type another name.",
    });
    const training = await callSageMaker<TrainingJobWire>('DescribeTrainingJob', {
      TrainingJobName: trainingName,
    });
    expect(training.status).toBe(200);

    // The name is free again, and the new job's trials are new ones.
    await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('del', { maxJobs: 2 }));
    fake.clock.advance(60_000);
    expect(fake.state.trainingJobsOf('del')[0]?.name).not.toBe(trainingName);
  });
});

describe('training jobs', () => {
  it('describes a training job with its hyperparameters, metrics and status history', async () => {
    await callSageMaker(
      'CreateHyperParameterTuningJob',
      tuningJobRequest('tj', { maxJobs: 2, maxParallel: 1 }),
    );
    fake.clock.advance(31_000);
    const name = fake.state.trainingJobsOf('tj')[0]?.name as string;
    const starting = await callSageMaker<TrainingJobWire>('DescribeTrainingJob', { TrainingJobName: name });
    expect(starting.json).toMatchObject({
      TrainingJobName: name,
      TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${name}`,
      TuningJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/tj',
      TrainingJobStatus: 'InProgress',
      SecondaryStatus: 'Starting',
      FinalMetricDataList: [],
      AlgorithmSpecification: {
        TrainingInputMode: 'File',
        TrainingImage: expect.stringContaining('my-algo'),
      },
    });
    expect(starting.json.HyperParameters).toMatchObject({
      objective: 'binary:logistic',
      num_round: '100',
      _tuning_objective_metric: 'validation:auc',
      ...fake.state.trainingJob(name)?.tunedHyperParameters,
    });

    fake.clock.advance(24 * HOUR);
    const done = await callSageMaker<TrainingJobWire>('DescribeTrainingJob', { TrainingJobName: name });
    const record = fake.state.trainingJob(name);
    expect(done.json.TrainingJobStatus).toBe(record?.status);
    const statuses = done.json.SecondaryStatusTransitions.map((t) => t.Status);
    expect(statuses.slice(0, 2)).toEqual(['Starting', 'Downloading']);
    expect(statuses.at(-1)).toBe(done.json.SecondaryStatus);
    if (record?.metric !== undefined) {
      expect(done.json.FinalMetricDataList).toEqual([
        { MetricName: 'validation:auc', Value: record.metric, Timestamp: done.json.TrainingEndTime },
      ]);
    }
  });

  it('answers an unknown training job the way SageMaker does: ValidationException', async () => {
    const response = await callSageMaker('DescribeTrainingJob', { TrainingJobName: 'no-such-job' });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'ValidationException',
      message: 'Requested resource not found.',
    });
  });

  it('gives up after five failures without a success', async () => {
    // Only this test needs every trial to fail; a separate fake keeps the shared one realistic.
    const failing = sagemakerFake({ simulation: { failureRate: 1 } });
    failing.state.seedTuningJob({
      name: 'doomed',
      status: 'InProgress',
      maxNumberOfTrainingJobs: 20,
      maxParallelTrainingJobs: 1,
    });
    failing.clock.advance(24 * HOUR);
    const job = failing.state.tuningJob('doomed');
    expect(job?.status).toBe('Failed');
    expect(job?.failureReason).toBe(
      'No training job succeeded after 5 attempts. Please take a look at the training job failures to get more details.',
    );
    expect(
      failing.state.trainingJobsOf('doomed').every((t) => t.status === 'Failed' && t.failure !== undefined),
    ).toBe(true);
  });

  it('stops poor trials early under TrainingJobEarlyStoppingType Auto, keeping their metric', async () => {
    await callSageMaker(
      'CreateHyperParameterTuningJob',
      tuningJobRequest('early', { maxJobs: 20, maxParallel: 4, earlyStopping: 'Auto' }),
    );
    fake.clock.advance(24 * HOUR);
    const { json } = await listTrainingJobs('early', { StatusEquals: 'Stopped' });
    expect(json.TrainingJobSummaries.length).toBeGreaterThan(0);
    for (const t of json.TrainingJobSummaries) {
      expect(t.ObjectiveStatus).toBe('Succeeded');
      expect(t.FinalHyperParameterTuningJobObjectiveMetric?.Value).toEqual(expect.any(Number));
    }
  });
});

describe('protocol edges', () => {
  it('answers ResourceLimitExceeded once the concurrent tuning-job quota is used', async () => {
    const onLimited = { endpoint: limited.endpoint, region: 'eu-central-1' };
    expect(
      (await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('one'), onLimited)).status,
    ).toBe(200);
    const second = await callSageMaker('CreateHyperParameterTuningJob', tuningJobRequest('two'), onLimited);
    expect(second.status).toBe(400);
    expect(second.json.__type).toBe('ResourceLimitExceeded');
    expect(second.json.Message).toMatch(/'Number of concurrent hyperparameter tuning jobs' is 1 Jobs/);
  });

  it('answers UnknownOperationException for operations the fake does not implement', async () => {
    const response = await callSageMaker('CreateTrainingJob', {});
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'UnknownOperationException',
      message: 'The crosstune SageMaker fake does not implement SageMaker.CreateTrainingJob.',
    });
  });

  it('insists on the AWS JSON 1.1 content type and a JSON object body', async () => {
    const wrongType = await callSageMaker(
      'ListHyperParameterTuningJobs',
      {},
      { headers: { 'content-type': 'application/json' } },
    );
    expect(wrongType.json.__type).toBe('UnknownOperationException');
    const notObject = await callSageMaker('ListHyperParameterTuningJobs', [1, 2]);
    expect(notObject.json.__type).toBe('SerializationException');
  });
});
