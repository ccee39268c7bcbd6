/**
 * Ids on every cloud (issue 9, item 5): every operation that takes an id — neutral and `.api` —
 * refuses an empty id, `.`, `..`, control characters, a lone surrogate or a non-string with an
 * InvalidArgumentError naming the argument, before anything is sent (not even an IAM request);
 * and every id it accepts reaches only its own path segment (or its own body member).
 *
 * Every client sends through a fetch that records the request and answers it itself with a bare
 * 400 (each endpoint is a loopback address besides), so "nothing was sent" is "fetch was not
 * called", and a call that was sent ends at once, unretried.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnsupportedOperationError } from '../../src/index.js';
import { modelarts } from '../../src/providers/modelarts/index.js';
import { pai } from '../../src/providers/pai/index.js';
import { sagemaker } from '../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  FAKE_HUAWEI_USER,
} from '../../src/testing/index.js';

interface Sent {
  url: URL;
  body: string;
}

/** The clients of one test, all sending through one recording fetch that refuses every request. */
function recordingClients() {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    sent.push({ url: new URL(url), body: typeof init.body === 'string' ? init.body : '' });
    return new Response('{}', { status: 400, headers: { 'content-type': 'application/json' } });
  };
  const common = { fetch, retry: false as const };
  return {
    sent,
    sagemaker: sagemaker({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9/',
      credentials: FAKE_AWS_CREDENTIALS,
      ...common,
    }),
    pai: pai({
      region: 'cn-hangzhou',
      endpoint: 'http://127.0.0.1:9',
      credentials: FAKE_ALIYUN_CREDENTIALS,
      ...common,
    }),
    // A password and no project id: a call that slipped through would ask IAM first.
    modelarts: modelarts({
      region: 'cn-north-4',
      endpoint: 'http://127.0.0.1:9',
      iamEndpoint: 'http://127.0.0.1:9',
      credentials: FAKE_HUAWEI_USER,
      ...common,
    }),
    modelartsWithProject: modelarts({
      region: 'cn-north-4',
      endpoint: 'http://127.0.0.1:9',
      projectId: 'p0123456789abcdef',
      credentials: FAKE_HUAWEI_CREDENTIALS,
      ...common,
    }),
  };
}
type Clients = ReturnType<typeof recordingClients>;

/** Plain JavaScript reaches these too. */
const HOSTILE: readonly unknown[] = [
  '',
  '.',
  '..',
  'a\nb',
  '\r',
  'tab\there',
  'nul\u0000',
  'del\u007f',
  'next-line\u0085',
  'lone\ud800',
  '\udc00tail',
  undefined,
  null,
  42,
];

/** An operation that takes ids: the names of its id arguments, and how to call it with them. */
interface IdOperation {
  cloud: 'sagemaker' | 'pai' | 'modelarts';
  name: string;
  ids: readonly string[];
  run(clients: Clients, ids: readonly string[]): unknown;
}

const drain = async (iterable: AsyncIterable<unknown>) => {
  for await (const _ of iterable) break;
};

const neutral = (cloud: IdOperation['cloud']): IdOperation[] => {
  const c = (clients: Clients) => clients[cloud];
  const operations: Omit<IdOperation, 'cloud'>[] = [
    { name: 'experiments.get', ids: ['experimentId'], run: (x, [e]) => c(x).experiments.get(e as string) },
    { name: 'experiments.stop', ids: ['experimentId'], run: (x, [e]) => c(x).experiments.stop(e as string) },
    {
      name: 'experiments.delete',
      ids: ['experimentId'],
      run: (x, [e]) => c(x).experiments.delete(e as string),
    },
    {
      name: 'experiments.summarize',
      ids: ['experimentId'],
      run: (x, [e]) => c(x).experiments.summarize(e as string),
    },
    { name: 'experiments.wait', ids: ['experimentId'], run: (x, [e]) => c(x).experiments.wait(e as string) },
    {
      name: 'experiments.watch',
      ids: ['experimentId'],
      run: (x, [e]) => drain(c(x).experiments.watch(e as string)),
    },
    {
      name: 'trials.list',
      ids: ['experimentId'],
      run: (x, [e]) =>
        c(x)
          .trials.list(e as string)
          .toArray(),
    },
    {
      name: 'trials.get',
      ids: ['experimentId', 'trialId'],
      run: (x, [e, t]) => c(x).trials.get(e as string, t as string),
    },
    {
      name: 'trials.stop',
      ids: ['experimentId', 'trialId'],
      run: (x, [e, t]) => c(x).trials.stop(e as string, t as string),
    },
    {
      name: 'trainingJobs.list',
      ids: ['experimentId'],
      run: (x, [e]) =>
        c(x)
          .trainingJobs.list(e as string)
          .toArray(),
    },
  ];
  return operations.map((op) => ({ ...op, cloud }));
};

