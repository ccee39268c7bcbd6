import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELARTS_SIMULATION, modelartsFake } from '../../src/testing/index.js';
import { callModelArts, type ErrorBody, jobsPath } from './helpers/modelarts-call.js';
import { jobRequest } from './helpers/modelarts-fixtures.js';
import { useModelArtsFake } from './helpers/modelarts-msw.js';

const fake = useModelArtsFake({ simulation: { failureRate: 0 } });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function create(body = jobRequest()) {
  const answer = await callModelArts(fake, 'POST', jobsPath(fake), { body });
  expect(answer.status).toBe(201);
  return answer.json.metadata.id as string;
}
const show = (id: string) => callModelArts(fake, 'GET', jobsPath(fake, id));
const trials = async (id: string) =>
  (await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-trials'))).json;
/** Cells of a list-table answer by column name. */
const rowsOf = (table: { items: { header: string[]; data: unknown[][] } }) =>
  table.items.data.map((row) => Object.fromEntries(table.items.header.map((h, i) => [h, row[i]])));

describe('a training job with hyperparameter search', () => {
  it('goes Creating → Pending → Running → Completed on the clock', async () => {
    const id = await create();
    const phase = async () => (await show(id)).json.status;
    expect((await phase()).phase).toBe('Creating');
    fake.clock.advance(DEFAULT_MODELARTS_SIMULATION.creatingMs);
    expect(await phase()).toMatchObject({ phase: 'Pending', secondary_phase: 'Queuing', start_time: 0 });
    fake.clock.advance(DEFAULT_MODELARTS_SIMULATION.pendingMs);
    const running = await phase();
    expect(running).toMatchObject({ phase: 'Running', duration: 0, start_time: fake.clock.now() });
    fake.clock.advance(10 * HOUR);
    const done = await phase();
    expect(done.phase).toBe('Completed');
    expect(done.task_statuses).toEqual([{ task: 'worker-0', exit_code: 0, message: '' }]);
    expect(fake.state.job(id)?.history.map((h) => h.phase)).toEqual([
      'Creating',
      'Pending',
      'Running',
      'Completed',
    ]);
    expect(done.duration).toBe((fake.state.job(id)?.endedAt ?? 0) - done.start_time);
  });

  it('runs num_samples trials, at most max_concurrent unfinished at a time, PENDING → RUNNING → TERMINATED', async () => {
    const id = await create(jobRequest({ numSamples: 7, maxConcurrent: 3 }));
    fake.clock.advance(DEFAULT_MODELARTS_SIMULATION.creatingMs + DEFAULT_MODELARTS_SIMULATION.pendingMs);
    const first = rowsOf(await trials(id));
    expect(first.map((r) => r.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    expect(first.map((r) => [r.done, r.pid, r.training_iteration, r.best_reward])).toEqual(
      Array(3).fill(['False', '', '', '']),
    );
    fake.clock.advance(2 * MINUTE);
    expect(rowsOf(await trials(id)).every((r) => r.status === 'RUNNING')).toBe(true);
    fake.clock.advance(10 * HOUR);
    const all = fake.state.trialsOf(id);
    expect(all).toHaveLength(7);
    for (const t of all) {
      const overlapping = all.filter(
        (o) => o.createdAt <= t.createdAt && (o.endedAt as number) > t.createdAt,
      );
      expect(overlapping.length).toBeLessThanOrEqual(3);
    }
    const last = rowsOf(await trials(id));
    expect(last.map((r) => [r.status, r.done])).toEqual(Array(7).fill(['TERMINATED', 'True']));
    expect(last.map((r) => r[''])).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('reports the reward by its mode: best_reward is the lowest so far for min', async () => {
    const id = await create(jobRequest({ mode: 'min', rewardName: 'val_loss', numSamples: 3 }));
    fake.clock.advance(10 * HOUR);
    const trial = fake.state.trialsOf(id)[0];
    const one = await callModelArts(fake, 'GET', jobsPath(fake, id, `/autosearch-trials/${trial?.id}`));
    const header: string[] = one.json.header;
    const col = (name: string) => header.indexOf(name);
    const rewards = one.json.data.map((row: string[]) => Number(row[col('reward_attr')]));
    const best = one.json.data.map((row: string[]) => Number(row[col('best_reward')]));
    expect(best).toEqual(rewards.map((_: number, i: number) => Math.min(...rewards.slice(0, i + 1))));
    expect(header).toContain('val_loss');
    expect(one.json.data.map((row: string[]) => row[col('done')])).toEqual([
      ...Array(rewards.length - 1).fill('False'),
      'True',
    ]);
  });

  it('ends Failed when every trial ends in ERROR', async () => {
    const failing = modelartsFake({ simulation: { failureRate: 1 } });
    failing.state.seedJob({ name: 'doomed' });
    failing.clock.advance(10 * HOUR);
    const [job] = failing.state.jobs();
    expect(job?.phase).toBe('Failed');
    expect(failing.state.trialsOf(job?.id ?? '').every((t) => t.endStatus === 'ERROR')).toBe(true);
  });

  it('runs a plain training job once, without trials', async () => {
    const id = await create(jobRequest({ autoSearch: null }));
    expect((await show(id)).json.algorithm.policies).toEqual({});
    fake.clock.advance(2 * HOUR);
    expect((await show(id)).json.status.phase).toBe('Completed');
    const table = await trials(id);
    expect([table.total, table.count, table.items.data]).toEqual([0, 0, []]);
  });
});

describe('terminate and delete', () => {
  it('terminates with 202 Terminating, then Terminated; unfinished trials freeze; a second terminate is 409', async () => {
    const id = await create();
    fake.clock.advance(5 * MINUTE);
    const before = rowsOf(await trials(id));
    const stop = await callModelArts(fake, 'POST', jobsPath(fake, id, '/actions'), {
      body: { action_type: 'terminate' },
    });
    expect(stop.status).toBe(202);
    expect(stop.json.status).toMatchObject({ phase: 'Terminating', secondary_phase: 'Terminating' });
    fake.clock.advance(DEFAULT_MODELARTS_SIMULATION.terminatingMs);
    expect((await show(id)).json.status.phase).toBe('Terminated');
    fake.clock.advance(5 * HOUR);
    expect(rowsOf(await trials(id))).toEqual(before);
    const again = await callModelArts<ErrorBody>(fake, 'POST', jobsPath(fake, id, '/actions'), {
      body: { action_type: 'terminate' },
    });
    expect([again.status, again.json]).toEqual([
      409,
      {
        error_code: 'ModelArts.2796',
        error_msg: 'The job cannot be terminated.',
        error_solution: 'Check whether the job status is valid.',
      },
    ]);
  });

  it('refuses other actions with ModelArts.2812', async () => {
    const id = await create();
    const answer = await callModelArts<ErrorBody>(fake, 'POST', jobsPath(fake, id, '/actions'), {
      body: { action_type: 'restart' },
    });
    expect([answer.status, answer.json.error_code, answer.json.error_msg]).toEqual([
      400,
      'ModelArts.2812',
      'Unsupported action type:restart',
    ]);
  });

  it('deletes with 202 and an empty body; afterwards the job is ModelArts.2775 (HTTP 400)', async () => {
    const id = await create();
    const deleted = await callModelArts(fake, 'DELETE', jobsPath(fake, id));
    expect([deleted.status, deleted.text]).toEqual([202, '']);
    const gone = await show(id);
    expect([gone.status, gone.json]).toEqual([
      400,
      {
        error_code: 'ModelArts.2775',
        error_msg: `Training job (ID: ${id}) not found.`,
        error_solution: 'Check whether the training job information in the request is valid.',
      },
    ]);
    expect((await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-trials'))).status).toBe(400);
    expect(fake.state.jobs()).toEqual([]);
  });
});

describe('early stop', () => {
  it('ends a running trial TERMINATED with the iterations so far, and the freed slot is filled at once', async () => {
    const id = await create(jobRequest({ numSamples: 6, maxConcurrent: 2 }));
    fake.clock.advance(5 * MINUTE);
    const [target] = fake.state
      .trialsOf(id)
      .filter((t) => t.endedAt === undefined && t.runStartAt < fake.clock.now());
    expect(target).toBeDefined();
    const id8 = target?.id as string;
    const planned = target?.reports.length ?? 0;
    const stop = await callModelArts(fake, 'POST', jobsPath(fake, id, `/autosearch-trial-earlystop/${id8}`));
    expect([stop.status, stop.json]).toEqual([200, { earlystop_trial: id8 }]);
    const stopped = fake.state.trial(id, id8);
    expect(stopped).toMatchObject({ endStatus: 'TERMINATED', earlyStopped: true, endedAt: fake.clock.now() });
    const live = fake.state.trialsOf(id).filter((t) => t.endedAt === undefined);
    expect(live).toHaveLength(2);
    expect(Math.max(...live.map((t) => t.createdAt))).toBe(fake.clock.now());
    fake.clock.advance(10 * HOUR);
    const one = await callModelArts(fake, 'GET', jobsPath(fake, id, `/autosearch-trials/${id8}`));
    expect(one.json.data.length).toBeLessThan(planned);
    const row = rowsOf(await trials(id)).find((r) => r.trial_id === id8);
    expect(row?.status).toBe('TERMINATED');
  });

  it('refuses a finished trial, a job that is not running, and an unknown trial', async () => {
    const id = await create(jobRequest({ numSamples: 6, maxConcurrent: 1 }));
    const stop = (trial: string) =>
      callModelArts<ErrorBody>(fake, 'POST', jobsPath(fake, id, `/autosearch-trial-earlystop/${trial}`));
    fake.clock.advance(DEFAULT_MODELARTS_SIMULATION.creatingMs);
    expect((await stop('00000000')).json.error_code).toBe('ModelArts.2788');
    while (!fake.state.trialsOf(id).some((t) => t.endedAt !== undefined)) fake.clock.advance(MINUTE);
    expect(fake.state.job(id)?.phase).toBe('Running');
    const ended = fake.state.trialsOf(id).find((t) => t.endedAt !== undefined);
    const refused = await stop(ended?.id ?? '');
    expect([refused.status, refused.json.error_code, refused.json.error_msg]).toEqual([
      400,
      'ModelArts.2858',
      `Current operation not supported, (trial ${ended?.id} has already ended).`,
    ]);
    fake.clock.advance(10 * HOUR);
    const any = fake.state.trialsOf(id)[1]?.id ?? '';
    expect((await stop(any)).json.error_msg).toMatch(/Completed, not Running/);
    expect((await stop('ffffffff')).json).toMatchObject({
      error_code: 'ModelArts.2788',
      error_msg: 'Invalid parameter(trial_id).',
    });
  });
});

describe('create is validated as ModelArts does', () => {
  const refuse = async (body: unknown, code: string, status = 400) => {
    const answer = await callModelArts<ErrorBody>(fake, 'POST', jobsPath(fake), { body });
    expect([answer.status, answer.json.error_code], JSON.stringify(answer.json)).toEqual([status, code]);
    return answer.json;
  };

  it('answers 201 with the JobResponse, phase Creating', async () => {
    const created = await callModelArts(fake, 'POST', jobsPath(fake), {
      body: jobRequest({ name: 'job_1-A' }),
    });
    expect(created.status).toBe(201);
    expect(created.json.metadata).toMatchObject({
      name: 'job_1-A',
      workspace_id: '0',
      create_time: fake.clock.now(),
    });
    const sent = jobRequest().algorithm as { policies: { auto_search: unknown } };
    expect(created.json.algorithm.policies.auto_search).toEqual(sent.policies.auto_search);
    expect(created.json.spec.resource).toEqual({
      policy: 'regular',
      flavor_id: 'modelarts.p3.large.public.free',
      node_count: 1,
    });
  });

  it('refuses bad names, duplicates, missing or unknown algorithms, bad searches and unknown workspaces', async () => {
    for (const name of ['', 'a'.repeat(65), 'has space', 'dot.name', 'ümlaut']) {
      expect((await refuse(jobRequest({ name }), 'ModelArts.2788')).error_msg).toBe(
        'Invalid parameter(metadata.name).',
      );
    }
    await create(jobRequest({ name: 'taken' }));
    expect((await refuse(jobRequest({ name: 'taken' }), 'ModelArts.2751')).error_msg).toBe(
      'Duplicate training job (name taken).',
    );
    const { algorithm: _, ...noAlgorithm } = jobRequest();
    await refuse(noAlgorithm, 'ModelArts.0104');
    expect(await refuse({ ...jobRequest(), algorithm: { id: 'not-a-uuid' } }, 'ModelArts.2755')).toEqual({
      error_code: 'ModelArts.2755',
      error_msg: 'algorithm not found.',
      error_solution: 'Check whether the training project information in the request is valid.',
    });
    await refuse({ ...jobRequest(), algorithm: { parameters: [] } }, 'ModelArts.2755');
    await refuse(jobRequest({ algorithm: 'grid_search' }), 'ModelArts.2826');
    await refuse(jobRequest({ numSamples: 0 }), 'ModelArts.2826');
    await refuse(
      jobRequest({ autoSearch: { reward_attrs: [], search_params: [], algo_configs: [] } }),
      'ModelArts.2826',
    );
    const twice = jobRequest();
    const search = (twice.algorithm as { policies: { auto_search: { reward_attrs: unknown[] } } }).policies
      .auto_search;
    search.reward_attrs = [...search.reward_attrs, ...search.reward_attrs];
    await refuse(twice, 'ModelArts.2824');
    await refuse(jobRequest({ workspaceId: 'f'.repeat(32) }), 'ModelArts.0102');
    await refuse({ ...jobRequest(), kind: 'nonsense' }, 'ModelArts.2788');
    const raw = await callModelArts<ErrorBody>(fake, 'POST', jobsPath(fake), { body: '{"kind":' });
    expect([raw.status, raw.json.error_code]).toEqual([400, 'ModelArts.2787']);
    expect(fake.state.jobs().map((j) => j.name)).toEqual(['taken']);
  });

  it('takes an algorithm id, a custom image with a command, or an AutoSearch YAML', async () => {
    const uuid = '3f5d6706-7b67-408d-8ba0-ec08048c45ed';
    await create({
      ...jobRequest({ name: 'by-id' }),
      algorithm: { id: uuid, policies: { auto_search: null } },
    });
    await create({
      ...jobRequest({ name: 'image' }),
      algorithm: { engine: { image_url: 'x/y:1' }, command: 'python a.py' },
    });
    const yaml = await create({
      ...jobRequest({ name: 'yaml' }),
      kind: 'autosearch_job',
      algorithm: {
        autosearch_config_path: 'obs://bucket/file.yaml',
        autosearch_framework_path: 'obs://bucket/files/',
      },
    });
    expect(fake.state.job(yaml)?.autoSearch).toMatchObject({ algorithm: 'bayes_opt_search', numSamples: 8 });
  });
});

describe('state seeding', () => {
  it('seeds jobs that run on the clock, in the past too, and workspaces', async () => {
    const old = fake.state.seedJob({ name: 'old', createdAt: fake.clock.now() - 24 * HOUR });
    expect(old.phase).toBe('Completed');
    expect(fake.state.trialsOf(old.id)).toHaveLength(8);
    const fresh = fake.state.seedJob();
    expect([fresh.name, fresh.phase]).toEqual(['seeded-job-2', 'Creating']);
    expect(() => fake.state.seedJob({ createdAt: fake.clock.now() + 1 })).toThrow(RangeError);
    const team = fake.state.seedWorkspace({ name: 'team' });
    expect(team.id).toMatch(/^[0-9a-f]{32}$/);
    const inTeam = await create(jobRequest({ name: 'old', workspaceId: team.id }));
    expect(fake.state.job(inTeam)?.workspaceId).toBe(team.id);
    const token = fake.state.issueToken();
    expect(
      (await callModelArts(fake, 'GET', jobsPath(fake, old.id), { auth: { token: token.token } })).status,
    ).toBe(200);
  });

  it('answers the parameter analysis once the search completed, and its plot paths', async () => {
    const id = await create();
    const analysis = async () =>
      (await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-parameter-analysis'))).json;
    expect(await analysis()).toEqual({ header: ['parameters', 'the mean/std of importance'], data: [] });
    fake.clock.advance(10 * HOUR);
    const done = await analysis();
    expect(done.data.map((row: string[]) => row[0])).toEqual(['batch_size', 'learning_rate']);
    for (const row of done.data) expect(row[1]).toMatch(/^\d\.\d{4}\/\d\.\d{4}$/);
    const path = await callModelArts(
      fake,
      'GET',
      jobsPath(fake, id, '/autosearch-parameter-analysis/batch_size'),
    );
    expect(path.json).toEqual({
      file_path: '/test-wrk/autosearch-test/output/log/hyperparameter-analysis/fanova/batch_size.png',
    });
    const unknown = await callModelArts<ErrorBody>(
      fake,
      'GET',
      jobsPath(fake, id, '/autosearch-parameter-analysis/nope'),
    );
    expect(unknown.json.error_code).toBe('ModelArts.2788');
  });
});
