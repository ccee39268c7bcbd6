// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * End to end against the stateful PAI fake (src/testing/pai): the adapter as an application uses
 * it, the fake checking signatures and simulating experiments on its virtual clock.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/index.js';
import { type PaiOptions, pai } from '../../src/providers/pai/index.js';
import { FAKE_ALIYUN_CREDENTIALS, paiFake } from '../../src/testing/index.js';
import { experimentSpec, FAST_RETRY, failure, recordAttempts } from './helpers/env.js';

const fake = paiFake({ seed: 7 });
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => fake.reset());
afterAll(() => server.close());

const HOUR = 60 * 60_000;

function cloud(options: Partial<PaiOptions> = {}) {
  return pai({
    region: fake.region,
    endpoint: fake.endpoint,
    credentials: FAKE_ALIYUN_CREDENTIALS,
    retry: FAST_RETRY,
    ...options,
  });
}

const spec = experimentSpec();

const operations = (name: string) => fake.requests.filter((r) => r.operation === name);

describe('against the PAI fake', () => {
  it('creates an experiment, tunes it, and reads the trials back best first', async () => {
    const pai = cloud();
    const created = await pai.experiments.create(spec);
    expect(created).toMatchObject({
      name: 'mnist-lr',
      objective: { metric: 'val_accuracy=([0-9\\.]+)', direction: 'maximize' },
      algorithm: 'TPE',
      limits: { maxTrials: 6, maxParallelTrials: 2 },
      searchSpace: { spec: spec.searchSpace, compileLosses: [] },
    });
    expect(['pending', 'running']).toContain(created.status);

    fake.clock.advance(12 * HOUR);
    const done = await pai.experiments.get(created.id);
    expect(['completed', 'failed']).toContain(done.status);
    expect(done.trialCounts.total).toBe(6);

    const trials = await pai.trials.list(created.id, { sortBy: 'objective' }).toArray();
    expect(trials).toHaveLength(6);
    const values = trials.map((t) => t.objective?.value).filter((v): v is number => v !== undefined);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(trials.slice(values.length).every((t) => t.objective === undefined)).toBe(true);
    for (const trial of trials) {
      expect(Object.keys(trial.hyperParameters).sort()).toEqual(['batch_size', 'lr']);
      expect([16, 32, 64]).toContain(trial.hyperParameters.batch_size);
    }

    const one = await pai.trials.get(created.id, trials[0]?.id ?? '');
    expect(one.id).toBe(trials[0]?.id);
    const jobs = await pai.trainingJobs.list(created.id).toArray();
    expect(jobs.map((j) => j.trialId).sort()).toEqual(trials.map((t) => t.id).sort());
  });

  it('stopping an ended trial is a ConflictError, sent once, and stopTrials reports it per trial', async () => {
    const pai = cloud();
    const created = await pai.experiments.create(spec);
    fake.clock.advance(6 * HOUR);
    const [trial] = await pai.trials.list(created.id).toArray({ limit: 1 });
    if (!trial) throw new Error('the fake ran no trial');
    const stopsBefore = operations('StopHpoTrials').length;
    const error = await failure(pai.trials.stop(created.id, trial.id));
    expect(ConflictError.is(error)).toBe(true);
    expect(operations('StopHpoTrials').length - stopsBefore).toBe(1);
    const [result] = await pai.stopTrials(created.id, [trial.id]);
    expect(result).toMatchObject({ trialId: trial.id, stopped: false });
  });

  it('stops, then deletes an experiment', async () => {
    const pai = cloud();
    const { id } = await pai.experiments.create(spec);
    fake.clock.advance(0.5 * HOUR);
    await pai.experiments.stop(id);
    expect((await pai.experiments.get(id)).status).toBe('stopped');
    await pai.experiments.delete(id);
    expect(NotFoundError.is(await failure(pai.experiments.get(id)))).toBe(true);
  });

  it('lists many experiments with concurrent page fetches', async () => {
    for (let i = 0; i < 23; i++) fake.state.seedExperiment({ name: `seeded-${i}` });
    const listed = await cloud({ pageConcurrency: 3 }).experiments.list({ pageSize: 5 }).toArray();
    expect(listed).toHaveLength(23);
    expect(new Set(listed.map((e) => e.id)).size).toBe(23);
    expect(operations('ListHpoExperiments')).toHaveLength(5);
  });

  it('retries the fake throttling, one hook event per attempt', async () => {
    const pai = cloud();
    const { id } = await pai.experiments.create(spec);
    fake.faults.inject({ kind: 'throttle', operation: 'GetHpoExperiment', times: 2 });
    const { events, hooks } = recordAttempts();
    expect((await cloud({ hooks }).experiments.get(id)).id).toBe(id);
    expect(events.map((e) => e.errorClass)).toEqual(['ThrottlingError', 'ThrottlingError', undefined]);
  });

  it('after a create whose answer was cut short, finds the experiment instead of creating a second one', async () => {
    fake.faults.inject({ kind: 'truncated', operation: 'CreateHpoExperiment' });
    // The fake's clock stands for PAI's, which keeps time with ours (the fake sends no Date header).
    fake.clock.set(Date.now() + 1000);
    const created = await cloud().experiments.create(spec);
    expect(created.name).toBe('mnist-lr');
    expect(operations('CreateHpoExperiment')).toHaveLength(1);
    expect(fake.state.experiments().map((e) => e.id)).toEqual([created.id]);
  });

  it('after a 5xx on create with nothing created, throws rather than resending', async () => {
    fake.faults.inject({ kind: 'server-error', operation: 'CreateHpoExperiment', status: 503 });
    const error = await failure(cloud().experiments.create(spec));
    expect(error).toMatchObject({ name: 'ServiceError', httpStatus: 503, retryable: false });
    expect(operations('CreateHpoExperiment')).toHaveLength(1);
    expect(operations('ListHpoExperiments')).toHaveLength(1);
    expect(fake.state.experiments()).toHaveLength(0);
  });
});