type Ids = readonly string[];
const sm = (name: string, ids: Ids, run: (api: Clients['sagemaker']['api'], ids: Ids) => unknown) => ({
  cloud: 'sagemaker' as const,
  name: `api.${name}`,
  ids,
  run: (x: Clients, values: Ids) => run(x.sagemaker.api, values),
});
const ali = (name: string, ids: Ids, run: (api: Clients['pai']['api'], ids: Ids) => unknown) => ({
  cloud: 'pai' as const,
  name: `api.${name}`,
  ids,
  run: (x: Clients, values: Ids) => run(x.pai.api, values),
});
const hw = (name: string, ids: Ids, run: (api: Clients['modelarts']['api'], ids: Ids) => unknown) => ({
  cloud: 'modelarts' as const,
  name: `api.${name}`,
  ids,
  run: (x: Clients, values: Ids) => run(x.modelarts.api, values),
});

const E = (ids: Ids) => ids[0] as string;
const T = (ids: Ids) => ids[1] as string;

const API: IdOperation[] = [
  sm('createHyperParameterTuningJob', ['HyperParameterTuningJobName'], (api, ids) =>
    api.createHyperParameterTuningJob({ HyperParameterTuningJobName: E(ids) } as never),
  ),
  sm('describeHyperParameterTuningJob', ['HyperParameterTuningJobName'], (api, ids) =>
    api.describeHyperParameterTuningJob({ HyperParameterTuningJobName: E(ids) }),
  ),
  sm('stopHyperParameterTuningJob', ['HyperParameterTuningJobName'], (api, ids) =>
    api.stopHyperParameterTuningJob({ HyperParameterTuningJobName: E(ids) }),
  ),
  sm('deleteHyperParameterTuningJob', ['HyperParameterTuningJobName'], (api, ids) =>
    api.deleteHyperParameterTuningJob({ HyperParameterTuningJobName: E(ids) }),
  ),
  sm('listTrainingJobsForHyperParameterTuningJob', ['HyperParameterTuningJobName'], (api, ids) =>
    api.listTrainingJobsForHyperParameterTuningJob({ HyperParameterTuningJobName: E(ids) }),
  ),
  sm('describeTrainingJob', ['TrainingJobName'], (api, ids) =>
    api.describeTrainingJob({ TrainingJobName: E(ids) }),
  ),
  ali('getHpoExperiment', ['ExperimentId'], (api, ids) => api.getHpoExperiment({ ExperimentId: E(ids) })),
  ali('updateHpoExperiment', ['ExperimentId'], (api, ids) =>
    api.updateHpoExperiment({ ExperimentId: E(ids), Name: 'renamed' }),
  ),
  ali('stopHpoExperiment', ['ExperimentId'], (api, ids) => api.stopHpoExperiment({ ExperimentId: E(ids) })),
  ali('deleteHpoExperiment', ['ExperimentId'], (api, ids) =>
    api.deleteHpoExperiment({ ExperimentId: E(ids) }),
  ),
  ali('listHpoExperimentLogs', ['ExperimentId'], (api, ids) =>
    api.listHpoExperimentLogs({ ExperimentId: E(ids) }),
  ),
  ali('listHpoTrials', ['ExperimentId'], (api, ids) => api.listHpoTrials({ ExperimentId: E(ids) })),
  ali('getHpoTrial', ['ExperimentId', 'TrialId'], (api, ids) =>
    api.getHpoTrial({ ExperimentId: E(ids), TrialId: T(ids) }),
  ),
  ali('stopHpoTrials', ['ExperimentId', 'TrialIds[1]'], (api, ids) =>
    api.stopHpoTrials({ ExperimentId: E(ids), TrialIds: ['fine', T(ids)] }),
  ),
  ali('restartHpoTrials', ['ExperimentId', 'TrialIds[0]'], (api, ids) =>
    api.restartHpoTrials({ ExperimentId: E(ids), TrialIds: [T(ids)] }),
  ),
  ali('listHpoTrialLogNames', ['ExperimentId', 'TrialId'], (api, ids) =>
    api.listHpoTrialLogNames({ ExperimentId: E(ids), TrialId: T(ids) }),
  ),
  ali('listHpoTrialLogs', ['ExperimentId', 'TrialId'], (api, ids) =>
    api.listHpoTrialLogs({ ExperimentId: E(ids), TrialId: T(ids) }),
  ),
  ali('listHpoTrialCommands', ['ExperimentId', 'TrialId'], (api, ids) =>
    api.listHpoTrialCommands({ ExperimentId: E(ids), TrialId: T(ids) }),
  ),
  ali('getAutofeExperiment', ['ExperimentId'], (api, ids) =>
    api.getAutofeExperiment({ ExperimentId: E(ids) }),
  ),
  hw('listAutoSearchTrials', ['jobId'], (api, ids) => api.listAutoSearchTrials(E(ids))),
  hw('getAutoSearchTrial', ['jobId', 'trialId'], (api, ids) => api.getAutoSearchTrial(E(ids), T(ids))),
  hw('earlyStopTrial', ['jobId', 'trialId'], (api, ids) => api.earlyStopTrial(E(ids), T(ids))),
  hw('getYamlTemplate', ['algorithmType', 'algorithmName'], (api, ids) =>
    api.getYamlTemplate(E(ids), T(ids)),
  ),
  hw('getParameterAnalysis', ['jobId'], (api, ids) => api.getParameterAnalysis(E(ids))),
  hw('getParameterAnalysisPath', ['jobId', 'parameterName'], (api, ids) =>
    api.getParameterAnalysisPath(E(ids), T(ids)),
  ),
  hw('getTrainingJob', ['jobId'], (api, ids) => api.getTrainingJob(E(ids))),
  hw('terminateTrainingJob', ['jobId'], (api, ids) => api.terminateTrainingJob(E(ids))),
  hw('deleteTrainingJob', ['jobId'], (api, ids) => api.deleteTrainingJob(E(ids))),
];

