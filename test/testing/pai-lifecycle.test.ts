// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI keys are literally written ${name}.
import { describe, expect, it } from 'vitest';
import { paiFake } from '../../src/testing/index.js';
import { callPai, experimentPath, trialPath } from './helpers/pai-call.js';
import { at, experimentRequest } from './helpers/pai-fixtures.js';
import { usePaiFakes } from './helpers/pai-msw.js';
import {
  createExperiment,
  getExperiment,
  getTrial,
  listExperiments,
  listTrials,
} from './helpers/pai-wire.js';

const fake = paiFake({ seed: 3 });
const failing = paiFake({ region: 'cn-beijing', simulation: { failureRate: 1 } });
const stopping = paiFake({ region: 'cn-shanghai', simulation: { earlyStopRate: 1, failureRate: 0 } });
usePaiFakes(fake, failing, stopping);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('an experiment on the virtual clock', () => {
  it('goes CREATED → WAITING → RUNNING → NO_MORE_TRIAL → FINISHED, never running more trials than trial_concurrency', async () => {
    const id = await createExperiment({ maxTrials: 6, concurrency: 2 });
    expect(id).toMatch(/^[A-Za-z0-9]{7}$/);
    expect((await getExperiment(id)).Status).toBe('CREATED');
    fake.clock.advance(5_000);
    expect((await getExperiment(id)).Status).toBe('WAITING');
    fake.clock.advance(55_000);
    const started = await getExperiment(id);
    expect(started).toMatchObject({ Status: 'RUNNING', TrialCount: 2, TrialStatus: { WAITING: 2 } });

    const seen = new Set<string>();
    for (let minute = 1; minute <= 6 * 60; minute++) {
      fake.clock.advance(MINUTE);
      const experiment = await fake.state.experiment(id);
      const active = fake.state.trialsOf(id).filter((t) => t.endedAt === undefined);
      expect(active.length).toBeLessThanOrEqual(2);
      seen.add(experiment?.status ?? '');
      if (experiment?.status === 'FINISHED') break;
    }
    expect([...seen]).toEqual(expect.arrayContaining(['RUNNING', 'NO_MORE_TRIAL', 'FINISHED']));
    const done = await getExperiment(id);
    expect(done.TrialCount).toBe(6);
    expect(Object.values(done.TrialStatus).reduce((a, b) => a + b, 0)).toBe(6);
    expect(done.TrialStatus.RUNNING ?? 0).toBe(0);
  });

  it('moves each trial WAITING → RUNNING → SUCCEEDED while its Metric grows, ending with a FINAL entry', async () => {
    const id = await createExperiment({ maxTrials: 1, concurrency: 1 });
    fake.clock.advance(MINUTE);
    const [trial] = fake.state.trialsOf(id);
    if (trial === undefined) throw new Error('no trial');
    expect((await getTrial(id, trial.id)).Status).toBe('WAITING');
    fake.clock.set(trial.runStartAt);
    const running = await getTrial(id, trial.id);
    expect(running).toMatchObject({ Status: 'RUNNING', Metric: '', FinalMetric: '' });
    fake.clock.set((trial.runStartAt + trial.plannedEndAt) / 2);
    const halfway = JSON.parse((await getTrial(id, trial.id)).Metric) as Array<Record<string, unknown>>;
    expect(halfway.length).toBeGreaterThan(0);
    expect(halfway.every((entry) => entry.type === 'PERIODICAL')).toBe(true);
    fake.clock.set(trial.plannedEndAt);
    const done = await getTrial(id, trial.id);
    expect(done.Status).toBe('SUCCEEDED');
    const metric = JSON.parse(done.Metric) as Array<Record<string, unknown>>;
    expect(metric.length).toBeGreaterThan(halfway.length);
    expect(metric.at(-1)?.type).toBe('FINAL');
    expect(Number(done.FinalMetric)).toBe(metric.at(-1)?.default);
  });

  it('lets the assessor stop poor trials early: EARLY_STOPPED, periodical metrics only', async () => {
    const create = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/hpo/experiment', {
      endpoint: 'https://paiautoml.cn-shanghai.aliyuncs.com',
      body: experimentRequest({ maxTrials: 8, concurrency: 4, earlyStopStartStep: 2, tuner: 'Random' }),
    });
    const id = create.json.ExperimentId;
    stopping.clock.advance(6 * HOUR);
    const trials = stopping.state.trialsOf(id);
    const early = trials.filter((t) => t.endStatus === 'EARLY_STOPPED');
    expect(early.length).toBeGreaterThan(0);
    for (const trial of early) {
      expect(trial.reports.length).toBeGreaterThanOrEqual(2);
      expect(trial.final).toBeUndefined();
    }
    expect(stopping.state.experiment(id)?.status).toBe('FINISHED');
  });

  it('ends FAILED when every trial failed', async () => {
    const create = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/hpo/experiment', {
      endpoint: 'https://paiautoml.cn-beijing.aliyuncs.com',
      body: experimentRequest({ maxTrials: 3, concurrency: 3 }),
    });
    failing.clock.advance(3 * HOUR);
    const experiment = failing.state.experiment(create.json.ExperimentId);
    expect(experiment?.status).toBe('FAILED');
    expect(failing.state.trialsOf(create.json.ExperimentId).map((t) => t.endStatus)).toEqual([
      'FAILED',
      'FAILED',
      'FAILED',
    ]);
  });

  it('walks the grid with GridSearch and stops when it is exhausted, before max_trial_number', async () => {
    const id = await createExperiment({
      tuner: 'GridSearch',
      maxTrials: 10,
      concurrency: 3,
      searchSpace: {
        '${depth}': { _type: 'choice', _value: [3, 5] },
        '${booster}': { _type: 'choice', _value: ['gbtree', 'dart'] },
      },
    });
    fake.clock.advance(6 * HOUR);
    const trials = (await listTrials(id, { PageSize: 20 })).Trials;
    expect(trials.map((t) => JSON.parse(t.Hyperparam))).toEqual([
      { '${depth}': 3, '${booster}': 'gbtree' },
      { '${depth}': 3, '${booster}': 'dart' },
      { '${depth}': 5, '${booster}': 'gbtree' },
      { '${depth}': 5, '${booster}': 'dart' },
    ]);
    expect((await getExperiment(id)).Status).toBe('FINISHED');
  });
});

