// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI keys are literally written ${name}.
import { describe, expect, it } from 'vitest';
import { paiFake } from '../../src/testing/index.js';
import { callPai, experimentPath, trialPath } from './helpers/pai-call.js';
import { experimentRequest } from './helpers/pai-fixtures.js';
import { usePaiFakes } from './helpers/pai-msw.js';
import { createExperiment, getExperiment, getTrial } from './helpers/pai-wire.js';

const fake = paiFake({ seed: 5, simulation: { failureRate: 0 } });
const failing = paiFake({ region: 'cn-beijing', simulation: { failureRate: 1 } });
usePaiFakes(fake, failing);
const FAILING = 'https://paiautoml.cn-beijing.aliyuncs.com';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Results = { Results: Record<string, string>; Code?: string; Message?: string };
const stopTrials = (id: string, TrialIds: string[]) =>
  callPai<Results>('PUT', experimentPath(id, '/stop_trials'), { body: { TrialIds } });
const restart = (id: string, body: Record<string, unknown>, endpoint?: string) =>
  callPai<Results & { Code?: string }>('PUT', experimentPath(id, '/restart_trials'), { body, endpoint });

describe('StopHpoTrials', () => {
  it('stops running trials, says so per trial, and refills the freed slots at once', async () => {
    const id = await createExperiment({ maxTrials: 6, concurrency: 2 });
    fake.clock.advance(5 * MINUTE);
    const running = fake.state.trialsOf(id).map((t) => t.id);
    const response = await stopTrials(id, running);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      RequestId: expect.any(String),
      Message: 'successfully stopped all trials',
      Results: Object.fromEntries(running.map((t) => [t, 'successfully stopped trial,'])),
    });
    const trials = fake.state.trialsOf(id);
    expect(trials.map((t) => t.endStatus)).toEqual(['USER_CANCELED', 'USER_CANCELED', undefined, undefined]);
    expect(trials.slice(2).map((t) => t.createdAt)).toEqual([fake.clock.now(), fake.clock.now()]);
  });

  it('reports a mix as "failed to stop some trials"', async () => {
    const id = await createExperiment({ maxTrials: 6, concurrency: 1 });
    fake.clock.advance(HOUR);
    const done = fake.state.trialsOf(id)[0];
    const current = fake.state.trialsOf(id).find((t) => t.endedAt === undefined);
    const response = await stopTrials(id, [done?.id as string, current?.id as string, 'nosuch']);
    expect(response.json).toMatchObject({
      Message: 'failed to stop some trials',
      Results: {
        [done?.id as string]: 'failed to stop trial,',
        [current?.id as string]: 'successfully stopped trial,',
        nosuch: 'failed to stop trial,',
      },
    });
    expect(response.json.Code).toBeUndefined();
  });

  it('answers HTTP 200 with Code EXECUTION_FAILURE when no trial could be stopped', async () => {
    const id = await createExperiment({ maxTrials: 1 });
    fake.clock.advance(3 * HOUR);
    const [done] = fake.state.trialsOf(id);
    const response = await stopTrials(id, [done?.id as string]);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      Code: 'EXECUTION_FAILURE',
      Message: 'failed to stop any trial',
      Results: { [done?.id as string]: 'failed to stop trial,' },
    });
    const none = await stopTrials(id, []);
    expect(none.json).toEqual({ RequestId: expect.any(String), Results: {} });
  });
});

