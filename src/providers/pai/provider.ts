/** The `pai()` factory: the neutral contract on PAI's operations client. */
import type { Capabilities, CloudProvider } from '../../core/contract.js';
import { withCompileLosses } from '../../core/created.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { normalizing } from '../../core/fields.js';
import type { CallOptions } from '../../core/http/call-options.js';
import { type ClientOptions, executionContext } from '../../core/http/client-options.js';
import { checkingIds } from '../../core/ids.js';
import {
  anId,
  checkClientOptions,
  credentialsGiven,
  httpUrl,
  type OptionCheck,
  optional,
  pageConcurrency,
  regionName,
} from '../../core/options.js';
import { DEFAULT_PAGE_CONCURRENCY } from '../../core/paginate-indexed.js';
import { progressMethods } from '../../core/progress/index.js';
import type { Experiment, ExperimentQuery, ExperimentSpec, TrialQuery } from '../../core/types.js';
import { createPaiApi } from './api.js';
import {
  type AlibabaCredentialProvider,
  type AlibabaCredentials,
  createSigner,
  credentialSource,
} from './auth.js';
import { buildCreateRequest, type PaiExperimentOptions } from './create.js';
import { PAI_ERRORS } from './errors.js';
import {
  type GetObjective,
  listExperiments,
  listTrainingJobs,
  listTrials,
  MAX_PAGE_SIZE,
} from './listing.js';
import {
  experimentFromWire,
  experimentObjective,
  stopResults,
  type TrialStopResult,
  trialFromWire,
} from './normalize.js';
import { readHpoExperiment } from './views.js';
import type {
  GetHpoExperimentResult,
  PaiApi,
  PaiExperimentWire,
  PaiTrainingJobRaw,
  PaiTrialWire,
} from './wire-types.js';

/** What `pai()` takes: the region, and optionally credentials, an endpoint, a workspace and the shared client options. */
export interface PaiOptions extends ClientOptions {
  region: string;
  /**
   * AccessKey (with `securityToken` for STS) or a provider; default: the `@alicloud/credentials`
   * chain (environment, OIDC, CLI profile, credentials file, ECS RAM role, credentials URI).
   */
  credentials?: AlibabaCredentials | AlibabaCredentialProvider | undefined;
  /** Overrides `paiautoml.{region}.aliyuncs.com`; an `http://` URL (a local fake) is sent over plain HTTP. */
  endpoint?: string | undefined;
  /** Default workspace for create and for listing experiments. */
  workspaceId?: string | undefined;
  /** Pages fetched at once by a listing once its total is known (default 4). */
  pageConcurrency?: number | undefined;
}

/**
 * The PAI answers a provider's objects keep in `raw`: an experiment as read (GetHpoExperiment) or
 * as listed, a trial as read or listed, and the trial and its commands a derived training job is
 * made of.
 */
export interface PaiRaw {
  experiment: PaiExperimentWire;
  trial: PaiTrialWire;
  trainingJob: PaiTrainingJobRaw;
}

/** The {@link CloudProvider} on PAI, with its region, `.api` (the operations client) and `stopTrials`. */
export interface PaiProvider extends CloudProvider<'pai', PaiExperimentOptions, PaiRaw, PaiApi> {
  /** Stops several trials in one StopHpoTrials call; PAI answers per trial. */
  stopTrials(
    experimentId: string,
    trialIds: readonly string[],
    options?: CallOptions,
  ): Promise<TrialStopResult[]>;
}

export const PAI_CAPABILITIES: Capabilities = {
  experiments: { create: 'native', get: 'native', list: 'native', stop: 'native', delete: 'native' },
  trials: { list: 'native', get: 'native', stop: 'native' },
  trainingJobs: { list: 'emulated' },
  notes: [
    "trainingJobs.list is derived: PAI lists no training jobs; each trial's backend job is read from its JobMeta and ListHpoTrialCommands (one call per trial)",
    'trials.list filters by status client-side (PAI cannot); sorted by objective, trials without a final metric come after all others',
    'PAI sorts experiments by createdAt or status and trials by createdAt or objective only; other sorts are refused',
    'experiments.create is not resent after an ambiguous failure: PAI has no client token, so crosstune looks the experiment up by name instead',
    'experiments.get has no bestTrial (PAI names none): experiments.summarize finds it among the trials',
    'an experiment created with an objective name that is not its only metric_dict key keeps the name as the last line of its description',
  ],
};