describe('stopping, updating and deleting', () => {
  it('StopHpoExperiment cancels running trials at once; nothing launches afterwards; a second stop changes nothing', async () => {
    const id = await createExperiment({ maxTrials: 10, concurrency: 3 });
    fake.clock.advance(10 * MINUTE);
    const stop = await callPai('PUT', experimentPath(id, '/stop'));
    expect(stop.json).toEqual({ RequestId: stop.json.RequestId, ExpId: id, Status: 'USER_CANCELED' });
    fake.clock.advance(5 * HOUR);
    const experiment = await getExperiment(id);
    expect(experiment.Status).toBe('USER_CANCELED');
    expect(experiment.TrialCount).toBe(3);
    expect(experiment.TrialStatus).toEqual({ USER_CANCELED: 3 });
    const again = await callPai('PUT', experimentPath(id, '/stop'));
    expect([again.status, again.json.Status]).toEqual([200, 'USER_CANCELED']);
  });

  it('DeleteHpoExperiment hides the experiment and its trials from every read', async () => {
    const id = await createExperiment();
    fake.clock.advance(10 * MINUTE);
    const trialId = fake.state.trialsOf(id)[0]?.id as string;
    const deleted = await callPai('PUT', experimentPath(id, '/delete'));
    expect(deleted.status).toBe(200);
    expect(Object.keys(deleted.json)).toEqual(['RequestId']);
    const get = await callPai('GET', experimentPath(id));
    expect([get.status, get.json.Code]).toEqual([404, 'INVALID_USER_OR_EXP']);
    expect((await listExperiments()).Experiments).toEqual([]);
    expect((await callPai('GET', trialPath(id, trialId))).status).toBe(404);
    expect((await callPai('PUT', experimentPath(id, '/delete'))).status).toBe(404);
  });

  it('UpdateHpoExperiment changes metadata and lets a finished experiment run more trials', async () => {
    const id = await createExperiment({ maxTrials: 2, concurrency: 2 });
    fake.clock.advance(3 * HOUR);
    expect((await getExperiment(id)).Status).toBe('FINISHED');
    const update = await callPai('PUT', experimentPath(id, '/update'), {
      body: {
        Name: 'renamed',
        Description: 'more',
        HpoExperimentConfiguration: { yml_config: { max_trial_number: 4 } },
      },
    });
    expect(update.json).toEqual({ RequestId: update.json.RequestId, Code: 'SUCCESS' });
    // Two more trials start at once; with the last one submitted the tuner has nothing more to give.
    const resumed = await getExperiment(id);
    expect(resumed).toMatchObject({ Name: 'renamed', Status: 'NO_MORE_TRIAL', TrialCount: 4 });
    expect(at(resumed.HpoExperimentConfiguration as Record<string, unknown>, 'yml_config')).toMatchObject({
      max_trial_number: 4,
      trial_concurrency: 2,
    });
    fake.clock.advance(3 * HOUR);
    expect((await getExperiment(id)).Status).toBe('FINISHED');
  });
});