describe('RestartHpoTrials', () => {
  it('re-runs failed trials with their hyperparameters and reopens the ended experiment', async () => {
    const created = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/hpo/experiment', {
      endpoint: FAILING,
      body: experimentRequest({ maxTrials: 2, concurrency: 2 }),
    });
    const id = created.json.ExperimentId;
    failing.clock.advance(2 * HOUR);
    expect(failing.state.experiment(id)?.status).toBe('FAILED');
    const [first] = failing.state.trialsOf(id);
    const response = await restart(id, { TrialIds: [first?.id, 'nosuch'] }, FAILING);
    expect(response.status).toBe(200);
    const info = JSON.parse(response.json.Results[first?.id as string] as string) as Record<string, unknown>;
    const restarted = failing.state.trialsOf(id)[2];
    expect(info).toEqual({
      trialJobId: restarted?.id,
      sequenceId: 2,
      status: 'WAITING',
      hyperParameters: first?.hyperparams,
    });
    expect(response.json.Results.nosuch).toBe('failed to restart trial, trial not found');
    expect(restarted?.hyperparams).toEqual(first?.hyperparams);
    expect(failing.state.experiment(id)?.status).toBe('NO_MORE_TRIAL');
    failing.clock.advance(2 * HOUR);
    expect(failing.state.experiment(id)?.status).toBe('FAILED');
  });

  it('refuses to restart a trial that did not fail, and runs given TrialHyperParameters as a new trial', async () => {
    const id = await createExperiment({ maxTrials: 1 });
    fake.clock.advance(3 * HOUR);
    const [done] = fake.state.trialsOf(id);
    const refused = await restart(id, { TrialIds: [done?.id] });
    expect(refused.json.Results).toEqual({
      [done?.id as string]: 'failed to restart trial, trial is SUCCEEDED, only FAILED trials restart',
    });
    const custom = await restart(id, {
      TrialHyperParameters: '{"${max_depth}": 7, "${eta}": 0.1, "${booster}": "dart"}',
    });
    const [newId] = Object.keys(custom.json.Results);
    expect(JSON.parse((await getTrial(id, newId as string)).Hyperparam)).toEqual({
      '${max_depth}': 7,
      '${eta}': 0.1,
      '${booster}': 'dart',
    });
    const bad = await restart(id, { TrialHyperParameters: '{not json' });
    expect([bad.status, bad.json.Code]).toEqual([400, 'INVALID_INPUT_PARAMS']);
    const nothing = await restart(id, {});
    expect(nothing.json.Results).toEqual({});
  });

  it('refuses a stopped experiment', async () => {
    const id = await createExperiment();
    await callPai('PUT', experimentPath(id, '/stop'));
    const response = await restart(id, { TrialHyperParameters: '{"${max_depth}": 4}' });
    expect([response.status, response.json.Code]).toEqual([400, 'INVALID_INPUT_PARAMS']);
  });
});

