// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * Success answers that carry nothing (issue 9, item 1), on all three clouds against their fakes:
 * the cloud served the request, then the body came back empty. A read is retried as a malformed
 * answer; a write is reconciled as for a lost answer — never resent blindly and never reported
 * failed when the cloud acted; a listing never ends early on one.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttemptEvent,
  choice,
  type ExperimentSpec,
  float,
  ResponseFormatError,
  space,
} from '../../src/index.js';
import { type ModelArtsExperimentOptions, modelarts } from '../../src/providers/modelarts/index.js';
import { type PaiExperimentOptions, pai } from '../../src/providers/pai/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  modelartsFake,
  paiFake,
  sagemakerFake,
} from '../../src/testing/index.js';
import { experimentSpec, client as sagemakerClient } from '../sagemaker/helpers/env.js';

const FAST = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 };
const sm = sagemakerFake({ seed: 3 });
const ali = paiFake({ seed: 3 });
const hw = modelartsFake({ seed: 3 });
const server = setupServer(...sm.handlers, ...ali.handlers, ...hw.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  sm.reset();
  ali.reset();
  hw.reset();
});
afterAll(() => server.close());

function recorder() {
  const events: AttemptEvent[] = [];
  return { events, hooks: { onAttempt: (event: AttemptEvent) => events.push(event) } };
}

const clouds = {
  sagemaker: (hooks?: { onAttempt(e: AttemptEvent): void }) => sagemakerClient({ hooks }),
  pai: (hooks?: { onAttempt(e: AttemptEvent): void }) =>
    pai({
      region: ali.region,
      endpoint: ali.endpoint,
      credentials: FAKE_ALIYUN_CREDENTIALS,
      retry: FAST,
      hooks,
    }),
  modelarts: (hooks?: { onAttempt(e: AttemptEvent): void }) =>
    modelarts({
      region: hw.region,
      endpoint: hw.endpoint,
      iamEndpoint: hw.iamEndpoint,
      projectId: hw.projectId,
      credentials: FAKE_HUAWEI_CREDENTIALS,
      retry: FAST,
      hooks,
    }),
};

const paiSpec: ExperimentSpec<PaiExperimentOptions> = {
  name: 'empty-answer',
  objective: { metric: 'val_accuracy=([0-9\\.]+)', direction: 'maximize' },
  searchSpace: space({ lr: float(1e-4, 0.1, { log: true }), batch_size: choice([16, 32, 64]) }),
  limits: { maxTrials: 4, maxParallelTrials: 2 },
  providerOptions: {
    platformConfig: {
      name: 'DLC',
      cmd: [
        "dlc submit pytorch --name=t_${exp_id}_${trial_id} --command='python train.py --lr=${lr} --batch_size=${batch_size}'",
      ],
    },
    metricConfig: { metric_type: 'stdout', metric_source: ['cmd1'] },
    configuration: {
      dlc_config: { endpoint: 'pai-dlc.cn-hangzhou.aliyuncs.com', region: 'cn-hangzhou', protocol: 'https' },
    },
  },
};

