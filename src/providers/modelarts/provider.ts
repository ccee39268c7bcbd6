/** The `modelarts()` factory: the neutral contract on ModelArts' operations client. */
import type { Capabilities, CloudProvider } from '../../core/contract.js';
import { withCompileLosses } from '../../core/created.js';
import { NotFoundError } from '../../core/errors.js';
import { normalizing } from '../../core/fields.js';
import type { CallOptions } from '../../core/http/call-options.js';
import { type ClientOptions, executionContext } from '../../core/http/client-options.js';
import { checkingIds } from '../../core/ids.js';
import { once } from '../../core/once.js';
import {
  anId,
  checkClientOptions,
  credentialsGiven,
  httpUrl,
  oneOf,
  optional,
  pageConcurrency,
  regionName,
  shaped,
} from '../../core/options.js';
import { Paginated } from '../../core/paginate.js';
import { DEFAULT_PAGE_CONCURRENCY } from '../../core/paginate-indexed.js';
import type { OffsetMeaning } from '../../core/paginate-offset.js';

export type { OffsetMeaning };

import { progressMethods } from '../../core/progress/index.js';
import {
  ENDED_TRIAL_STATUSES,
  type ExperimentQuery,
  type ExperimentSpec,
  type TrialQuery,
} from '../../core/types.js';
import { createModelArtsApi } from './api.js';
import { buildCreateRequest, type ModelArtsExperimentOptions } from './create.js';
import { MODELARTS_ERRORS } from './errors.js';
import { createIdentity, type HuaweiCredentials } from './iam.js';
import { getTrial, isSearchJob, listExperiments, listTrials, type OffsetMeanings } from './listing.js';
import { experimentFromJob, runSeconds, trainingJobFromJob, trialContext } from './normalize.js';
import type { ModelArtsApi, ModelArtsTrainingJobWire, ModelArtsTrialRaw } from './wire-types.js';

/** What `modelarts()` takes: the region, and optionally credentials, project, endpoints and the shared client options. */
export interface ModelArtsOptions extends ClientOptions {
  region: string;
  /** The region's IAM project id; default `HUAWEICLOUD_SDK_PROJECT_ID`, else looked up in IAM by region name. */
  projectId?: string | undefined;
  /** Access keys, an IAM token, or an IAM password; default `HUAWEICLOUD_SDK_AK`/`_SK`/`_SECURITY_TOKEN`. */
  credentials?: HuaweiCredentials | undefined;
  /** Overrides `https://modelarts.{region}.myhuaweicloud.com` (`.cn` for ap-southeast-1). */
  endpoint?: string | undefined;
  /** Where tokens and project ids come from; default `https://iam.myhuaweicloud.com`. */
  iamEndpoint?: string | undefined;
  /** The ModelArts workspace experiments are created in and listed from (the server's default: `"0"`). */
  workspaceId?: string | undefined;
  /** Pages in flight at once once a listing's total is known (default 4). */
  pageConcurrency?: number | undefined;
  /**
   * What `offset` counts in each listing, if you know your region's behaviour; by default each
   * walk finds out from the server (two extra requests when there is more than one page).
   */
  offsetMeaning?: OffsetMeanings | undefined;
}

/**
 * The ModelArts answers a provider's objects keep in `raw`: the training job that is the
 * experiment (and its one training job), and a trial's header and rows of the trial table.
 */
export interface ModelArtsRaw {
  experiment: ModelArtsTrainingJobWire;
  trial: ModelArtsTrialRaw;
  trainingJob: ModelArtsTrainingJobWire;
}

/** The {@link CloudProvider} on ModelArts, with its region and `.api`, the operations client. */
export interface ModelArtsProvider
  extends CloudProvider<'modelarts', ModelArtsExperimentOptions, ModelArtsRaw, ModelArtsApi> {}

export const MODELARTS_CAPABILITIES: Capabilities = {
  experiments: { create: 'native', get: 'native', list: 'native', stop: 'native', delete: 'native' },
  trials: { list: 'native', get: 'native', stop: 'native' },
  trainingJobs: { list: 'emulated' },
  notes: [
    'an experiment is one training job with an auto_search policy; its trials run inside it',
    'experiments.list lists training jobs with a hyperparameter search and skips plain training jobs',
    'trials.list sorted by any key reads every trial first and yields one page (the trial table has no server-side sort)',
    'trials.stop early-stops one trial; trainingJobs.list yields the experiment’s own training job',
  ],
};

export function modelartsEndpoint(region: string): string {
  const domain = region === 'ap-southeast-1' ? 'myhuaweicloud.cn' : 'myhuaweicloud.com';
  return `https://modelarts.${region}.${domain}`;
}

const offsetMeaningCheck = optional(oneOf('record', 'page'));

/** ModelArts' own options, checked with the shared ones when a client is built. */
const MODELARTS_OPTIONS = {
  region: regionName('cn-north-4'),
  projectId: optional(anId),
  credentials: optional(credentialsGiven('access keys, an IAM token or an IAM password (an object)', false)),
  endpoint: optional(httpUrl),
  iamEndpoint: optional(httpUrl),
  workspaceId: optional(anId),
  pageConcurrency,
  offsetMeaning: optional(
    shaped('an object such as { trials: "record" }', {
      trials: offsetMeaningCheck,
      searches: offsetMeaningCheck,
    }),
  ),
};

