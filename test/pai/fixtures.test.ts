// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * Every documented example answer (help pages and API metadata, copied into test/fixtures/pai)
 * served over the wire, parsed and normalized, with the values asserted.
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ResponseFormatError, ValidationError } from '../../src/index.js';
import { readHpoExperiment, readHpoTrial } from '../../src/providers/pai/views.js';
import { BASE, client, failure, ORIGIN, usePaiServer } from './helpers/env.js';
import { docExample, docPage, metadataExample, metadataOperations } from './helpers/fixtures.js';

const env = usePaiServer();

/** The doc examples carry an error `Code` even in "success" samples; a real success has none. */
function withoutCode(body: Record<string, unknown>): Record<string, unknown> {
  const { Code: _code, Message: _message, ...rest } = body;
  return rest;
}

function serve(method: 'get' | 'post' | 'put', path: string, body: unknown) {
  env.server.use(http[method](`${BASE}${path}`, () => HttpResponse.json(body as Record<string, unknown>)));
}

/** The example column of a help page's response table: the last line before the next field. */
function tableExample(page: string, field: string, next: string): string {
  const from = page.indexOf(`\n${field}\n`);
  const to = page.indexOf(`\n${next}\n`, from);
  expect(from).toBeGreaterThan(0);
  const lines = page
    .slice(from, to)
    .split('\n')
    .filter((line) => line.trim() !== '');
  return lines.at(-1) as string;
}

const UTC = (iso: string) => new Date(`${iso}Z`);