const modelartsSpec: ExperimentSpec<ModelArtsExperimentOptions> = {
  name: 'empty-answer',
  objective: { metric: 'acc', direction: 'maximize' },
  searchSpace: space({ batch_size: choice([16, 32, 64]), learning_rate: float(0.001, 0.1) }),
  limits: { maxTrials: 4, maxParallelTrials: 2 },
  providerOptions: {
    codeDir: '/bucket/code/',
    bootFile: '/bucket/code/train.py',
    engine: { engine_name: 'PyTorch', engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64' },
    flavorId: 'modelarts.p3.large.public.free',
    rewardRegex: 'acc=([0-9.]+)',
  },
};

const count = (log: readonly { operation?: string | undefined }[], operation: string) =>
  log.filter((r) => r.operation === operation).length;

describe('an empty success answer to a read is retried as a malformed answer', () => {
  it('sagemaker: experiments.get', async () => {
    sm.state.seedTuningJob({ name: 'job-a' });
    sm.faults.inject({ kind: 'empty', operation: 'DescribeHyperParameterTuningJob' });
    const { events, hooks } = recorder();
    expect((await clouds.sagemaker(hooks).experiments.get('job-a')).id).toBe('job-a');
    expect(events.map((e) => [e.httpStatus, e.errorClass])).toEqual([
      [200, 'ResponseFormatError'],
      [200, undefined],
    ]);
  });

  it('pai: experiments.get', async () => {
    const seeded = ali.state.seedExperiment({ name: 'exp-a' });
    ali.faults.inject({ kind: 'empty', operation: 'GetHpoExperiment' });
    const { events, hooks } = recorder();
    expect((await clouds.pai(hooks).experiments.get(seeded.id)).id).toBe(seeded.id);
    expect(events.map((e) => e.errorClass)).toEqual(['ResponseFormatError', undefined]);
  });

  it('modelarts: experiments.get', async () => {
    const job = hw.state.seedJob({ name: 'job-a' });
    hw.faults.inject({ kind: 'empty', operation: 'ShowTrainingJobDetails' });
    const { events, hooks } = recorder();
    expect((await clouds.modelarts(hooks).experiments.get(job.id)).id).toBe(job.id);
    expect(events.map((e) => e.errorClass)).toEqual(['ResponseFormatError', undefined]);
  });

  it('modelarts: a listing whose page comes back empty does not end early', async () => {
    for (let i = 0; i < 7; i++) hw.state.seedJob({ name: `listed-${i}` });
    hw.faults.inject({ kind: 'empty', operation: 'ListTrainingJobs' });
    const listed = await clouds.modelarts().experiments.list({ pageSize: 3 }).toArray();
    expect(listed).toHaveLength(7);
  });

  it('when every answer is empty, the call ends with a retryable ResponseFormatError after the policy’s attempts', async () => {
    sm.state.seedTuningJob({ name: 'job-b' });
    sm.faults.inject({
      kind: 'empty',
      operation: 'DescribeHyperParameterTuningJob',
      times: Number.POSITIVE_INFINITY,
    });
    const error = await clouds
      .sagemaker()
      .experiments.get('job-b')
      .catch((e: unknown) => e);
    expect(ResponseFormatError.is(error)).toBe(true);
    expect(error).toMatchObject({ path: '(body)', retryable: true });
    expect(count(sm.requests, 'DescribeHyperParameterTuningJob')).toBe(4);
  });
});

describe('an empty success answer to a write: reconciled, never resent, never reported failed', () => {
  it('sagemaker: experiments.create', async () => {
    sm.faults.inject({ kind: 'empty', operation: 'CreateHyperParameterTuningJob' });
    const created = await clouds.sagemaker().experiments.create(experimentSpec('empty-create'));
    expect(created.id).toBe('empty-create');
    expect(count(sm.requests, 'CreateHyperParameterTuningJob')).toBe(1);
  });

  it('pai: experiments.create', async () => {
    ali.faults.inject({ kind: 'empty', operation: 'CreateHpoExperiment' });
    // The fake's clock stands for PAI's, which keeps time with ours (the fake sends no Date header).
    ali.clock.set(Date.now() + 1000);
    const created = await clouds.pai().experiments.create(paiSpec);
    expect(created.name).toBe('empty-answer');
    expect(count(ali.requests, 'CreateHpoExperiment')).toBe(1);
    expect(ali.state.experiments().filter((e) => e.name === 'empty-answer')).toHaveLength(1);
  });

  it('modelarts: experiments.create', async () => {
    hw.faults.inject({ kind: 'empty', operation: 'CreateTrainingJob' });
    const created = await clouds.modelarts().experiments.create(modelartsSpec);
    expect(created.name).toBe('empty-answer');
    expect(count(hw.requests, 'CreateTrainingJob')).toBe(1);
  });

  it('modelarts: experiments.stop (terminate) and trials.stop (early stop)', async () => {
    const job = hw.state.seedJob({ name: 'to-stop' });
    hw.clock.advance(10 * 60_000);
    hw.faults.inject({ kind: 'empty', operation: 'StopTrainingJob' });
    await expect(clouds.modelarts().experiments.stop(job.id)).resolves.toBeUndefined();
    expect(count(hw.requests, 'StopTrainingJob')).toBe(1);

    const other = hw.state.seedJob({ name: 'to-early-stop' });
    let running: string | undefined;
    for (let minute = 0; minute < 120 && running === undefined; minute++) {
      hw.clock.advance(60_000);
      hw.state.sync();
      const now = hw.clock.now();
      running = hw.state.trialsOf(other.id).find((t) => t.runStartAt <= now && t.endedAt === undefined)?.id;
    }
    if (running === undefined) throw new Error('no running trial');
    hw.faults.inject({ kind: 'empty', operation: 'ShowAutoSearchTrialEarlyStop' });
    await expect(clouds.modelarts().trials.stop(other.id, running)).resolves.toBeUndefined();
    expect(count(hw.requests, 'ShowAutoSearchTrialEarlyStop')).toBe(1);
  });

  it('modelarts: experiments.delete answered empty is done, sent once', async () => {
    const job = hw.state.seedJob({ name: 'to-delete' });
    hw.faults.inject({ kind: 'empty', operation: 'DeleteTrainingJob' });
    await expect(clouds.modelarts().experiments.delete(job.id)).resolves.toBeUndefined();
    expect(count(hw.requests, 'DeleteTrainingJob')).toBe(1);
  });
});