/**
 * A provider for ModelArts autosearch: an experiment is a training job with autosearch, its trials
 * the rows of the job's trial table. Nothing is sent until a method is called; keys come from
 * `HUAWEICLOUD_SDK_AK`/`_SK` unless given. Throws InvalidArgumentError for a bad option.
 *
 * @example
 * ```ts
 * import { modelarts } from 'crosstune/modelarts';
 *
 * const cloud = modelarts({ region: 'cn-north-4' });
 * const summary = await cloud.experiments.summarize('20eb3e3a-0d6c-4c4c-9d3b-3b8a5b6f0a11');
 * console.log(summary.bestTrial?.hyperParameters, summary.trialCounts);
 * ```
 */
export function modelarts(options: ModelArtsOptions): ModelArtsProvider {
  checkClientOptions('modelarts', options, MODELARTS_OPTIONS);
  const region = options.region;
  const context = executionContext('modelarts', options, MODELARTS_ERRORS);
  const identity = createIdentity({
    region,
    credentials: options.credentials,
    projectId: options.projectId,
    iamEndpoint: options.iamEndpoint,
    context,
  });
  const endpoint = (options.endpoint ?? modelartsEndpoint(region)).replace(/\/+$/, '');
  const api: ModelArtsApi = createModelArtsApi({
    context,
    endpoint,
    identity,
    trialEnded: async (jobId, trialId, call) => {
      const trial = await getTrial(api, await contextOf(jobId, call), trialId, call, settings);
      return ENDED_TRIAL_STATUSES.has(trial.status);
    },
  });
  const settings = {
    pageConcurrency: options.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY,
    workspaceId: options.workspaceId,
    offsetMeaning: options.offsetMeaning,
  };
  const details = (operation: string) => ({ provider: 'modelarts' as const, operation });
  const getExperiment = async (id: string, call?: CallOptions) => {
    const job = await api.getTrainingJob(id, call);
    if (!isSearchJob(job)) {
      // experiments.list leaves such jobs out; get agrees with it.
      throw new NotFoundError(`ModelArts training job ${id} has no hyperparameter search`, {
        ...details('ShowTrainingJobDetails'),
      });
    }
    return normalizing(details('ShowTrainingJobDetails'), () => experimentFromJob(job));
  };
  const contextOf = async (id: string, call?: CallOptions) =>
    trialContext(await api.getTrainingJob(id, call));
  const progress = progressMethods('modelarts', {
    get: getExperiment,
    // The trial table has no server-side sort: every poll that may have seen a change reads it all.
    all: (experiment, call) => {
      const context = async () => trialContext(experiment.raw as ModelArtsTrainingJobWire);
      return listTrials(api, context, experiment.id, {}, call, settings);
    },
    reported: (experiment) => ({ durationSeconds: runSeconds(experiment.raw as ModelArtsTrainingJobWire) }),
    // A job answer counts no trials: nothing tells that none changed.
    fingerprint: () => undefined,
  });

  // Every id of a neutral call is checked before any of its requests (core/ids.ts).
  return checkingIds({
    id: 'modelarts',
    region,
    api,
    capabilities: MODELARTS_CAPABILITIES,
    experiments: {
      ...progress,
      async create(spec: ExperimentSpec<ModelArtsExperimentOptions>, call?: CallOptions) {
        const plan = buildCreateRequest(spec, { workspaceId: options.workspaceId });
        const job = await api.createTrainingJob(plan.request, call);
        const experiment = normalizing(details('CreateTrainingJob'), () => experimentFromJob(job));
        return withCompileLosses(experiment, spec, plan.losses);
      },
      get: getExperiment,
      list(query: ExperimentQuery = {}, call?: CallOptions) {
        return listExperiments(api, query, call, settings);
      },
      async stop(id: string, call?: CallOptions) {
        await api.terminateTrainingJob(id, call);
      },
      async delete(id: string, call?: CallOptions) {
        await api.deleteTrainingJob(id, call);
      },
    },
    trials: {
      list(experimentId: string, query: TrialQuery = {}, call?: CallOptions) {
        // One read of the job per listing, however often the walk asks for it.
        const context = once(() => contextOf(experimentId, call));
        return listTrials(api, context, experimentId, query, call, settings);
      },
      async get(experimentId: string, trialId: string, call?: CallOptions) {
        return getTrial(api, await contextOf(experimentId, call), trialId, call, settings);
      },
      async stop(experimentId: string, trialId: string, call?: CallOptions) {
        await api.earlyStopTrial(experimentId, trialId, call);
      },
    },
    trainingJobs: {
      list(experimentId: string, query: TrialQuery = {}, call?: CallOptions) {
        return new Paginated(async function* () {
          const job = await api.getTrainingJob(experimentId, call);
          const item = normalizing(details('ShowTrainingJobDetails'), () => trainingJobFromJob(job));
          const wanted = query.status === undefined || item.status === query.status;
          yield { items: wanted ? [item] : [], cursor: undefined, raw: job };
        });
      },
    },
  });
}