describe('trial commands and logs', () => {
  it('lists the platform commands with placeholders filled in, once the trial runs', async () => {
    const id = await createExperiment();
    fake.clock.advance(MINUTE);
    const trial = fake.state.trialsOf(id)[0];
    if (trial === undefined) throw new Error('no trial');
    const before = await callPai<{ Commands: unknown[] }>('GET', trialPath(id, trial.id, '/commands'));
    expect(before.json.Commands).toEqual([]);
    fake.clock.set(trial.runStartAt);
    const during = await callPai<{ Commands: Array<{ Id: number; Command: string; Output: string }> }>(
      'GET',
      trialPath(id, trial.id, '/commands'),
    );
    const params = trial.hyperparams as Record<string, unknown>;
    expect(during.json.Commands).toEqual([
      {
        Id: 1,
        Command: `dlc submit pytorch --name=xgb_${id}_${trial.id} --workers=1 --worker_spec=ecs.gn6v-c8g1.2xlarge --command='python train.py --max_depth=${params['${max_depth}']} --eta=${params['${eta}']} --booster=${params['${booster}']}'`,
        Output: 'dlc job submitted.',
      },
    ]);
  });

  it('serves the experiment logs as NNI writes them, paged by line', async () => {
    const id = await createExperiment({ maxTrials: 3, concurrency: 3 });
    fake.clock.advance(2 * HOUR);
    const path = experimentPath(id, '/logs');
    const whole = await callPai<{ TotalCount: number; Logs: string[] }>('GET', path);
    expect(whole.json.Logs).toHaveLength(whole.json.TotalCount);
    expect(whole.json.Logs[0]).toBe('[2026-01-01 00:00:00] INFO (main) Start NNI manager');
    expect(whole.json.Logs).toContain(
      '[2026-01-01 00:00:05] INFO (LocalTrainingService) Run local machine training service.',
    );
    expect(whole.json.Logs.at(-1)).toMatch(/Change NNIManager status from: NO_MORE_TRIAL to: FINISHED$/);
    const page = await callPai<{ TotalCount: number; Logs: string[] }>('GET', path, {
      query: { PageNumber: 2, PageSize: 3 },
    });
    expect(page.json).toMatchObject({ TotalCount: whole.json.TotalCount, Logs: whole.json.Logs.slice(3, 6) });
    const dispatcher = await callPai<{ Logs: string[] }>('GET', path, {
      query: { LogName: 'dispatcher.log' },
    });
    expect(dispatcher.json.Logs.filter((l) => l.includes('Received final result'))).toHaveLength(3);
    const bad = await callPai('GET', path, { query: { LogName: 'other.log' } });
    expect([bad.status, bad.json.Code]).toEqual([400, 'INVALID_INPUT_PARAMS']);
  });

  it('names each trial’s log files and serves them, stdout in the form the metric regexes match', async () => {
    const id = await createExperiment({ maxTrials: 1 });
    fake.clock.advance(3 * HOUR);
    const trial = fake.state.trialsOf(id)[0];
    if (trial === undefined) throw new Error('no trial');
    const names = await callPai<{ LogNames: string[] }>('GET', trialPath(id, trial.id, '/lognames'));
    expect(names.json.LogNames).toEqual(
      ['stdout', 'stderr', 'trial.log'].map((n) => `oss://crosstune-fake/automl/hpo/${id}/${trial.id}/${n}`),
    );
    const stdout = await callPai<{ TotalCount: number; Logs: string[] }>(
      'GET',
      trialPath(id, trial.id, '/logs'),
      {
        query: { LogName: 'stdout' },
      },
    );
    const reports = stdout.json.Logs.filter((line) => line.includes('step '));
    expect(reports).toHaveLength(trial.reports.length);
    const last = reports.at(-1) as string;
    expect(Number(/val_auc=([0-9\\.]+)/.exec(last)?.[1])).toBe(
      trial.reports.at(-1)?.values['val_auc=([0-9\\.]+)'],
    );
    const byPath = await callPai<{ Logs: string[] }>('GET', trialPath(id, trial.id, '/logs'), {
      query: { LogName: names.json.LogNames[2] as string, PageSize: 1 },
    });
    expect(byPath.json.Logs).toHaveLength(1);
    expect(byPath.json.Logs[0]).toContain(`trial ${trial.id} submitted`);
    const stderr = await callPai<{ TotalCount: number }>('GET', trialPath(id, trial.id, '/logs'), {
      query: { LogName: 'stderr' },
    });
    expect(stderr.json.TotalCount).toBe(0);
  });

  it('writes a traceback to stderr for a failed trial', async () => {
    const created = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/hpo/experiment', {
      endpoint: FAILING,
      body: experimentRequest({ maxTrials: 1 }),
    });
    failing.clock.advance(2 * HOUR);
    const trial = failing.state.trialsOf(created.json.ExperimentId)[0];
    const stderr = await callPai<{ Logs: string[] }>(
      'GET',
      trialPath(created.json.ExperimentId, trial?.id as string, '/logs'),
      {
        endpoint: FAILING,
        query: { LogName: 'stderr' },
      },
    );
    expect(stderr.json.Logs.at(-1)).toMatch(/RuntimeError: simulated trial failure/);
  });

  it('keeps log lines to what has happened by now', async () => {
    const id = await createExperiment();
    const count = async () =>
      (await callPai<{ TotalCount: number }>('GET', experimentPath(id, '/logs'))).json.TotalCount;
    const early = await count();
    fake.clock.advance(30 * MINUTE);
    expect(await count()).toBeGreaterThan(early);
    expect((await getExperiment(id)).Status).toBe('RUNNING');
  });
});