describe('GetHpoExperiment help page', () => {
  const expectedSearchSpace = {
    centerCount: { kind: 'choice', values: [2, 3, 4, 5] },
    distanceType: { kind: 'choice', values: ['euclidean', 'cosine', 'cityblock'] },
  };

  it('as documented (an error Code in a 200 answer) is the mapped error', async () => {
    serve('get', '/hpo/experiment/sX5O9Q8', docExample('GetHpoExperiment'));
    const error = await failure(client().experiments.get('sX5O9Q8'));
    expect(ValidationError.is(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'INVALID_INPUT_PARAMS',
      httpStatus: 200,
      requestId: '3F190916-B3E5-5D1E-AD0C-35C0DF105F51',
      operation: 'GetHpoExperiment',
      provider: 'pai',
    });
    expect(error.message).toBe("INVALID_INPUT_PARAMS: Missing 'user_id' in request.");
  });

  it('normalizes into an Experiment', async () => {
    const body = withoutCode(docExample('GetHpoExperiment'));
    serve('get', '/hpo/experiment/sX5O9Q8', body);
    const experiment = await client().experiments.get('sX5O9Q8');
    expect(experiment).toEqual({
      provider: 'pai',
      id: 'sX5O9Q8',
      name: 'my_hpo_exp_1',
      status: 'unknown',
      providerStatus: 'INVALID_USER_OR_EXP, SUCCESS, or EXECUTION_FAILURE',
      // metric_dict weighs recall, auc and precision: the objective is their weighted sum.
      objective: { metric: 'default', direction: 'maximize' },
      algorithm: 'TPE',
      // HpoExperimentConfiguration (5, 2) wins over the YAML file (10, 2).
      limits: { maxTrials: 5, maxParallelTrials: 2 },
      trialCounts: { completed: 1, running: 2, total: 3 },
      searchSpace: { spec: expectedSearchSpace, losses: [] },
      createdAt: UTC('2024-01-01T08:30:11'),
      updatedAt: UTC('2024-01-01T08:30:11'),
      endedAt: undefined,
      raw: body,
    });
    expect(experiment.raw).toEqual(withoutCode(docExample('GetHpoExperiment')));
  });

  it('reads every packed field of it', () => {
    const view = readHpoExperiment(docExample('GetHpoExperiment') as never);
    expect(view).toMatchObject({
      experimentId: 'sX5O9Q8',
      creator: '123456789',
      workspaceId: '12345',
      jobType: '1',
      accessibility: 'PRIVATE',
      description: 'This is experiment is for tune the LR of model.',
      trialCount: 3,
      trialStatus: { FINISHED: 1, RUNNING: 2 },
      deleted: true,
      configIni: {
        odps_config: {
          access_id: 'foo',
          access_key: 'bar',
          end_point: 'http://service.odps.aliyun.com/api',
          log_view_host: 'http://logview.odps.aliyun.com',
          project_name: 'my_project',
        },
      },
      configYml: {
        experimentName: 'maxcompute_kmeans_monitor',
        maxTrialNumber: 10,
        trialConcurrency: 2,
        debug: true,
        tuner: { name: 'TPE', classArgs: { optimize_mode: 'maximize' } },
        assessor: { name: 'PAIAssessor', classArgs: { optimize_mode: 'maximize', start_step: 1 } },
        trainingService: { platform: 'local' },
      },
    });
    expect(view.configuration).toMatchObject({
      metric_config: { metric_dict: { recall: 0.5, auc: 0.25, precision: 0.25 }, final_mode: 'best' },
      platform_config: { name: 'MaxCompute' },
    });
    expect(Object.keys(view.searchSpace ?? {})).toEqual(['${centerCount}', '${distanceType}']);
  });

  it('reads the text forms of its response table the same as the parsed forms', async () => {
    const page = docPage('GetHpoExperiment');
    const body = {
      ...withoutCode(docExample('GetHpoExperiment')),
      SearchSpace: tableExample(page, 'SearchSpacestring', 'Namestring'),
      TrialStatus: tableExample(page, 'TrialStatusobject', 'HpoExperimentConfigurationobject'),
      Deleted: tableExample(page, 'Deletedboolean', 'Tagsarray<object>'),
    };
    expect(body.SearchSpace).toMatch(/^\{"\$\{centerCount\}":/);
    expect(body.TrialStatus).toBe("{‘FINISHED':1, 'RUNNING':2}");
    expect(body.Deleted).toBe('0');
    serve('get', '/hpo/experiment/sX5O9Q8', body);
    const experiment = await client().experiments.get('sX5O9Q8');
    expect(experiment.searchSpace?.spec).toEqual(expectedSearchSpace);
    expect(experiment.trialCounts).toEqual({ completed: 1, running: 2, total: 3 });
    expect(readHpoExperiment(body as never).deleted).toBe(false);
  });
});

describe('GetHpoTrial help page', () => {
  const regexKey = 'val_loss=([0-9\\\\.]+)';
  const expected = {
    provider: 'pai',
    id: 'mf99W4',
    experimentId: 'abcde',
    status: 'unknown',
    providerStatus: 'FINISHED, FAILED, USER_CANCELED',
    hyperParameters: { centerCount: 5, distanceType: 'cosine' },
    objective: { metric: 'default', value: 0.087745 },
    metrics: [
      { name: 'default', value: 0.087745, step: 0, final: false },
      { name: regexKey, value: 0.087745, step: 0, final: false },
      { name: 'default', value: 1.085841, step: 1, final: false },
      { name: regexKey, value: 0.085841, step: 1, final: false },
      { name: 'default', value: 0.087745, step: 2, final: true },
      { name: regexKey, value: 0.087745, step: 2, final: true },
    ],
    createdAt: UTC('2024-01-02T12:34:56'),
    endedAt: undefined,
  };

  it('as documented is the mapped error', async () => {
    serve('get', '/hpo/experiment/abcde/trial/mf99W4', docExample('GetHpoTrial'));
    const error = await failure(client().trials.get('abcde', 'mf99W4'));
    expect(error).toMatchObject({ name: 'ValidationError', code: 'INVALID_INPUT_PARAMS', httpStatus: 200 });
  });

  // The experiment names the trial's objective: its example weighs three metrics, so PAI's `default`.
  const serveExperiment = () =>
    serve('get', '/hpo/experiment/abcde', withoutCode(docExample('GetHpoExperiment')));

  it('normalizes into a Trial, the regular-expression metric name kept', async () => {
    const body = withoutCode(docExample('GetHpoTrial'));
    serve('get', '/hpo/experiment/abcde/trial/mf99W4', body);
    serveExperiment();
    const trial = await client().trials.get('abcde', 'mf99W4');
    expect(trial).toEqual({ ...expected, raw: body });
    expect(regexKey).toBe(String.raw`val_loss=([0-9\\.]+)`);
  });

  it('reads the text forms of its response table the same as the parsed forms', async () => {
    const page = docPage('GetHpoTrial');
    const body = {
      ...withoutCode(docExample('GetHpoTrial')),
      Hyperparam: tableExample(page, 'Hyperparamstring', 'ParameterIdinteger'),
      Metric: tableExample(page, 'Metricstring', 'JobMetastring'),
      JobMeta: tableExample(page, 'JobMetastring', 'UserScoreinteger'),
      FinalMetric: tableExample(page, 'FinalMetricstring', 'GmtCreateTimestring'),
    };
    expect(typeof body.Metric).toBe('string');
    serve('get', '/hpo/experiment/abcde/trial/mf99W4', body);
    serveExperiment();
    expect(await client().trials.get('abcde', 'mf99W4')).toEqual({ ...expected, raw: body });
    expect(readHpoTrial(body as never)).toMatchObject({
      parameterId: 0,
      jobMeta: { nni_trial_id: 'asdf', nni_exp_id: 'abcde', nni_trial_sequence_id: 2 },
      finalMetric: 0.087745,
      model: 'model_table_name_foo',
      modifiedAt: UTC('2024-01-02T21:32:56'),
    });
  });
});

describe('CreateHpoExperiment help page', () => {
  it('as documented is the mapped error; without the Code it names the new experiment', async () => {
    const api = client().api;
    serve('post', '/hpo/experiment', docExample('CreateHpoExperiment'));
    const error = await failure(api.createHpoExperiment({ Name: 'my experiment x' }));
    expect(error).toMatchObject({
      name: 'ValidationError',
      code: 'INVALID_INPUT_PARAMS',
      requestId: '3F190916-B3E5-5D1E-AD0C-35C0DF105F51',
    });
    env.server.resetHandlers();
    serve('post', '/hpo/experiment', withoutCode(docExample('CreateHpoExperiment')));
    expect(await api.createHpoExperiment({ Name: 'my experiment x' })).toMatchObject({
      ExperimentId: 'sORVEck',
      AccessDeniedDetail: {
        key: {
          AuthPrincipalType: 'sub',
          PolicyType: 'AccountLevelIdentityBasedPolicy',
          NoPermissionType: 'NoPermission',
        },
      },
    });
  });
});

/** The metadata's example of `operation`, parsed, optionally without its Code. */
function metadata(operation: string, strip = false): Record<string, unknown> {
  const body = JSON.parse(metadataExample(operation).example) as Record<string, unknown>;
  return strip ? withoutCode(body) : body;
}

/** Serves the metadata example of `operation` (as is, or `body`), at its path with the given ids. */
function serveMetadata(operation: string, body?: unknown, ids = { experiment: 'e1', trial: 't1' }) {
  const { method, path, example } = metadataExample(operation);
  const url = `${ORIGIN}${path.replace('{ExperimentId}', ids.experiment).replace('{TrialId}', ids.trial)}`;
  const verb = method.toLowerCase() as 'get' | 'post' | 'put';
  env.server.use(
    http[verb](url, () =>
      body === undefined
        ? new HttpResponse(example, { headers: { 'content-type': 'application/json' } })
        : HttpResponse.json(body as Record<string, unknown>),
    ),
  );
}

describe('API metadata examples (14 HPO operations)', () => {
  it('has one for each HPO operation', () => {
    expect(metadataOperations()).toHaveLength(14);
  });

  it('answers with Code SUCCESS are successes even with a Message', async () => {
    const api = client().api;
    serveMetadata('UpdateHpoExperiment');
    serveMetadata('ListHpoExperimentLogs');
    serveMetadata('ListHpoTrialLogs');
    expect(await api.updateHpoExperiment({ ExperimentId: 'e1' })).toMatchObject({ Code: 'SUCCESS' });
    expect(await api.listHpoExperimentLogs({ ExperimentId: 'e1' })).toMatchObject({
      TotalCount: 467,
      Logs: ['[2024-03-07 18:29:29] INFO (LocalTrainingService) Run local machine training service.'],
    });
    expect(await api.listHpoTrialLogs({ ExperimentId: 'e1', TrialId: 't1' })).toMatchObject({
      TotalCount: 123,
      Logs: ['[2024-03-07 18:41:00] INFO (sys/MainThread) system_config loaded for region. cn-shanghai'],
    });
  });

  it('answers with an error Code are that error, whatever else they carry', async () => {
    const api = client().api;
    serveMetadata('DeleteHpoExperiment');
    serveMetadata('StopHpoExperiment');
    serveMetadata('ListHpoTrialCommands');
    serveMetadata('StopHpoTrials');
    const deleted = await failure(api.deleteHpoExperiment({ ExperimentId: 'e1' }));
    expect(NotFoundError.is(deleted)).toBe(true);
    expect(deleted).toMatchObject({ code: 'INVALID_USER_OR_EXP', httpStatus: 200 });
    expect(await failure(api.stopHpoExperiment({ ExperimentId: 'e1' }))).toMatchObject({
      name: 'ValidationError',
      requestId: '071A904D-5A49-597F-9F69-81C7701D04AC',
    });
    expect(await failure(api.listHpoTrialCommands({ ExperimentId: 'e1', TrialId: 't1' }))).toMatchObject({
      name: 'NotFoundError',
    });
    expect((await failure(api.stopHpoTrials({ ExperimentId: 'e1', TrialIds: ['x'] }))).message).toBe(
      'INVALID_USER_OR_EXP: failed to stop any trial',
    );
  });

  it('every other answer parses once its Code is gone', async () => {
    const api = client().api;
    for (const op of ['StopHpoExperiment', 'ListHpoTrialCommands', 'StopHpoTrials', 'RestartHpoTrials']) {
      serveMetadata(op, metadata(op, true));
    }
    serveMetadata('ListHpoTrialLogNames', metadata('ListHpoTrialLogNames', true));
    serveMetadata('CreateHpoExperiment', metadata('CreateHpoExperiment', true));
    expect(await api.stopHpoExperiment({ ExperimentId: 'e1' })).toMatchObject({ ExpId: 'abcde' });
    expect((await api.listHpoTrialCommands({ ExperimentId: 'e1', TrialId: 't1' })).Commands).toEqual([
      { Id: 1, Command: 'dlc submit pytorch --name=test_nni_foo_bar', Output: 'foo' },
    ]);
    expect((await api.stopHpoTrials({ ExperimentId: 'e1', TrialIds: ['test'] })).Results).toEqual({
      test: 'test',
      test2: 1,
    });
    expect((await api.restartHpoTrials({ ExperimentId: 'e1', TrialIds: ['test'] })).Results).toEqual({
      test: 'test',
      test2: 1,
    });
    expect((await api.listHpoTrialLogNames({ ExperimentId: 'e1', TrialId: 't1' })).LogNames).toEqual([
      'oss;//foo/bar/trial.log',
    ]);
    expect((await api.createHpoExperiment({ Name: 'x' })).ExperimentId).toBe('sORVEck');
  });

  it('GetHpoExperiment (all packed fields as text) normalizes like the help page example', async () => {
    serveMetadata('GetHpoExperiment', metadata('GetHpoExperiment', true));
    const experiment = await client().experiments.get('e1');
    expect(experiment).toMatchObject({
      id: 'sX5O9Q8',
      name: 'my_hpo_exp_1',
      status: 'unknown',
      objective: { metric: 'default', direction: 'maximize' },
      algorithm: 'TPE',
      limits: { maxTrials: 5, maxParallelTrials: 2 },
      trialCounts: { completed: 1, running: 2, total: 3 },
      createdAt: UTC('2024-01-01T08:30:11'),
    });
    expect(Object.keys(experiment.searchSpace?.spec ?? {})).toEqual(['centerCount', 'distanceType']);
    expect(readHpoExperiment(experiment.raw as never)).toMatchObject({
      creator: '123456789',
      workspaceId: '12345',
    });
  });

  it('GetHpoTrial (all packed fields as text) normalizes like the help page example', async () => {
    serveMetadata('GetHpoTrial', metadata('GetHpoTrial', true), { experiment: 'abcde', trial: 'mf99W4' });
    serveMetadata('GetHpoExperiment', metadata('GetHpoExperiment', true), { experiment: 'abcde', trial: '' });
    const trial = await client().trials.get('abcde', 'mf99W4');
    expect(trial).toMatchObject({
      id: 'mf99W4',
      hyperParameters: { centerCount: 5, distanceType: 'cosine' },
      objective: { metric: 'default', value: 0.087745 },
    });
    expect(trial.metrics.filter((m) => m.final).map((m) => m.name)).toEqual([
      'default',
      String.raw`val_loss=([0-9\\.]+)`,
    ]);
  });

  it("ListHpoExperiments: the example's SearchSpace \"{'foo':'bar'}\" is no search space, and says where", async () => {
    serveMetadata('ListHpoExperiments', metadata('ListHpoExperiments', true));
    const error = await failure(client().experiments.list().toArray());
    expect(ResponseFormatError.is(error)).toBe(true);
    expect(error).toMatchObject({ path: 'Experiments.0.SearchSpace', operation: 'ListHpoExperiments' });
    expect(error.message).toContain('Experiments.0.SearchSpace: expected an NNI search space');
  });

  it('ListHpoExperiments: its item normalizes from the YAML file and the status map', async () => {
    const body = metadata('ListHpoExperiments', true);
    const [item] = body.Experiments as Record<string, unknown>[];
    expect(readHpoExperiment(item as never)).toMatchObject({
      searchSpace: { foo: 'bar' },
      creator: '1049310008714189',
      configIni: { odps_config: { key1: 'value1', key2: 'value2' } },
      trialStatus: { key: 3 },
      deleted: true,
    });
    const { SearchSpace: _broken, ...readable } = item as Record<string, unknown>;
    serveMetadata('ListHpoExperiments', { ...body, Experiments: [readable] });
    const [experiment, ...rest] = await client().experiments.list().toArray();
    expect(rest).toEqual([]);
    expect(experiment).toEqual({
      provider: 'pai',
      id: 'sORVEck',
      name: 'my experiment x',
      status: 'unknown',
      providerStatus:
        'CREATED, RUNNING, FINISHED, FAILED, EARLY_STOPPED, USER_CANCELED, WAITING, NO_MORE_TRIAL, UNKNOWN',
      objective: { metric: 'default', direction: 'maximize' },
      algorithm: 'TPE',
      limits: { maxTrials: 4, maxParallelTrials: 1 },
      // "key" is no trial status PAI has: its count is kept as unknown.
      trialCounts: { unknown: 3, total: 20 },
      searchSpace: undefined,
      createdAt: new Date('2023-03-31T10:29:30Z'),
      updatedAt: new Date('2022-10-27T00:55:54Z'),
      endedAt: undefined,
      raw: readable,
    });
  });

  it("ListHpoTrials: the example's Metric text lacks its closing bracket, and the error says where", async () => {
    serveMetadata('ListHpoTrials', metadata('ListHpoTrials', true));
    serveMetadata('GetHpoExperiment', metadata('GetHpoExperiment', true));
    const error = await failure(client().trials.list('e1').toArray());
    expect(error).toMatchObject({ name: 'ResponseFormatError', path: 'Trials.0.Metric' });
  });

  it('ListHpoTrials: its trial normalizes once the bracket is there', async () => {
    const body = metadata('ListHpoTrials', true);
    const [item] = body.Trials as Record<string, unknown>[];
    const fixed = { ...item, Metric: `${(item as { Metric: string }).Metric}]` };
    serveMetadata('ListHpoTrials', { ...body, Trials: [fixed] });
    serveMetadata('GetHpoExperiment', metadata('GetHpoExperiment', true));
    const trials = await client().trials.list('e1').toArray();
    expect(trials).toEqual([
      {
        provider: 'pai',
        id: 'asdf',
        experimentId: 'abcde',
        status: 'unknown',
        providerStatus:
          'UNKNOWN, RUNNING, WAITING, EARLY_STOPPED, SUCCEEDED, FAILED, USER_CANCELED, SYS_CANCELED',
        hyperParameters: { centerCount: 5, distanceType: 'cityblock' },
        objective: { metric: 'default', value: 9999.2 },
        metrics: [
          { name: 'default', value: 9999.2, step: 0, final: false },
          { name: 'vrc', value: 9999.2, step: 0, final: false },
          { name: 'default', value: 9999.2, step: 1, final: true },
          { name: 'vrc', value: 9999.2, step: 1, final: true },
        ],
        createdAt: new Date('2023-06-07T13:17:13Z'),
        endedAt: undefined,
        usage: undefined,
        raw: fixed,
      },
    ]);
  });
});
