// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/** experiments.create: the HpoExperimentConfiguration built from a neutral spec, and the reconcile after ambiguity. */
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  choice,
  type ExperimentSpec,
  float,
  InvalidArgumentError,
  int,
  SearchSpaceError,
  space,
} from '../../src/index.js';
import type { PaiExperimentOptions } from '../../src/providers/pai/index.js';
import { BASE, client, experimentItem, failure, recordAttempts, usePaiServer } from './helpers/env.js';

const env = usePaiServer();

function spec(
  overrides: Partial<ExperimentSpec<PaiExperimentOptions>> = {},
  options: Partial<PaiExperimentOptions> = {},
): ExperimentSpec<PaiExperimentOptions> {
  return {
    name: 'mnist-lr',
    objective: { metric: 'accuracy', direction: 'maximize' },
    searchSpace: space({ lr: float(1e-4, 0.1, { log: true }), batch: choice([32, 64]), layers: int(1, 4) }),
    limits: { maxTrials: 8, maxParallelTrials: 2 },
    ...overrides,
    providerOptions: {
      platformConfig: {
        name: 'DLC',
        cmd: [
          'dlc submit pytorch --name=mnist --command="python train.py --lr=${lr} --batch=${batch} --layers=${layers}"',
        ],
      },
      metricConfig: { metric_type: 'stdout', metric_source: ['cmd1'] },
      configuration: { dlc_config: { region: 'cn-hangzhou', protocol: 'https' } },
      tags: [{ Key: 'team', Value: 'vision' }],
      ...options,
    },
  };
}

/** Answers Get with what the create sent, the way PAI echoes the configuration back. */
function echoingService(
  createAnswer: () => Response | Promise<Response> = () => HttpResponse.json({ ExperimentId: 'new1' }),
) {
  let created: Record<string, unknown> | undefined;
  env.server.use(
    http.post(`${BASE}/hpo/experiment`, async ({ request }) => {
      created = (await request.json()) as Record<string, unknown>;
      return createAnswer();
    }),
    http.get(`${BASE}/hpo/experiment/new1`, () =>
      HttpResponse.json({
        ExperimentId: 'new1',
        Name: created?.Name,
        Description: created?.Description,
        Status: 'CREATED',
        HpoExperimentConfiguration: created?.HpoExperimentConfiguration,
        GmtCreateTime: '2024-05-01 10:00:00',
      }),
    ),
  );
}