describe('input checks and missing resources', () => {
  const bodyWith = (edit: (body: Record<string, unknown>) => void) => {
    const body = experimentRequest();
    edit(body);
    return body;
  };
  const config = (body: Record<string, unknown>) =>
    body.HpoExperimentConfiguration as Record<string, unknown>;

  it.each([
    [
      'no configuration',
      bodyWith((b) => delete b.HpoExperimentConfiguration),
      "Missing 'HpoExperimentConfiguration' in request.",
    ],
    [
      'no commands',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'platform_config').cmd = [])),
      "Missing 'HpoExperimentConfiguration.platform_config.cmd' in request.",
    ],
    [
      'an unknown tuner',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'yml_config', 'tuner').name = 'Magic')),
      'yml_config.tuner.name',
    ],
    [
      'max_trial_number 0',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'yml_config').max_trial_number = 0)),
      'must be >= 1',
    ],
    [
      'trial_concurrency as text',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'yml_config').trial_concurrency = '2')),
      'must be an integer',
    ],
    [
      'an unknown metric_type',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'metric_config').metric_type = 'csv')),
      'metric_type',
    ],
    [
      'a stdout source naming a missing command',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'metric_config').metric_source = ['cmd2'])),
      'cmd1..cmd1',
    ],
    [
      'an empty metric_dict',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'metric_config').metric_dict = {})),
      'metric_dict',
    ],
    ['no search space', bodyWith((b) => delete config(b).search_space), 'search_space'],
    [
      'an unknown _type',
      bodyWith((b) => (config(b).search_space = { x: { _type: 'gauss', _value: [1] } })),
      'search_space',
    ],
    [
      'GridSearch over a continuous range',
      bodyWith((b) => (at(b, 'HpoExperimentConfiguration', 'yml_config', 'tuner').name = 'GridSearch')),
      'GridSearch',
    ],
    ['a bad Accessibility', bodyWith((b) => (b.Accessibility = 'SHARED')), 'Accessibility'],
    [
      '21 tags',
      bodyWith((b) => (b.Tag = Array.from({ length: 21 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })))),
      'at most 20',
    ],
  ])('refuses %s with INVALID_INPUT_PARAMS (400)', async (_label, body, message) => {
    const response = await callPai('POST', '/api/automl/v1/hpo/experiment', { body });
    expect(response.status).toBe(400);
    expect(response.json.Code).toBe('INVALID_INPUT_PARAMS');
    expect(response.json.Message).toContain(message);
    expect(fake.state.experiments()).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await callPai('POST', '/api/automl/v1/hpo/experiment', { body: '{"Name":' });
    expect([response.status, response.json.Code, response.json.Message]).toEqual([
      400,
      'INVALID_INPUT_PARAMS',
      'The request body is not valid JSON.',
    ]);
  });

  it('answers INVALID_USER_OR_EXP (404) for an unknown experiment or trial', async () => {
    const unknown = await callPai('GET', experimentPath('nOsUch1'));
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({
      Code: 'INVALID_USER_OR_EXP',
      Message: 'Experiment nOsUch1 does not exist or is not accessible.',
    });
    const id = await createExperiment();
    const trial = await callPai('GET', trialPath(id, 'zzzzzz'));
    expect([trial.status, trial.json.Code]).toEqual([404, 'INVALID_USER_OR_EXP']);
  });
});
