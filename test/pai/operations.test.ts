// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { PaiApi, PaiShapes } from '../../src/providers/pai/index.js';
import { acs3Signature, payloadHash } from './helpers/acs3.js';
import { type Captured, CREDENTIALS, client, HOST, ORIGIN, usePaiServer } from './helpers/env.js';

const env = usePaiServer();

const CONFIG: PaiShapes.HpoExperimentConfig = {
  platform_config: {
    name: 'DLC',
    cmd: ['dlc submit pytorch --name=t --command="python train.py --lr=${lr}"'],
  },
  metric_config: {
    metric_type: 'stdout',
    metric_source: ['cmd1'],
    final_mode: 'final',
    metric_dict: { 'auc=([0-9\\.]+)': 1 },
  },
  search_space: { '${lr}': { _type: 'loguniform', _value: [0.0001, 0.1] } },
  yml_config: {
    max_trial_number: 4,
    trial_concurrency: 2,
    tuner: { name: 'TPE', class_args: { optimize_mode: 'maximize' } },
  },
};

interface Case {
  action: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  answer: Record<string, unknown>;
  run(api: PaiApi): Promise<unknown>;
  check?(result: unknown): void;
}

const CASES: Case[] = [
  {
    action: 'CreateHpoExperiment',
    method: 'POST',
    path: '/api/automl/v1/hpo/experiment',
    body: {
      Name: 'exp x',
      WorkspaceId: 'ws1',
      Description: 'd',
      Accessibility: 'PRIVATE',
      HpoExperimentConfiguration: CONFIG,
      Tag: [{ Key: 'team', Value: 'ml' }],
    },
    answer: { RequestId: 'r', ExperimentId: 'sORVEck' },
    run: (api) =>
      api.createHpoExperiment({
        Name: 'exp x',
        WorkspaceId: 'ws1',
        Description: 'd',
        Accessibility: 'PRIVATE',
        HpoExperimentConfiguration: CONFIG,
        Tag: [{ Key: 'team', Value: 'ml' }],
      }),
    check: (result) => expect(result).toMatchObject({ ExperimentId: 'sORVEck' }),
  },
  {
    action: 'ListHpoExperiments',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiments',
    query: {
      Name: 'my exp*',
      Creator: 'u1',
      PageNumber: '2',
      PageSize: '10',
      MinCreateTime: '2024-01-02 03:04:05',
      MaxCreateTime: '2024-02-01',
      Status: 'RUNNING',
      WorkspaceId: 'ws1',
      Accessibility: 'PUBLIC',
      IncludeConfigData: 'False',
      SortBy: 'create_time',
      Order: 'DESC',
      Tag: '[{"Key":"team","Value":"ml"}]',
    },
    answer: { TotalCount: 0, Experiments: [] },
    run: (api) =>
      api.listHpoExperiments({
        Name: 'my exp*',
        Creator: 'u1',
        PageNumber: 2,
        PageSize: 10,
        MinCreateTime: new Date('2024-01-02T03:04:05.678Z'),
        MaxCreateTime: '2024-02-01',
        Status: 'RUNNING',
        WorkspaceId: 'ws1',
        Accessibility: 'PUBLIC',
        IncludeConfigData: false,
        SortBy: 'create_time',
        Order: 'DESC',
        Tag: [{ Key: 'team', Value: 'ml' }],
      }),
  },
  {
    action: 'GetHpoExperiment',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiment/ab%20c%2Fd%21',
    answer: { ExperimentId: 'ab c/d!', Status: 'RUNNING' },
    run: (api) => api.getHpoExperiment({ ExperimentId: 'ab c/d!' }),
    check: (result) => expect(result).toMatchObject({ ExperimentId: 'ab c/d!', Status: 'RUNNING' }),
  },
  {
    action: 'UpdateHpoExperiment',
    method: 'PUT',
    path: '/api/automl/v1/hpo/experiment/e1/update',
    body: { Name: 'renamed', Accessibility: 'PUBLIC', HpoExperimentConfiguration: CONFIG },
    answer: { Code: 'SUCCESS', RequestId: 'r' },
    run: (api) =>
      api.updateHpoExperiment({
        ExperimentId: 'e1',
        Name: 'renamed',
        Accessibility: 'PUBLIC',
        HpoExperimentConfiguration: CONFIG,
      }),
  },
  {
    action: 'StopHpoExperiment',
    method: 'PUT',
    path: '/api/automl/v1/hpo/experiment/e1/stop',
    answer: { ExpId: 'e1', Status: 'USER_CANCELED' },
    run: (api) => api.stopHpoExperiment({ ExperimentId: 'e1' }),
    check: (result) => expect(result).toMatchObject({ ExpId: 'e1' }),
  },
  {
    action: 'DeleteHpoExperiment',
    method: 'PUT',
    path: '/api/automl/v1/hpo/experiment/e1/delete',
    answer: { RequestId: 'r' },
    run: (api) => api.deleteHpoExperiment({ ExperimentId: 'e1' }),
  },
  {
    action: 'ListHpoExperimentLogs',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiment/e1/logs',
    query: { LogName: 'nnimanager.log', PageNumber: '3', PageSize: '100' },
    answer: { TotalCount: 467, Logs: ['[2024-03-07 18:29:29] INFO (LocalTrainingService) Run'] },
    run: (api) =>
      api.listHpoExperimentLogs({
        ExperimentId: 'e1',
        LogName: 'nnimanager.log',
        PageNumber: 3,
        PageSize: 100,
      }),
    check: (result) => expect(result).toMatchObject({ TotalCount: 467 }),
  },
  {
    action: 'ListHpoTrials',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiment/e1/trials',
    query: { PageNumber: '1', PageSize: '10', SortBy: 'FINAL_METRIC', Order: 'DESC' },
    answer: { TotalCount: 0, Trials: [] },
    run: (api) =>
      api.listHpoTrials({
        ExperimentId: 'e1',
        PageNumber: 1,
        PageSize: 10,
        SortBy: 'FINAL_METRIC',
        Order: 'DESC',
      }),
  },
  {
    action: 'GetHpoTrial',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiment/e1/trial/t%231',
    answer: { TrialId: 't#1', ExperimentId: 'e1' },
    run: (api) => api.getHpoTrial({ ExperimentId: 'e1', TrialId: 't#1' }),
  },
  {
    action: 'StopHpoTrials',
    method: 'PUT',
    path: '/api/automl/v1/hpo/experiment/e1/stop_trials',
    body: { TrialIds: ['t1', 't2'] },
    answer: { Results: { t1: 'successfully stopped trial,', t2: 'failed to stop trial,' } },
    run: (api) => api.stopHpoTrials({ ExperimentId: 'e1', TrialIds: ['t1', 't2'] }),
  },
  {
    action: 'RestartHpoTrials',
    method: 'PUT',
    path: '/api/automl/v1/hpo/experiment/e1/restart_trials',
    body: { TrialHyperParameters: '{"${batch_size}":"32","${lr}":"0.01"}' },
    answer: { Results: {} },
    run: (api) =>
      api.restartHpoTrials({
        ExperimentId: 'e1',
        TrialHyperParameters: { '${batch_size}': '32', '${lr}': '0.01' },
      }),
  },
  {
    action: 'ListHpoTrialLogNames',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiment/e1/trial/t1/lognames',
    answer: { LogNames: ['oss://foo/bar/trial.log'] },
    run: (api) => api.listHpoTrialLogNames({ ExperimentId: 'e1', TrialId: 't1' }),
  },
  {
    action: 'ListHpoTrialLogs',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiment/e1/trial/t1/logs',
    query: { LogName: 'stdout', PageNumber: '2', PageSize: '50' },
    answer: { TotalCount: 123, Logs: ['line'] },
    run: (api) =>
      api.listHpoTrialLogs({
        ExperimentId: 'e1',
        TrialId: 't1',
        LogName: 'stdout',
        PageNumber: 2,
        PageSize: 50,
      }),
  },
  {
    action: 'ListHpoTrialCommands',
    method: 'GET',
    path: '/api/automl/v1/hpo/experiment/e1/trial/t1/commands',
    answer: { Commands: [{ Id: 1, Command: 'dlc submit pytorch --name=x', Output: 'dlc job submitted.' }] },
    run: (api) => api.listHpoTrialCommands({ ExperimentId: 'e1', TrialId: 't1' }),
  },
  {
    action: 'CreateAutofeExperiment',
    method: 'POST',
    path: '/api/automl/v1/autofe/experiment',
    body: {
      Name: 'fe',
      AutofeExperimentConfiguration: {
        oss_config: { oss_bucket: 'b', oss_endpoint: 'oss-cn-beijing.aliyuncs.com' },
        odps_config: { odps_region_id: 'cn-beijing', odps_project_name: 'p', odps_endpoint: 'e' },
        yml_config: { workspace_name: 'w', output_config_oss_dir: 'oss://b/', label: 'y', data_source: 't' },
      },
    },
    answer: { ExperimentId: 'fe1' },
    run: (api) =>
      api.createAutofeExperiment({
        Name: 'fe',
        AutofeExperimentConfiguration: {
          oss_config: { oss_bucket: 'b', oss_endpoint: 'oss-cn-beijing.aliyuncs.com' },
          odps_config: { odps_region_id: 'cn-beijing', odps_project_name: 'p', odps_endpoint: 'e' },
          yml_config: {
            workspace_name: 'w',
            output_config_oss_dir: 'oss://b/',
            label: 'y',
            data_source: 't',
          },
        },
      }),
  },
  {
    action: 'GetAutofeExperiment',
    method: 'GET',
    path: '/api/automl/v1/autofe/experiment/fe1',
    answer: { ExperimentId: 'fe1', SelectedFeatures: 'age,sex,education' },
    run: (api) => api.getAutofeExperiment({ ExperimentId: 'fe1' }),
  },
  {
    action: 'GetServiceIdentityRole',
    method: 'GET',
    path: '/api/automl/v1/serviceidentityrole',
    answer: { RoleName: 'AliyunServiceRoleForPaiAutoml', Code: 'SUCCESS' },
    run: (api) => api.getServiceIdentityRole(),
    check: (result) => expect(result).toMatchObject({ RoleName: 'AliyunServiceRoleForPaiAutoml' }),
  },
  {
    action: 'CreateServiceIdentityRole',
    method: 'POST',
    path: '/api/automl/v1/serviceidentityrole',
    answer: { RoleName: 'AliyunServiceRoleForPaiAutoml' },
    run: (api) => api.createServiceIdentityRole(),
  },
];