/** `.api` operations that take no id: listed so that a new operation must be placed in one list or the other. */
const API_WITHOUT_IDS = {
  sagemaker: ['listHyperParameterTuningJobs'],
  pai: [
    'createHpoExperiment',
    'listHpoExperiments',
    'createAutofeExperiment',
    'getServiceIdentityRole',
    'createServiceIdentityRole',
  ],
  modelarts: [
    'listSearchAlgorithms',
    'listYamlTemplates',
    'createTrainingJob',
    'searchTrainingJobs',
    'findTrainingJobByName',
    'listWorkspaces',
  ],
};

const OPERATIONS: IdOperation[] = [
  ...neutral('sagemaker'),
  ...neutral('pai'),
  ...neutral('modelarts'),
  ...API,
  // PAI's provider also stops several trials in one call, through api.stopHpoTrials.
  {
    cloud: 'pai',
    name: 'stopTrials',
    ids: ['ExperimentId', 'TrialIds[1]'],
    run: (x, [e, t]) => x.pai.stopTrials(e as string, ['fine', t as string]),
  },
];

/** Runs `op`, its own way (a promise, or an iterable that throws at the call), to what it threw. */
async function outcome(op: IdOperation, clients: Clients, ids: readonly unknown[]): Promise<unknown> {
  try {
    await op.run(clients, ids as readonly string[]);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('hostile ids are refused before anything is sent', () => {
  it('the table holds every .api operation of every cloud', () => {
    const x = recordingClients();
    for (const cloud of ['sagemaker', 'pai', 'modelarts'] as const) {
      const listed = API.filter((op) => op.cloud === cloud).map((op) => op.name.slice('api.'.length));
      expect([...listed, ...API_WITHOUT_IDS[cloud]].sort()).toEqual(Object.keys(x[cloud].api).sort());
    }
  });

  describe.each(OPERATIONS.map((op) => [`${op.cloud} ${op.name}`, op] as const))('%s', (_, op) => {
    it.each(op.ids.map((name, position) => [name, position] as const))(
      'refuses a hostile %s with an InvalidArgumentError naming it, sending nothing',
      async (name, position) => {
        for (const hostile of HOSTILE) {
          const clients = recordingClients();
          const ids: unknown[] = op.ids.map(() => 'a-good-id');
          ids[position] = hostile;
          const error = await outcome(op, clients, ids);
          expect(InvalidArgumentError.is(error), `${String(hostile)}: ${String(error)}`).toBe(true);
          expect((error as Error).message.startsWith(`${name} `), (error as Error).message).toBe(true);
          expect(error).toMatchObject({ provider: op.cloud, retryable: false });
          expect(clients.sent).toEqual([]);
        }
      },
    );

    it('sends a good id (the same harness sees a request that is sent)', async () => {
      const clients = recordingClients();
      const error = await outcome(
        op,
        clients,
        op.ids.map(() => 'a-good-id'),
      );
      const [group, method] = op.name.split('.') as [string, string];
      const capabilities = clients[op.cloud].capabilities as unknown as Record<
        string,
        Record<string, string>
      >;
      if (capabilities[group]?.[method] === 'unsupported') {
        expect(UnsupportedOperationError.is(error)).toBe(true);
        expect(clients.sent).toEqual([]);
      } else {
        expect(clients.sent.length).toBeGreaterThan(0);
      }
    });
  });
});

/** Any UTF-16 text, lone surrogates and control characters included, dots and slashes likely. */
const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('.', '/', '\\', '%', '2', 'e', '?', '#', ' ', ';', 'a'), maxLength: 8 }),
);

