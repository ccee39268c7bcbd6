/**
 * Success answers that carry nothing (issue 9, item 1), on all three clouds against their fakes:
 * the cloud served the request, then the body came back empty. A read is retried as a malformed
 * answer; a write is reconciled as for a lost answer — never resent blindly and never reported
 * failed when the cloud acted; a listing never ends early on one.
 */
import { describe, expect, it } from 'vitest';
import { ResponseFormatError } from '../../src/index.js';
import { experimentSpec as modelartsSpec, runningTrial } from '../modelarts/helpers/env.js';
import { experimentSpec as paiSpec } from '../pai/helpers/env.js';
import { experimentSpec } from '../sagemaker/helpers/env.js';
import { clients, recorder, useCloudFakes } from './helpers/clouds.js';

const fakes = useCloudFakes(3);
const { sm, ali, hw } = fakes;
const clouds = clients(fakes);

const count = (log: readonly { operation?: string | undefined }[], operation: string) =>
  log.filter((r) => r.operation === operation).length;

describe('an empty success answer to a read is retried as a malformed answer', () => {
  it('sagemaker: experiments.get', async () => {
    sm.state.seedTuningJob({ name: 'job-a' });
    sm.faults.inject({ kind: 'empty', operation: 'DescribeHyperParameterTuningJob' });
    const { events, hooks } = recorder();
    expect((await clouds.sagemaker({ hooks }).experiments.get('job-a')).id).toBe('job-a');
    expect(events.map((e) => [e.httpStatus, e.errorClass])).toEqual([
      [200, 'ResponseFormatError'],
      [200, undefined],
    ]);
  });

  it('pai: experiments.get', async () => {
    const seeded = ali.state.seedExperiment({ name: 'exp-a' });
    ali.faults.inject({ kind: 'empty', operation: 'GetHpoExperiment' });
    const { events, hooks } = recorder();
    expect((await clouds.pai({ hooks }).experiments.get(seeded.id)).id).toBe(seeded.id);
    expect(events.map((e) => e.errorClass)).toEqual(['ResponseFormatError', undefined]);
  });

  it('modelarts: experiments.get', async () => {
    const job = hw.state.seedJob({ name: 'job-a' });
    hw.faults.inject({ kind: 'empty', operation: 'ShowTrainingJobDetails' });
    const { events, hooks } = recorder();
    expect((await clouds.modelarts({ hooks }).experiments.get(job.id)).id).toBe(job.id);
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
    const created = await clouds.pai().experiments.create(paiSpec('empty-answer'));
    expect(created.name).toBe('empty-answer');
    expect(count(ali.requests, 'CreateHpoExperiment')).toBe(1);
    expect(ali.state.experiments().filter((e) => e.name === 'empty-answer')).toHaveLength(1);
  });

  it('modelarts: experiments.create', async () => {
    hw.faults.inject({ kind: 'empty', operation: 'CreateTrainingJob' });
    const created = await clouds.modelarts().experiments.create(modelartsSpec('empty-answer', 4));
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
    const running = runningTrial(hw, other.id);
    hw.faults.inject({ kind: 'empty', operation: 'ShowAutoSearchTrialEarlyStop' });
    await expect(clouds.modelarts().trials.stop(other.id, running)).resolves.toBeUndefined();
    expect(count(hw.requests, 'ShowAutoSearchTrialEarlyStop')).toBe(1);
  });

  it('pai: experiments.stop, experiments.delete and trials.stop answered empty are done, each sent once', async () => {
    ali.clock.set(Date.now());
    const seeded = ali.state.seedExperiment({ name: 'to-stop' });
    ali.clock.advance(30 * 60_000);
    ali.state.sync();
    const now = ali.clock.now();
    const running = ali.state.trialsOf(seeded.id).find((t) => t.runStartAt <= now && t.endedAt === undefined);
    ali.faults.inject({ kind: 'empty', operation: 'StopHpoTrials' });
    await expect(clouds.pai().trials.stop(seeded.id, running?.id ?? '')).resolves.toBeUndefined();
    expect(count(ali.requests, 'StopHpoTrials')).toBe(1);

    ali.faults.inject({ kind: 'empty', operation: 'StopHpoExperiment' });
    await expect(clouds.pai().experiments.stop(seeded.id)).resolves.toBeUndefined();
    expect(count(ali.requests, 'StopHpoExperiment')).toBe(1);

    ali.faults.inject({ kind: 'empty', operation: 'DeleteHpoExperiment' });
    await expect(clouds.pai().experiments.delete(seeded.id)).resolves.toBeUndefined();
    expect(count(ali.requests, 'DeleteHpoExperiment')).toBe(1);
  });

  it('modelarts: experiments.delete answered empty is done, sent once', async () => {
    const job = hw.state.seedJob({ name: 'to-delete' });
    hw.faults.inject({ kind: 'empty', operation: 'DeleteTrainingJob' });
    await expect(clouds.modelarts().experiments.delete(job.id)).resolves.toBeUndefined();
    expect(count(hw.requests, 'DeleteTrainingJob')).toBe(1);
  });
});