/** `paiautoml.cn-hangzhou.aliyuncs.com`, `https://host:port` or `http://127.0.0.1:port` (a loopback fake). */
export function originOf(endpoint: string): string {
  if (/^https?:\/\//i.test(endpoint)) return new URL(endpoint).origin;
  return `https://${endpoint.replace(/\/+$/, '')}`;
}

/** An http(s) URL of an origin alone (a path would be dropped), or a host name with an optional port. */
const endpointCheck: OptionCheck = (value, name) => {
  if (typeof value === 'string' && /^[a-z0-9.-]+(?::\d{1,5})?$/i.test(value)) return undefined;
  const problem = httpUrl(value, name);
  if (problem !== undefined)
    return `${problem} (or a host name such as "paiautoml.cn-hangzhou.aliyuncs.com")`;
  return new URL(value as string).pathname === '/'
    ? undefined
    : `${name} must name an origin (PAI's paths are fixed), got ${JSON.stringify(value)}`;
};

/** PAI's own options, checked with the shared ones when a client is built. */
const PAI_OPTIONS = {
  region: regionName('cn-hangzhou'),
  credentials: optional(
    credentialsGiven('an AccessKey ({ accessKeyId, accessKeySecret }) or a function', true),
  ),
  endpoint: optional(endpointCheck),
  workspaceId: optional(anId),
  pageConcurrency,
};

/**
 * A provider for PAI AutoML hyperparameter optimization (HPO experiments and their trials).
 * Nothing is sent until a method is called; credentials come from the `@alicloud/credentials`
 * chain unless given. Throws InvalidArgumentError for an option of the wrong type or range.
 *
 * @example
 * ```ts
 * import { pai } from 'crosstune/pai';
 *
 * const cloud = pai({ region: 'cn-hangzhou', workspaceId: '12345' });
 * const experiment = await cloud.experiments.get('mi0sIBk');
 * for await (const trial of cloud.trials.list(experiment.id, { sortBy: 'objective' })) {
 *   console.log(trial.id, trial.objective?.value, trial.raw.Status);
 * }
 * ```
 */
export function pai(options: PaiOptions): PaiProvider {
  checkClientOptions('pai', options, PAI_OPTIONS);
  const region = options.region;
  const context = executionContext('pai', options, PAI_ERRORS);
  const credentials = credentialSource(options.credentials);
  const sign = createSigner(originOf(options.endpoint ?? `paiautoml.${region}.aliyuncs.com`), credentials);
  const api = createPaiApi({ context, sign, renewCredentials: credentials.renew });
  const settings = {
    pageConcurrency: options.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY,
    workspaceId: options.workspaceId,
  };

  const details = (operation: string, requestId?: string | null) => ({
    provider: 'pai' as const,
    operation,
    requestId: requestId ?? undefined,
  });
  const getExperiment = async (
    id: string,
    call?: CallOptions,
  ): Promise<Experiment<PaiExperimentWire, PaiTrialWire>> => {
    const body = await api.getHpoExperiment({ ExperimentId: id }, call);
    return normalizing(details('GetHpoExperiment', body.RequestId), () => experimentFromWire(body));
  };
  const getObjective: GetObjective = async (id, call) => {
    const body = await api.getHpoExperiment({ ExperimentId: id }, call);
    return normalizing(details('GetHpoExperiment', body.RequestId), () => experimentObjective(body));
  };
  // A listing started from an experiment just read takes its objective from it.
  const objectiveOf = (experiment: Experiment) => async () => experiment.objective;
  const progress = progressMethods('pai', {
    get: getExperiment,
    all: (experiment, call) =>
      listTrials(api, objectiveOf(experiment), experiment.id, { pageSize: MAX_PAGE_SIZE }, call, settings),
    // Usually one page is all a poll needs: pages fetched ahead would mostly be wasted.
    newestFirst: (experiment, call) =>
      listTrials(
        api,
        objectiveOf(experiment),
        experiment.id,
        { sortBy: 'createdAt', sortOrder: 'desc', pageSize: MAX_PAGE_SIZE },
        call,
        { ...settings, pageConcurrency: 1 },
      ),
    reported: (experiment) => ({
      trialCounts: readHpoExperiment(experiment.raw as GetHpoExperimentResult).trialStatus
        ? experiment.trialCounts
        : undefined,
    }),
    fingerprint(experiment) {
      const view = readHpoExperiment(experiment.raw as GetHpoExperimentResult);
      return view.trialStatus ? JSON.stringify([view.trialStatus, view.trialCount]) : undefined;
    },
  });

  const stopTrials = async (experimentId: string, trialIds: readonly string[], call?: CallOptions) => {
    const body = await api.stopHpoTrials({ ExperimentId: experimentId, TrialIds: [...trialIds] }, call);
    return stopResults(body.Results, trialIds);
  };

  // Every id of a neutral call is checked before any of its requests (core/ids.ts).
  return checkingIds({
    id: 'pai',
    region,
    api,
    capabilities: PAI_CAPABILITIES,
    stopTrials,
    experiments: {
      ...progress,
      async create(spec: ExperimentSpec<PaiExperimentOptions>, call?: CallOptions) {
        const plan = buildCreateRequest(spec, { workspaceId: options.workspaceId });
        const created = await api.createHpoExperiment(plan.request, call);
        return withCompileLosses(await getExperiment(String(created.ExperimentId), call), spec, plan.losses);
      },
      get: getExperiment,
      list(query: ExperimentQuery = {}, call?: CallOptions) {
        return listExperiments(api, query, call, settings);
      },
      async stop(id: string, call?: CallOptions) {
        await api.stopHpoExperiment({ ExperimentId: id }, call);
      },
      async delete(id: string, call?: CallOptions) {
        await api.deleteHpoExperiment({ ExperimentId: id }, call);
      },
    },
    trials: {
      list(experimentId: string, query: TrialQuery = {}, call?: CallOptions) {
        return listTrials(api, getObjective, experimentId, query, call, settings);
      },
      async get(experimentId: string, trialId: string, call?: CallOptions) {
        // Both at once; what is wrong with the trial itself (missing, malformed, another
        // experiment's) is reported before a failure to read the experiment.
        const [read, named] = await Promise.allSettled([
          api.getHpoTrial({ ExperimentId: experimentId, TrialId: trialId }, call),
          getObjective(experimentId, call),
        ]);
        if (read.status === 'rejected') throw read.reason;
        const at = details('GetHpoTrial', read.value.RequestId);
        const objectiveMetric = named.status === 'fulfilled' ? named.value?.metric : undefined;
        const trial = normalizing(at, () => trialFromWire(read.value, '', { experimentId, objectiveMetric }));
        if (trial.experimentId !== experimentId) {
          throw new NotFoundError(`Trial ${trialId} is not a trial of experiment ${experimentId}`, at);
        }
        if (named.status === 'rejected') throw named.reason;
        return trial;
      },
      async stop(experimentId: string, trialId: string, call?: CallOptions) {
        const [result] = await stopTrials(experimentId, [trialId], call);
        if (!result?.stopped) {
          throw new ConflictError(
            `PAI did not stop trial ${trialId}: ${result?.message ?? 'no result for it'}`,
            details('StopHpoTrials'),
          );
        }
      },
    },
    trainingJobs: {
      list(experimentId: string, query: TrialQuery = {}, call?: CallOptions) {
        return listTrainingJobs(api, getObjective, experimentId, query, call, settings);
      },
    },
  });
}
