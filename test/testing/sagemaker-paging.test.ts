import { describe, expect, it } from 'vitest';
import { useSageMakerFake } from './helpers/msw-fake.js';
import { callSageMaker, type TrainingJobListWire, type TuningJobListWire } from './helpers/sagemaker-call.js';

const fake = useSageMakerFake();
const START = Date.UTC(2026, 0, 1);

async function listAllTuningJobs(input: Record<string, unknown>) {
  const pages: string[][] = [];
  let token: string | undefined;
  do {
    const { status, json } = await callSageMaker<TuningJobListWire>('ListHyperParameterTuningJobs', {
      ...input,
      ...(token ? { NextToken: token } : {}),
    });
    expect(status).toBe(200);
    pages.push(json.HyperParameterTuningJobSummaries.map((s) => s.HyperParameterTuningJobName));
    token = json.NextToken;
  } while (token);
  return pages;
}

function seedJobs(count: number) {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `job-${String(i).padStart(2, '0')}`;
    fake.state.seedTuningJob({
      name,
      createdAt: START + (count - i) * 60_000,
      status: i % 3 === 0 ? 'Failed' : 'Completed',
    });
    names.push(name);
  }
  return names;
}

describe('ListHyperParameterTuningJobs', () => {
  it('pages by 10 by default, sorted by name ascending', async () => {
    const names = seedJobs(25);
    const pages = await listAllTuningJobs({});
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(names);
  });

  it('honours MaxResults, SortBy, SortOrder and the filters', async () => {
    const names = seedJobs(25);
    expect((await listAllTuningJobs({ MaxResults: 7 })).map((p) => p.length)).toEqual([7, 7, 7, 4]);
    expect((await listAllTuningJobs({ SortOrder: 'Descending', MaxResults: 100 })).flat()).toEqual(
      [...names].reverse(),
    );
    // Later names were created earlier, so CreationTime ascending is name descending.
    expect((await listAllTuningJobs({ SortBy: 'CreationTime', MaxResults: 100 })).flat()).toEqual(
      [...names].reverse(),
    );
    const failed = (await listAllTuningJobs({ StatusEquals: 'Failed', MaxResults: 100 })).flat();
    expect(failed).toEqual(names.filter((_, i) => i % 3 === 0));
    expect((await listAllTuningJobs({ NameContains: 'JOB-1' })).flat()).toEqual(names.slice(10, 20));
    const after = (START + 20 * 60_000) / 1000;
    expect((await listAllTuningJobs({ CreationTimeAfter: after, MaxResults: 100 })).flat()).toEqual(
      names.slice(0, 5),
    );
    expect((await listAllTuningJobs({ CreationTimeBefore: after, MaxResults: 100 })).flat()).toEqual(
      names.slice(6),
    );
  });

  it('returns counters and limits in each summary', async () => {
    fake.state.seedTuningJob({ name: 'counted', maxNumberOfTrainingJobs: 10, maxParallelTrainingJobs: 2 });
    fake.state.seedTrainingJobs('counted', 3);
    fake.state.seedTrainingJobs('counted', 1, { status: 'Failed' });
    const { json } = await callSageMaker<{ HyperParameterTuningJobSummaries: unknown[] }>(
      'ListHyperParameterTuningJobs',
      {},
    );
    expect(json.HyperParameterTuningJobSummaries).toEqual([
      expect.objectContaining({
        HyperParameterTuningJobName: 'counted',
        HyperParameterTuningJobStatus: 'Completed',
        Strategy: 'Bayesian',
        TrainingJobStatusCounters: {
          Completed: 3,
          InProgress: 0,
          RetryableError: 0,
          NonRetryableError: 1,
          Stopped: 0,
        },
        ObjectiveStatusCounters: { Succeeded: 3, Pending: 0, Failed: 1 },
        ResourceLimits: { MaxParallelTrainingJobs: 2, MaxNumberOfTrainingJobs: 10 },
      }),
    ]);
  });

  it.each([
    [
      { MaxResults: 0 },
      "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      { MaxResults: 101 },
      "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    ],
    [
      { SortBy: 'Size' },
      "Value 'Size' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, Status, CreationTime]",
    ],
  ])('rejects %j with ValidationException', async (input, detail) => {
    const response = await callSageMaker('ListHyperParameterTuningJobs', input);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'ValidationException',
      message: `1 validation error detected: ${detail}`,
    });
  });

  it('rejects a forged token and a token replayed with other filters', async () => {
    seedJobs(12);
    const forged = await callSageMaker('ListHyperParameterTuningJobs', { NextToken: 'not-a-token' });
    expect(forged.status).toBe(400);
    expect(forged.json.__type).toBe('ValidationException');

    const first = await callSageMaker<TuningJobListWire>('ListHyperParameterTuningJobs', {});
    expect(first.json.NextToken).toEqual(expect.any(String));
    const replayed = await callSageMaker('ListHyperParameterTuningJobs', {
      NextToken: first.json.NextToken,
      SortOrder: 'Descending',
    });
    expect(replayed.json.__type).toBe('ValidationException');
    // A different page size is not a different query.
    const resized = await callSageMaker('ListHyperParameterTuningJobs', {
      NextToken: first.json.NextToken,
      MaxResults: 1,
    });
    expect(resized.status).toBe(200);
  });
});