describe('experiments.create', () => {
  it('keeps an objective name PAI has no key for as the description’s last line, and reads it back', async () => {
    echoingService();
    const regex = 'val-auc=([0-9\\.]+)';
    const created = await client().experiments.create(
      spec(
        { objective: { metric: 'validation:auc', direction: 'maximize' } },
        {
          description: 'lr sweep\nsecond line',
          metricConfig: { metric_type: 'stdout', metric_source: ['cmd1'], metric_dict: { [regex]: 1 } },
        },
      ),
    );
    const [post] = (await env.settled()).filter((r) => r.method === 'POST');
    const body = JSON.parse(post?.body ?? '');
    expect(body.Description).toBe('lr sweep\nsecond line\n[crosstune] objective: validation:auc');
    expect(body.HpoExperimentConfiguration.metric_config.metric_dict).toEqual({ [regex]: 1 });
    expect(created.objective).toEqual({ metric: 'validation:auc', direction: 'maximize' });
    expect((await client().experiments.get('new1')).objective?.metric).toBe('validation:auc');
  });

  it('sends the configuration PAI takes, then reads the experiment back', async () => {
    echoingService();
    const experiment = await client({ workspaceId: 'ws-1' }).experiments.create(spec());
    const [post] = (await env.settled()).filter((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '')).toEqual({
      Name: 'mnist-lr',
      WorkspaceId: 'ws-1',
      Tag: [{ Key: 'team', Value: 'vision' }],
      HpoExperimentConfiguration: {
        dlc_config: { region: 'cn-hangzhou', protocol: 'https' },
        platform_config: spec().providerOptions?.platformConfig,
        metric_config: {
          metric_type: 'stdout',
          metric_source: ['cmd1'],
          final_mode: 'final',
          metric_dict: { accuracy: 1 },
        },
        search_space: {
          '${lr}': { _type: 'loguniform', _value: [0.0001, 0.1] },
          '${batch}': { _type: 'choice', _value: [32, 64] },
          '${layers}': { _type: 'randint', _value: [1, 5] },
        },
        yml_config: {
          experiment_name: 'mnist-lr',
          max_trial_number: 8,
          trial_concurrency: 2,
          tuner: { name: 'TPE', class_args: { optimize_mode: 'maximize' } },
        },
      },
    });
    expect(experiment).toMatchObject({
      id: 'new1',
      name: 'mnist-lr',
      status: 'pending',
      objective: { metric: 'accuracy', direction: 'maximize' },
      algorithm: 'TPE',
      limits: { maxTrials: 8, maxParallelTrials: 2 },
      searchSpace: { spec: spec().searchSpace, losses: [], compileLosses: [] },
    });
  });

  it('passes algorithm, tuner arguments, assessor and further sections through', async () => {
    echoingService();
    await client().experiments.create(
      spec(
        { algorithm: 'Evolution', objective: { metric: 'loss', direction: 'minimize' } },
        {
          tunerClassArgs: { population_size: 16 },
          assessor: {
            name: 'PAIAssessor',
            class_args: { earlystop: true, start_step: 3, optimize_mode: 'minimize' },
          },
          metricConfig: {
            metric_type: 'table',
            metric_source: ['select 1;'],
            final_mode: 'best',
            metric_dict: { loss: 1, time: 0.1 },
          },
          workspaceId: 'ws-own',
          description: 'd',
          accessibility: 'PUBLIC',
          configuration: {
            yml_config: { debug: true, log_level: 'debug' },
            output_config: { model_path: 'oss://b/${exp_id}_${trial_id}' },
          },
        },
      ),
    );
    const [post] = (await env.settled()).filter((r) => r.method === 'POST');
    const body = JSON.parse(post?.body ?? '');
    // `loss` is one of two weighted metric_dict keys: PAI ranks by their sum, so the objective's
    // name is kept as the description's last line.
    expect(body).toMatchObject({
      WorkspaceId: 'ws-own',
      Description: 'd\n[crosstune] objective: loss',
      Accessibility: 'PUBLIC',
    });
    expect(body.HpoExperimentConfiguration).toMatchObject({
      metric_config: { metric_type: 'table', final_mode: 'best', metric_dict: { loss: 1, time: 0.1 } },
      output_config: { model_path: 'oss://b/${exp_id}_${trial_id}' },
      yml_config: {
        tuner: { name: 'Evolution', class_args: { population_size: 16, optimize_mode: 'minimize' } },
        assessor: {
          name: 'PAIAssessor',
          class_args: { earlystop: true, start_step: 3, optimize_mode: 'minimize' },
        },
        debug: true,
        log_level: 'debug',
      },
    });
  });

  it('reports what compiling the search space lost, or refuses when strict', async () => {
    echoingService();
    const lossy = spec(
      { searchSpace: space({ lr: float(0.1, 1), width: int(16, 64, { step: 16 }) }) },
      {
        platformConfig: { name: 'DLC', cmd: ['python t.py ${lr} ${width}'] },
      },
    );
    const experiment = await client().experiments.create(lossy);
    expect(experiment.searchSpace?.compileLosses?.map((l) => [l.param, l.kind])).toEqual([
      ['width', 'integer-as-float'],
    ]);
    env.requests.length = 0;
    const error = await failure(client().experiments.create({ ...lossy, strictSearchSpace: true }));
    expect(SearchSpaceError.is(error)).toBe(true);
    expect(env.requests).toHaveLength(0);
  });

  it("takes PAI's own search space as given", async () => {
    echoingService();
    const own = { '${lr}': { _type: 'qloguniform' as const, _value: [0.001, 0.1, 0.001] } };
    await client().experiments.create(spec({ searchSpace: undefined }, { searchSpace: own }));
    const [post] = (await env.settled()).filter((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '').HpoExperimentConfiguration.search_space).toEqual(own);
  });

  it('refuses, before sending, what PAI cannot run', async () => {
    const create = (s: ExperimentSpec<PaiExperimentOptions>) => failure(client().experiments.create(s));
    const noPlatform = { ...spec(), providerOptions: undefined };
    expect(InvalidArgumentError.is(await create(noPlatform))).toBe(true);
    expect(
      (await create(spec({ limits: { maxTrials: 2, maxParallelTrials: 1, maxRuntimeSeconds: 60 } }))).message,
    ).toMatch(/no run-time limit/);
    const unused = await create(
      spec({}, { platformConfig: { name: 'DLC', cmd: ['python train.py --lr=${lr}'] } }),
    );
    expect(InvalidArgumentError.is(unused)).toBe(true);
    expect(unused.message).toContain('${batch}, ${layers}');
    expect((await create(spec({ searchSpace: undefined }))).message).toMatch(/needs a searchSpace/);
    expect(env.requests).toHaveLength(0);
  });

  it('creates with unreferenced parameters when told to, or when params_config files carry them', async () => {
    echoingService();
    const cmd = { name: 'DLC', cmd: ['python train.py --config=./params.json'] };
    await client().experiments.create(spec({}, { platformConfig: cmd, allowUnreferencedParameters: true }));
    await client().experiments.create(
      spec(
        {},
        {
          platformConfig: cmd,
          configuration: { params_config: { params_src_dst_filepath: ['./p.json,oss://b/p.json'] } },
        },
      ),
    );
    expect((await env.settled()).filter((r) => r.method === 'POST')).toHaveLength(2);
  });
});