function answerEverything(answer: Record<string, unknown>) {
  env.server.use(http.all(`${ORIGIN}/*`, () => HttpResponse.json(answer)));
}

async function only(): Promise<Captured> {
  const requests = await env.settled();
  expect(requests).toHaveLength(1);
  return requests[0] as Captured;
}

describe('the operations client on the wire', () => {
  it('covers all 18 operations of paiautoml 2022-08-28', () => {
    expect(new Set(CASES.map((c) => c.action)).size).toBe(18);
    expect(Object.keys(client().api).sort()).toEqual(
      CASES.map((c) => c.action[0]?.toLowerCase() + c.action.slice(1)).sort(),
    );
  });

  it.each(CASES)('$action: $method $path', async (c) => {
    answerEverything(c.answer);
    const result = await c.run(client().api);
    c.check?.(result);
    const sent = await only();
    expect(sent.method).toBe(c.method);
    expect(`${sent.url.origin}`).toBe(ORIGIN);
    expect(sent.url.pathname).toBe(c.path);
    expect(Object.fromEntries(sent.url.searchParams)).toEqual(c.query ?? {});
    if (c.body === undefined) {
      expect(sent.body).toBe('');
      expect(sent.headers['content-type']).toBeUndefined();
    } else {
      expect(JSON.parse(sent.body)).toEqual(c.body);
      expect(sent.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    expect(sent.headers['x-acs-action']).toBe(c.action);
    expect(sent.headers['x-acs-version']).toBe('2022-08-28');
    expect(sent.headers.host).toBe(HOST);
    expect(sent.headers['x-acs-content-sha256']).toBe(payloadHash(sent.body));
  });

  it('signs every request with ACS3-HMAC-SHA256 over what went on the wire', async () => {
    for (const c of [CASES[1], CASES[9]] as Case[]) {
      answerEverything(c.answer);
      await c.run(client().api);
    }
    const requests = await env.settled();
    for (const sent of requests) {
      const auth = sent.headers.authorization ?? '';
      const match =
        /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
      expect(match?.[1]).toBe(CREDENTIALS.accessKeyId);
      const expected = acs3Signature(
        {
          method: sent.method,
          pathname: sent.url.pathname,
          query: Object.fromEntries(sent.url.searchParams),
          headers: sent.headers,
          body: sent.body,
        },
        CREDENTIALS.accessKeySecret,
      );
      expect(match?.[2]).toBe(expected.signedHeaders);
      expect(match?.[3]).toBe(expected.signature);
      expect(expected.signedHeaders).toContain('x-acs-action');
      expect(sent.headers['x-acs-date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(sent.headers['x-acs-signature-nonce']).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('checks the signature checker itself against the reference vectors', () => {
    const headers = {
      host: 'paiautoml.cn-hangzhou.aliyuncs.com',
      'x-acs-version': '2022-08-28',
      'x-acs-date': '2024-01-01T00:00:00Z',
      'x-acs-signature-nonce': 'nonce-123',
      'x-acs-content-sha256': payloadHash(''),
      accept: 'application/json',
    };
    const list = acs3Signature(
      {
        method: 'GET',
        pathname: '/api/automl/v1/hpo/experiments',
        query: { PageNumber: '1', PageSize: '10', Name: 'my exp*' },
        headers: { ...headers, 'x-acs-action': 'ListHpoExperiments' },
        body: '',
      },
      'SECRET',
    );
    expect(list.signature).toBe('947826c7c32d8cf9a6f82e1c3412dd89d015f52581f1bb8fa11c9f7ea11b2953');
    const body = '{"TrialIds":["t1"]}';
    expect(payloadHash(body)).toBe('740e79700758a4937e19981aab42ece03fa4f34e893825d313fab1e6c38506b5');
    const stop = acs3Signature(
      {
        method: 'PUT',
        pathname: '/api/automl/v1/hpo/experiment/abc/stop_trials',
        query: {},
        headers: {
          ...headers,
          'x-acs-content-sha256': payloadHash(body),
          'content-type': 'application/json; charset=utf-8',
          'x-acs-action': 'StopHpoTrials',
        },
        body,
      },
      'SECRET',
    );
    expect(stop.signature).toBe('737274876fb8c05cdc67f9b488c9436e49c4f7bc43e574358e9a630f373104b9');
  });

  it('sends an STS token in x-acs-security-token, signed, beside the AccessKey id', async () => {
    answerEverything({ RoleName: '' });
    const token = 'sts-token-for-crosstune-tests-0001';
    await client({ credentials: { ...CREDENTIALS, securityToken: token } }).api.getServiceIdentityRole();
    const sent = await only();
    expect(sent.headers['x-acs-security-token']).toBe(token);
    expect(sent.headers['x-acs-accesskey-id']).toBe(CREDENTIALS.accessKeyId);
    expect(sent.headers.authorization).toMatch(/SignedHeaders=[^,]*x-acs-security-token/);
  });

  it('takes credentials from a provider function, asked again for every request', async () => {
    answerEverything({ RoleName: '' });
    let asked = 0;
    const api = client({
      credentials: async () => {
        asked++;
        return { accessKeyId: `AK-${asked}`, accessKeySecret: CREDENTIALS.accessKeySecret };
      },
    }).api;
    await api.getServiceIdentityRole();
    await api.getServiceIdentityRole();
    const requests = await env.settled();
    expect(requests.map((r) => /Credential=([^,]+)/.exec(r.headers.authorization ?? '')?.[1])).toEqual([
      'AK-1',
      'AK-2',
    ]);
  });

  it('fills the endpoint from the region, and an endpoint overrides it', async () => {
    env.server.use(
      http.all('https://paiautoml.cn-shanghai.aliyuncs.com/*', () => HttpResponse.json({ RoleName: 'a' })),
      http.all('https://automl.example.test:8443/*', () => HttpResponse.json({ RoleName: 'b' })),
    );
    expect((await client({ region: 'cn-shanghai' }).api.getServiceIdentityRole()).RoleName).toBe('a');
    expect(
      (await client({ endpoint: 'https://automl.example.test:8443' }).api.getServiceIdentityRole()).RoleName,
    ).toBe('b');
    const [first, second] = await env.settled();
    expect(first?.headers.host).toBe('paiautoml.cn-shanghai.aliyuncs.com');
    expect(second?.headers.host).toBe('automl.example.test:8443');
  });
});