describe('ListTrainingJobsForHyperParameterTuningJob', () => {
  it('pages through 250 training jobs with MaxResults 100', async () => {
    fake.state.seedTuningJob({ name: 'big', maxNumberOfTrainingJobs: 250 });
    const seeded = fake.state.seedTrainingJobs('big', 250);
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const { json } = await callSageMaker<TrainingJobListWire>(
        'ListTrainingJobsForHyperParameterTuningJob',
        {
          HyperParameterTuningJobName: 'big',
          MaxResults: 100,
          ...(token ? { NextToken: token } : {}),
        },
      );
      sizes.push(json.TrainingJobSummaries.length);
      seen.push(...json.TrainingJobSummaries.map((t) => t.TrainingJobName));
      token = json.NextToken;
    } while (token);
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen).toEqual([...seeded].sort());
    expect(new Set(seen).size).toBe(250);
  });

  it('omits jobs without an objective metric when sorting by FinalObjectiveMetricValue', async () => {
    fake.state.seedTuningJob({ name: 'mixed' });
    const completed = fake.state.seedTrainingJobs('mixed', 5);
    fake.state.seedTrainingJobs('mixed', 3, { status: 'Failed' });
    const list = async (extra: Record<string, unknown>) =>
      (
        await callSageMaker<TrainingJobListWire>('ListTrainingJobsForHyperParameterTuningJob', {
          HyperParameterTuningJobName: 'mixed',
          ...extra,
        })
      ).json.TrainingJobSummaries;

    expect(await list({})).toHaveLength(8);
    const ascending = await list({ SortBy: 'FinalObjectiveMetricValue' });
    expect(ascending.map((t) => t.TrainingJobName).sort()).toEqual([...completed].sort());
    const values = ascending.map((t) => t.FinalHyperParameterTuningJobObjectiveMetric?.Value as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const descending = await list({ SortBy: 'FinalObjectiveMetricValue', SortOrder: 'Descending' });
    expect(descending.map((t) => t.TrainingJobName)).toEqual(
      ascending.map((t) => t.TrainingJobName).reverse(),
    );
    const failed = await list({ StatusEquals: 'Failed' });
    expect(failed).toHaveLength(3);
    for (const t of failed) {
      expect(t.ObjectiveStatus).toBe('Failed');
      expect(t.FailureReason).toEqual(expect.any(String));
      expect(t.FinalHyperParameterTuningJobObjectiveMetric).toBeUndefined();
    }
  });

  it('answers ResourceNotFound for an unknown tuning job', async () => {
    const response = await callSageMaker('ListTrainingJobsForHyperParameterTuningJob', {
      HyperParameterTuningJobName: 'ghost',
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'ResourceNotFound',
      Message: "Amazon SageMaker can't find a tuning job called ghost. Type another name.",
    });
  });
});