describe('CreateHpoExperiment after an ambiguous failure', () => {
  /** Lists `items` for the reconcile lookup, recording what it asked. */
  function listing(items: Record<string, unknown>[]) {
    env.server.use(
      http.get(`${BASE}/hpo/experiments`, () =>
        HttpResponse.json({ TotalCount: items.length, Experiments: items }),
      ),
    );
  }
  const now = () => new Date(Date.now() + 1000).toISOString().slice(0, 19).replace('T', ' ');
  const posts = async () => (await env.settled()).filter((r) => r.method === 'POST');

  it('finds the experiment a failed attempt created, by exact name and creation time, and does not resend', async () => {
    env.server.use(
      http.post(`${BASE}/hpo/experiment`, () =>
        HttpResponse.json({ Code: 'InternalError' }, { status: 500 }),
      ),
    );
    listing([
      experimentItem('other', { Name: 'mnist-lr-2', GmtCreateTime: now() }),
      experimentItem('mine', { Name: 'mnist-lr', GmtCreateTime: now() }),
    ]);
    const { events, hooks } = recordAttempts();
    const created = await client({ hooks }).api.createHpoExperiment({ Name: 'mnist-lr', WorkspaceId: 'ws' });
    expect(created).toEqual({ ExperimentId: 'mine' });
    expect(await posts()).toHaveLength(1);
    const lookup = (await env.settled()).find((r) => r.method === 'GET');
    expect(Object.fromEntries(lookup?.url.searchParams ?? [])).toMatchObject({
      Name: 'mnist-lr',
      WorkspaceId: 'ws',
      SortBy: 'create_time',
      Order: 'DESC',
    });
    expect(events.map((e) => [e.operation, e.attempt, e.errorClass])).toEqual([
      ['ListHpoExperiments', 1, undefined],
      ['CreateHpoExperiment', 1, 'ServiceError'],
    ]);
  });

  it('throws the failure, without resending, when only an older experiment has the name', async () => {
    env.server.use(http.post(`${BASE}/hpo/experiment`, () => HttpResponse.error()));
    listing([experimentItem('old', { Name: 'mnist-lr', GmtCreateTime: '2020-01-01 00:00:00' })]);
    const error = await failure(client().api.createHpoExperiment({ Name: 'mnist-lr' }));
    expect(error).toMatchObject({ name: 'NetworkError', retryable: false, operation: 'CreateHpoExperiment' });
    expect(await posts()).toHaveLength(1);
  });

  it("reads creation times on the server's clock, which its Date header tells", async () => {
    const hourAgo = (ms: number) => new Date(ms - 3_600_000);
    const serverTime = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
    env.server.use(
      http.post(`${BASE}/hpo/experiment`, () =>
        HttpResponse.json({ Code: 'InternalError' }, { status: 500 }),
      ),
      http.get(`${BASE}/hpo/experiments`, () =>
        HttpResponse.json(
          {
            TotalCount: 1,
            Experiments: [
              experimentItem('mine', { Name: 'mnist-lr', GmtCreateTime: serverTime(hourAgo(Date.now())) }),
            ],
          },
          { headers: { date: hourAgo(Date.now() + 1000).toUTCString() } },
        ),
      ),
    );
    expect(await client().api.createHpoExperiment({ Name: 'mnist-lr' })).toEqual({ ExperimentId: 'mine' });
    expect(await posts()).toHaveLength(1);
  });

  it('throws a timeout the same way', async () => {
    env.server.use(
      http.post(`${BASE}/hpo/experiment`, async () => {
        await delay(500);
        return HttpResponse.json({ ExperimentId: 'late' });
      }),
    );
    listing([]);
    const error = await failure(client({ timeoutMs: 60 }).api.createHpoExperiment({ Name: 'mnist-lr' }));
    expect(error).toMatchObject({ name: 'TimeoutError', retryable: false });
    expect(await posts()).toHaveLength(1);
    await delay(500);
  });

  it('resends after throttling, which is not ambiguous', async () => {
    let n = 0;
    env.server.use(
      http.post(`${BASE}/hpo/experiment`, () =>
        n++ === 0
          ? HttpResponse.json({ Code: 'Throttling.User', Message: 'slow down' }, { status: 400 })
          : HttpResponse.json({ ExperimentId: 'e2' }),
      ),
    );
    expect(await client().api.createHpoExperiment({ Name: 'mnist-lr' })).toMatchObject({
      ExperimentId: 'e2',
    });
    expect(await posts()).toHaveLength(2);
    expect((await env.settled()).filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  it('experiments.create returns the experiment the lookup found', async () => {
    env.server.use(
      http.post(`${BASE}/hpo/experiment`, () =>
        HttpResponse.json({ Code: 'ServiceUnavailable' }, { status: 503 }),
      ),
      http.get(`${BASE}/hpo/experiment/found1`, () =>
        HttpResponse.json({ ExperimentId: 'found1', Name: 'mnist-lr', Status: 'RUNNING' }),
      ),
    );
    listing([experimentItem('found1', { Name: 'mnist-lr', GmtCreateTime: now() })]);
    const experiment = await client().experiments.create(spec());
    expect(experiment).toMatchObject({ id: 'found1', status: 'running' });
    expect(await posts()).toHaveLength(1);
  });
});