/** Whether crosstune's own check refuses `id` (the property below then expects nothing sent). */
const refused = (id: string) =>
  id === '' ||
  id === '.' ||
  id === '..' ||
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what the check refuses.
  /[\u0000-\u001f\u007f-\u009f]/.test(id) ||
  !(id as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Operations that build paths from ids: how to call one, and the path segments it must reach. */
const PATHS: {
  label: string;
  ids: number;
  run(clients: Clients, ids: readonly string[]): Promise<unknown>;
  path(...ids: string[]): string[];
}[] = [
  {
    label: 'pai: api.getHpoTrial is GET /api/automl/v1/hpo/experiment/{e}/trial/{t}',
    ids: 2,
    run: (x, [e, t]) => x.pai.api.getHpoTrial({ ExperimentId: e as string, TrialId: t as string }),
    path: (e, t) => ['', 'api', 'automl', 'v1', 'hpo', 'experiment', e, 'trial', t] as string[],
  },
  {
    label: 'pai: experiments.stop(id) is PUT …/experiment/{id}/stop, never …/hpo/stop',
    ids: 1,
    run: (x, [id]) => x.pai.experiments.stop(id as string),
    path: (id) => ['', 'api', 'automl', 'v1', 'hpo', 'experiment', id, 'stop'] as string[],
  },
  {
    label:
      'modelarts: trials.stop is POST /v2/{project}/training-jobs/{job}/autosearch-trial-earlystop/{trial}',
    ids: 2,
    run: (x, [job, trial]) => x.modelartsWithProject.trials.stop(job as string, trial as string),
    path: (job, trial) =>
      ['', 'v2', 'p0123456789abcdef', 'training-jobs', job, 'autosearch-trial-earlystop', trial] as string[],
  },
];

describe('an id that is accepted reaches only its own path segment', () => {
  it.each(PATHS)('$label, each id one segment', async ({ ids, run, path }) => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: ids, maxLength: ids }), async (values) => {
        const clients = recordingClients();
        const error = await run(clients, values).catch((e: unknown) => e);
        if (values.some(refused)) {
          expect(InvalidArgumentError.is(error)).toBe(true);
          expect(clients.sent).toEqual([]);
          return;
        }
        const url = clients.sent[0]?.url;
        expect(url?.pathname.split('/').map(decodeURIComponent)).toEqual(path(...values));
        expect(url?.search).toBe('');
        expect(url?.hash).toBe('');
      }),
      { numRuns: 200 },
    );
  });

  it('sagemaker: an id travels as its body member, to the endpoint itself', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (id) => {
        const clients = recordingClients();
        await clients.sagemaker.experiments.get(id).catch(() => undefined);
        if (refused(id)) {
          expect(clients.sent).toEqual([]);
          return;
        }
        expect(clients.sent[0]?.url.href).toBe('http://127.0.0.1:9/');
        expect(JSON.parse(clients.sent[0]?.body ?? '')).toEqual({ HyperParameterTuningJobName: id });
      }),
      { numRuns: 200 },
    );
  });
});
