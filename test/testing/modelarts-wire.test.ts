import { describe, expect, it } from 'vitest';
import { callModelArts, type ErrorBody, jobsPath, searchPath } from './helpers/modelarts-call.js';
import { jobRequest } from './helpers/modelarts-fixtures.js';
import { useModelArtsFake } from './helpers/modelarts-msw.js';
import {
  ALGORITHMS_EXAMPLE,
  BAYES_TEMPLATE_EXAMPLE,
  JOB_RESPONSE_KEYS,
  PARAMETER_ANALYSIS_HEADER,
  PER_TRIAL_HEADER,
  TRIALS_EXAMPLE,
  YAML_TEMPLATES_EXAMPLE,
} from './helpers/modelarts-wire.js';

const fake = useModelArtsFake();
const HOUR = 60 * 60_000;
const PYTHON_FLOAT = /^-?(\d+\.\d+|\d(\.\d+)?e[-+]\d{2})$/;

/** The reference example's job: batch_size × learning_rate, rewarded by acc, 8 trials. */
async function finishedJob(): Promise<string> {
  const created = await callModelArts(fake, 'POST', jobsPath(fake), { body: jobRequest() });
  fake.clock.advance(12 * HOUR);
  return created.json.metadata.id;
}

describe('the trial tables, shaped like the examples', () => {
  it('lists trials with the example’s columns, cells as text, config as an object', async () => {
    const id = await finishedJob();
    const answer = (await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-trials'))).json;
    expect(Object.keys(answer)).toEqual(['total', 'count', 'limit', 'offset', 'group_by', 'items']);
    expect(answer).toMatchObject({ total: 8, count: 8, limit: 50, offset: 0, group_by: '' });
    expect(answer.items.header).toEqual(TRIALS_EXAMPLE.header);
    for (const row of answer.items.data) {
      expect(row).toHaveLength(TRIALS_EXAMPLE.firstRow.length);
      row.forEach((cell: unknown, i: number) => {
        expect(typeof cell).toBe(typeof TRIALS_EXAMPLE.firstRow[i]);
      });
      const [index, done, pid, config, trialId, iteration, time, worker, reward, status, acc, loss, best] =
        row;
      expect(index).toMatch(/^\d+$/);
      expect(['True', 'False']).toContain(done);
      expect(Object.keys(config)).toEqual(Object.keys(TRIALS_EXAMPLE.firstRow[3] as object));
      expect(config['param/batch_size']).toBe(config.batch_size);
      expect(config.trial_index).toBe(Number(index));
      expect([16, 32, 64]).toContain(config.batch_size);
      expect(trialId).toMatch(/^[0-9a-f]{8}$/);
      expect(worker).toBe('');
      if (status === 'ERROR' && iteration === '') continue;
      expect(pid).toMatch(/^\d+$/);
      expect(iteration).toMatch(/^\d+$/);
      expect(time).toMatch(PYTHON_FLOAT);
      expect(reward).toBe(acc);
      expect(acc).toMatch(PYTHON_FLOAT);
      expect(loss).toMatch(/^tensor\(\d+\.\d{4}, device='cuda:0', requires_grad=True\)$/);
      expect(best).toMatch(PYTHON_FLOAT);
    }
  });

  it('answers one trial with the per-trial columns, one row per reported iteration', async () => {
    const id = await finishedJob();
    const [trial] = fake.state.trialsOf(id).filter((t) => t.endStatus === 'TERMINATED');
    const answer = (await callModelArts(fake, 'GET', jobsPath(fake, id, `/autosearch-trials/${trial?.id}`)))
      .json;
    expect(Object.keys(answer)).toEqual(['header', 'data']);
    expect(answer.header).toEqual(PER_TRIAL_HEADER);
    expect(answer.data).toHaveLength(trial?.reports.length ?? -1);
    expect(answer.data.map((row: string[]) => row[8])).toEqual(
      answer.data.map((_: unknown, i: number) => String(i + 1)),
    );
    expect(answer.data.map((row: string[]) => row[0]).at(-1)).toBe('True');
    expect(typeof answer.data[0][4]).toBe('object');
  });

  it('early-stops with the example’s answer', async () => {
    const created = await callModelArts(fake, 'POST', jobsPath(fake), { body: jobRequest() });
    fake.clock.advance(2 * 60_000);
    const [trial] = fake.state.trialsOf(created.json.metadata.id);
    const answer = await callModelArts(
      fake,
      'POST',
      jobsPath(fake, created.json.metadata.id, `/autosearch-trial-earlystop/${trial?.id}`),
    );
    expect([answer.status, answer.json]).toEqual([200, { earlystop_trial: trial?.id }]);
  });
});

describe('catalogues, as the examples', () => {
  it('lists the three search algorithms of the example', async () => {
    const answer = await callModelArts(fake, 'GET', `/v2/${fake.projectId}/search-algorithms`);
    expect(answer.json).toEqual(ALGORITHMS_EXAMPLE);
  });

  it('lists the YAML templates and serves hpo/Bayes verbatim, the others in the same form', async () => {
    const list = (await callModelArts(fake, 'GET', jobsPath(fake, 'autosearch', '/yaml-templates'))).json;
    expect(
      list.yaml_templates.map(({ algorithm_type_zh: zh, ...rest }: { algorithm_type_zh: string }) => {
        expect(zh).not.toBe('');
        return rest;
      }),
    ).toEqual(YAML_TEMPLATES_EXAMPLE);
    const bayes = await callModelArts(fake, 'GET', jobsPath(fake, 'autosearch', '/yaml-templates/hpo/Bayes'));
    expect(bayes.json).toEqual(BAYES_TEMPLATE_EXAMPLE);
    const tpe = (await callModelArts(fake, 'GET', jobsPath(fake, 'autosearch', '/yaml-templates/hpo/TPE')))
      .json;
    expect(tpe.file_name).toBe('TPE.yaml');
    expect(tpe.content).toContain('type: tpe_search');
    const nas = (await callModelArts(fake, 'GET', jobsPath(fake, 'autosearch', '/yaml-templates/nas/MBNAS')))
      .json;
    expect(nas.content).toMatch(/^general:\n/);
    const missing = await callModelArts<ErrorBody>(
      fake,
      'GET',
      jobsPath(fake, 'autosearch', '/yaml-templates/hpo/Nope'),
    );
    expect([missing.status, missing.json.error_code]).toEqual([400, 'ModelArts.2788']);
  });

  it('answers parameter analysis with the example’s header', async () => {
    const id = await finishedJob();
    const answer = (await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-parameter-analysis')))
      .json;
    expect(answer.header).toEqual(PARAMETER_ANALYSIS_HEADER);
  });
});

describe('jobs, shaped like the examples', () => {
  it('creates with the example’s 201 JobResponse, and shows, terminates and searches with the same shape', async () => {
    const created = await callModelArts(fake, 'POST', jobsPath(fake), { body: jobRequest() });
    expect(Object.keys(created.json)).toEqual(JOB_RESPONSE_KEYS.top);
    expect(Object.keys(created.json.metadata)).toEqual(JOB_RESPONSE_KEYS.metadata);
    expect(created.json.metadata.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created.json.status).toEqual({ ...JOB_RESPONSE_KEYS.createdStatus, tasks: ['worker-0'] });
    const id = created.json.metadata.id;
    const shown = await callModelArts(fake, 'GET', jobsPath(fake, id));
    expect(shown.json).toEqual(created.json);
    const search = await callModelArts(fake, 'POST', searchPath(fake), { body: { limit: 1 } });
    expect(Object.keys(search.json)).toEqual(JOB_RESPONSE_KEYS.searchKeys);
    expect(search.json.items).toEqual([created.json]);
    fake.clock.advance(HOUR / 60);
    const stopped = await callModelArts(fake, 'POST', jobsPath(fake, id, '/actions'), {
      body: { action_type: 'terminate' },
    });
    expect(Object.keys(stopped.json)).toEqual(JOB_RESPONSE_KEYS.top);
    expect(stopped.json.status.running_records).toEqual([
      { start_at: expect.any(Number), start_type: 'init_or_rescheduled' },
    ]);
  });

  it('deletes with 202 and an empty body', async () => {
    const id = fake.state.seedJob().id;
    const deleted = await callModelArts(fake, 'DELETE', jobsPath(fake, id));
    expect([deleted.status, deleted.text]).toEqual([202, '']);
  });
});

describe('every answer', () => {
  it('carries X-Request-Id, errors and gateway errors included; gateway bodies repeat it', async () => {
    const answers = [
      await callModelArts(fake, 'GET', `/v2/${fake.projectId}/search-algorithms`),
      await callModelArts(fake, 'GET', jobsPath(fake, 'nope')),
      await callModelArts(fake, 'GET', `/v2/${fake.projectId}/nothing-here`),
      await callModelArts(fake, 'GET', `/v2/${fake.projectId}/search-algorithms`, { auth: 'none' }),
      await callModelArts(fake, 'GET', '/v3/projects', { origin: fake.iamEndpoint }),
    ];
    const ids = answers.map((a) => a.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(answers.map((a) => a.status)).toEqual([200, 400, 404, 401, 200]);
    expect(answers[2]?.json).toEqual({
      error_code: 'APIG.0101',
      error_msg: 'The API does not exist or has not been published in the environment.',
      request_id: ids[2],
    });
    expect(answers[3]?.json.request_id).toBe(ids[3]);
  });
});
