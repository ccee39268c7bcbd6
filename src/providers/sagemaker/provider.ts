/** The `sagemaker()` factory: the neutral contract on SageMaker's operations client. */
import type { Capabilities, CloudProvider } from '../../core/contract.js';
import { withCompileLosses } from '../../core/created.js';
import { NotFoundError, UnsupportedOperationError, ValidationError } from '../../core/errors.js';
import { normalizing } from '../../core/fields.js';
import type { CallOptions } from '../../core/http/call-options.js';
import { type ClientOptions, executionContext } from '../../core/http/client-options.js';
import { checkingIds } from '../../core/ids.js';
import { checkClientOptions, credentialsGiven, httpUrl, optional, regionName } from '../../core/options.js';
import { progressMethods } from '../../core/progress/index.js';
import type { Experiment, ExperimentQuery, ExperimentSpec, TrialQuery } from '../../core/types.js';
import { createSageMakerApi } from './api.js';
import { type AwsCredentialProvider, type AwsCredentials, createSigner, credentialSource } from './auth.js';
import { buildCreateRequest, type SageMakerExperimentOptions } from './create.js';
import { SAGEMAKER_ERRORS } from './errors.js';
import {
  listExperiments,
  listTrainingJobs,
  listTrials,
  listTrialsWithBilling,
  MAX_PAGE_SIZE,
} from './listing.js';
import { experimentFromDescribe, trialContext, trialFromTrainingJob } from './normalize.js';
import type {
  DescribeHyperParameterTuningJobResult,
  DescribeTrainingJobResult,
  SageMakerApi,
  SageMakerTrainingJobSummaryWire,
  SageMakerTuningJobSummaryWire,
} from './wire-types.js';

/** What `sagemaker()` takes: the region, and optionally credentials, an endpoint and the shared client options. */
export interface SageMakerOptions extends ClientOptions {
  region: string;
  /** Explicit keys (with `sessionToken` for temporary ones) or a provider; default: the AWS default chain. */
  credentials?: AwsCredentials | AwsCredentialProvider | undefined;
  /** Overrides `https://api.sagemaker.{region}.amazonaws.com`. */
  endpoint?: string | undefined;
}

/**
 * The SageMaker answers a provider's objects keep in `raw`: a tuning job as described (get, create,
 * summarize) or as listed; a training job as listed (the listings) or as described (`trials.get`).
 */
export interface SageMakerRaw {
  experiment: DescribeHyperParameterTuningJobResult | SageMakerTuningJobSummaryWire;
  trial: SageMakerTrainingJobSummaryWire | DescribeTrainingJobResult;
  trainingJob: SageMakerTrainingJobSummaryWire;
}

/** The {@link CloudProvider} on SageMaker, with its region and `.api`, the operations client. */
export interface SageMakerProvider
  extends CloudProvider<'sagemaker', SageMakerExperimentOptions, SageMakerRaw, SageMakerApi> {}

export const SAGEMAKER_CAPABILITIES: Capabilities = {
  experiments: { create: 'native', get: 'native', list: 'native', stop: 'native', delete: 'native' },
  trials: { list: 'native', get: 'native', stop: 'unsupported' },
  trainingJobs: { list: 'native' },
  notes: [
    'trials are the training jobs a tuning job launched; trainingJobs.list lists the same jobs as TrainingJob objects',
    'trials.list sorted by objective lists trials without an objective after all others (SageMaker itself omits them)',
    'trials.stop is not part of the tuning API; stop the whole tuning job with experiments.stop',
  ],
};

/** SageMaker's own options, checked with the shared ones when a client is built. */
const SAGEMAKER_OPTIONS = {
  region: regionName('us-east-1'),
  credentials: optional(
    credentialsGiven('access keys ({ accessKeyId, secretAccessKey }) or a function', true),
  ),
  endpoint: optional(httpUrl),
};

/**
 * A provider for SageMaker hyperparameter tuning jobs: experiments are tuning jobs, trials their
 * training jobs. Nothing is sent until a method is called; credentials come from the AWS default
 * chain unless given. Throws InvalidArgumentError for an option of the wrong type or range.
 *
 * @example
 * ```ts
 * import { sagemaker } from 'crosstune/sagemaker';
 *
 * const cloud = sagemaker({ region: 'us-east-1' });
 * for await (const experiment of cloud.experiments.list({ status: 'running' })) {
 *   console.log(experiment.name, experiment.trialCounts);
 * }
 * ```
 */
