/**
 * Each provider's objects carry its own wire type in `raw`, through the neutral contract: read
 * here without a cast (tsc checks the types, the fakes the values), while a provider held as a
 * plain TuningProvider still gives `unknown`.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { Experiment, Trial, TuningProvider } from '../../src/index.js';
import {
  type ModelArtsTrainingJobWire,
  type ModelArtsTrialRaw,
  modelarts,
} from '../../src/providers/modelarts/index.js';
import { type PaiExperimentWire, type PaiTrialWire, pai } from '../../src/providers/pai/index.js';
import {
  type DescribeHyperParameterTuningJobResult,
  type DescribeTrainingJobResult,
  type SageMakerTrainingJobSummaryWire,
  type SageMakerTuningJobSummaryWire,
  sagemaker,
} from '../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  modelartsFake,
  paiFake,
  sagemakerFake,
} from '../../src/testing/index.js';

const sm = sagemakerFake({ seed: 3 });
const ali = paiFake({ seed: 3 });
const hw = modelartsFake({ seed: 3 });
const server = setupServer(...sm.handlers, ...ali.handlers, ...hw.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const first = async <T>(items: AsyncIterable<T>): Promise<T> => {
  for await (const item of items) return item;
  throw new Error('nothing listed');
};

describe('typed raw', () => {
  it('SageMaker: tuning jobs and training jobs as SageMaker answered them', async () => {
    const cloud = sagemaker({ region: sm.region, endpoint: sm.endpoint, credentials: FAKE_AWS_CREDENTIALS });
    sm.state.seedTuningJob({ name: 'typed', status: 'InProgress', maxNumberOfTrainingJobs: 3 });
    const ended = await cloud.experiments.wait('typed', { scheduler: sm.clock });
    expectTypeOf(ended.raw).toEqualTypeOf<
      DescribeHyperParameterTuningJobResult | SageMakerTuningJobSummaryWire
    >();
    const trial = await first(cloud.trials.list('typed'));
    expectTypeOf(trial).toEqualTypeOf<Trial<SageMakerTrainingJobSummaryWire | DescribeTrainingJobResult>>();
    expect(trial.raw.TrainingJobName).toBe(trial.id);
    expect(trial.raw.TrainingJobStatus).toBe(trial.providerStatus);
    const best = ended.bestTrial;
    expect(best?.raw.TrainingJobName).toBe(best?.id);
    const job = await first(cloud.trainingJobs.list('typed'));
    expectTypeOf(job.raw).toEqualTypeOf<SageMakerTrainingJobSummaryWire>();
    expect(job.raw.TrainingJobArn).toMatch(/^arn:aws:sagemaker:/);
  });

  it('PAI: experiments and trials as PAI answered them', async () => {
    const cloud = pai({
      region: ali.region,
      endpoint: ali.endpoint,
      credentials: {
        accessKeyId: FAKE_ALIYUN_CREDENTIALS.accessKeyId,
        accessKeySecret: FAKE_ALIYUN_CREDENTIALS.accessKeySecret,
      },
    });
    const seeded = ali.state.seedExperiment({ name: 'typed' });
    const ended = await cloud.experiments.wait(seeded.id, { scheduler: ali.clock });
    expectTypeOf(ended.raw).toEqualTypeOf<PaiExperimentWire>();
    expect(ended.raw.ExperimentId).toBe(ended.id);
    const trial = await first(cloud.trials.list(ended.id));
    expectTypeOf(trial.raw).toEqualTypeOf<PaiTrialWire>();
    expect(trial.raw.TrialId).toBe(trial.id);
    const job = await first(cloud.trainingJobs.list(ended.id));
    expect(job.raw.trial.TrialId).toBe(job.trialId);
  });

  it('ModelArts: the training job and its trial table rows as ModelArts answered them', async () => {
    const cloud = modelarts({
      region: hw.region,
      endpoint: hw.endpoint,
      projectId: hw.projectId,
      credentials: FAKE_HUAWEI_CREDENTIALS,
    });
    const seeded = hw.state.seedJob({ name: 'typed' });
    const ended = await cloud.experiments.wait(seeded.id, { scheduler: hw.clock });
    expectTypeOf(ended.raw).toEqualTypeOf<ModelArtsTrainingJobWire>();
    expect(ended.raw.metadata.id).toBe(ended.id);
    const trial = await first(cloud.trials.list(ended.id));
    expectTypeOf(trial.raw).toEqualTypeOf<ModelArtsTrialRaw>();
    expect(trial.raw.header).toContain('trial_id');
    expect(trial.raw.rows.length).toBeGreaterThan(0);
  });

  it('a provider held as a plain TuningProvider gives unknown, as code that takes any cloud expects', () => {
    const any: TuningProvider = sagemaker({ region: 'us-east-1', credentials: FAKE_AWS_CREDENTIALS });
    expectTypeOf<Awaited<ReturnType<typeof any.experiments.get>>>().toEqualTypeOf<Experiment>();
    expectTypeOf<Experiment['raw']>().toBeUnknown();
  });
});