export function sagemaker(options: SageMakerOptions): SageMakerProvider {
  checkClientOptions('sagemaker', options, SAGEMAKER_OPTIONS);
  const region = options.region;
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const endpoint = options.endpoint ?? `https://api.sagemaker.${region}.${domain}/`;
  const context = executionContext('sagemaker', options, SAGEMAKER_ERRORS);
  const credentials = credentialSource(options.credentials);
  const sign = createSigner(region, credentials.get);
  const api = createSageMakerApi({ context, endpoint, sign, renewCredentials: credentials.renew });

  const describe = (id: string, call?: CallOptions) =>
    api.describeHyperParameterTuningJob({ HyperParameterTuningJobName: id }, call);
  const details = (operation: string) => ({ provider: 'sagemaker' as const, operation });
  const getExperiment = async (id: string, call?: CallOptions) => {
    const job = await describe(id, call);
    return normalizing(details('DescribeHyperParameterTuningJob'), () => experimentFromDescribe(job));
  };

  // A listing started from an experiment just read reuses its answer instead of describing it again.
  const describedAs = (experiment: Experiment) => async () =>
    experiment.raw as DescribeHyperParameterTuningJobResult;
  const progress = progressMethods('sagemaker', {
    get: getExperiment,
    all: (experiment, call) => listTrialsWithBilling(api, describedAs(experiment), experiment.id, call),
    newestFirst: (experiment, call) =>
      listTrials(
        api,
        describedAs(experiment),
        experiment.id,
        { sortBy: 'createdAt', sortOrder: 'desc', pageSize: MAX_PAGE_SIZE },
        call,
      ),
    reported(experiment) {
      const job = experiment.raw as DescribeHyperParameterTuningJobResult;
      return {
        bestTrial: experiment.bestTrial,
        trialCounts: job.TrainingJobStatusCounters ? experiment.trialCounts : undefined,
        durationSeconds: job.ConsumedResources?.RuntimeInSeconds,
      };
    },
    fingerprint(experiment) {
      const job = experiment.raw as DescribeHyperParameterTuningJobResult;
      return JSON.stringify([
        job.TrainingJobStatusCounters,
        job.ObjectiveStatusCounters,
        job.BestTrainingJob?.TrainingJobName,
      ]);
    },
  });

  // Every id of a neutral call is checked before any of its requests (core/ids.ts).
  return checkingIds({
    id: 'sagemaker',
    region,
    api,
    capabilities: SAGEMAKER_CAPABILITIES,
    experiments: {
      ...progress,
      async create(spec: ExperimentSpec<SageMakerExperimentOptions>, call?: CallOptions) {
        const plan = buildCreateRequest(spec);
        await api.createHyperParameterTuningJob(plan.request, call);
        return withCompileLosses(await getExperiment(spec.name, call), spec, plan.losses);
      },
      get: getExperiment,
      list(query: ExperimentQuery = {}, call?: CallOptions) {
        return listExperiments(api, query, call);
      },
      async stop(id: string, call?: CallOptions) {
        await api.stopHyperParameterTuningJob({ HyperParameterTuningJobName: id }, call);
      },
      async delete(id: string, call?: CallOptions) {
        await api.deleteHyperParameterTuningJob({ HyperParameterTuningJobName: id }, call);
      },
    },
    trials: {
      list(experimentId: string, query: TrialQuery = {}, call?: CallOptions) {
        return listTrials(api, describe, experimentId, query, call);
      },
      async get(experimentId: string, trialId: string, call?: CallOptions) {
        const [job, training] = await Promise.all([
          describe(experimentId, call),
          api.describeTrainingJob({ TrainingJobName: trialId }, call).catch((error: unknown) => {
            // SageMaker answers an unknown training job with ValidationException "Requested resource not found."
            if (ValidationError.is(error) && /not found/i.test(error.message)) {
              throw new NotFoundError(error.message, {
                ...details('DescribeTrainingJob'),
                httpStatus: error.httpStatus,
                code: error.code,
                requestId: error.requestId,
                cause: error,
              });
            }
            throw error;
          }),
        ]);
        return normalizing(details('DescribeTrainingJob'), () => {
          const context = trialContext(job);
          if (training.TuningJobArn && training.TuningJobArn !== job.HyperParameterTuningJobArn) {
            throw new NotFoundError(
              `Training job ${trialId} is not a trial of tuning job ${experimentId}`,
              details('DescribeTrainingJob'),
            );
          }
          return trialFromTrainingJob(training, context);
        });
      },
      async stop() {
        throw new UnsupportedOperationError('sagemaker', 'trials.stop', SAGEMAKER_CAPABILITIES.notes[2]);
      },
    },
    trainingJobs: {
      list(experimentId: string, query: TrialQuery = {}, call?: CallOptions) {
        return listTrainingJobs(api, describe, experimentId, query, call);
      },
    },
  });
}
