/**
 * The ModelArts operations client: one typed method per operation crosstune uses (autosearch,
 * training jobs, workspaces), usable on its own as `modelarts(...).api`. Paths start with the
 * project id, resolved once (reference §1.2); every answer is checked against its wire schema.
 */
import type { $ZodType, output } from 'zod/v4/core';
import { NotFoundError } from '../../core/errors.js';
import type { CallOptions } from '../../core/http/call-options.js';
import { decodeJson } from '../../core/http/decode.js';
import { type ExecutionContext, execute } from '../../core/http/execute.js';
import { percentEncode as encode } from '../../core/http/url.js';
import { idSegment } from '../../core/ids.js';
import type { Identity } from './iam.js';
import type * as shapes from './shapes.js';
import * as wire from './wire.js';

/** Whether a trial has ended (its row in the trial list); how an early stop is reconciled. */
type TrialEnded = (jobId: string, trialId: string, options?: CallOptions) => Promise<boolean>;

export interface ModelArtsApiConfig {
  context: ExecutionContext;
  /** `https://modelarts.{region}.myhuaweicloud.com`, without a trailing slash. */
  endpoint: string;
  identity: Identity;
  trialEnded: TrialEnded;
}

type Query = Record<string, string | number | boolean | undefined>;

interface Call<S extends $ZodType> {
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path after the version and project id, e.g. `/training-jobs/abc`; segments already encoded. */
  path: string;
  version?: 'v1' | 'v2';
  query?: Query | undefined;
  body?: unknown;
  /** Undefined for answers whose body is empty (delete). */
  schema?: S;
  idempotent?: boolean;
  /** For writes: whether an attempt that may have reached ModelArts took effect (then never resent). */
  reconcile?: (call: CallOptions) => Promise<output<S> | undefined>;
}

/** One path segment from a caller's id (or the project's), checked as every cloud checks ids. */
const segment = (value: string, name: string) => idSegment(value, name, 'modelarts');

function queryString(query: Query | undefined): string {
  const pairs = Object.entries(query ?? {}).flatMap(([key, value]) =>
    value === undefined ? [] : [`${encode(key)}=${encode(String(value))}`],
  );
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

const TERMINATING = new Set(['Terminating', 'Terminated']);

type Caller = <S extends $ZodType>(spec: Call<S>, options: CallOptions | undefined) => Promise<output<S>>;

export function createModelArtsApi(config: ModelArtsApiConfig): ModelArtsApi {
  function call<S extends $ZodType>(spec: Call<S>, options: CallOptions | undefined): Promise<output<S>> {
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let sentToken: string | undefined;
    return execute(
      config.context,
      {
        operation: spec.operation,
        idempotent: spec.idempotent ?? spec.method !== 'POST',
        reconcile: spec.reconcile,
        // Names are unique in a project, and a write reconciled as not done can be sent again.
        resendIfAbsent: true,
        // A token IAM gave us may be refused before its time; a password can get a fresh one.
        renewCredentials: () => config.identity.renewToken(sentToken),
        request: async (attempt) => {
          const project = await config.identity.projectId(attempt);
          const url = `${config.endpoint}/${spec.version ?? 'v2'}/${segment(project, 'projectId')}${spec.path}${queryString(spec.query)}`;
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          const authorized = await config.identity.authorize(
            { method: spec.method, url, headers, body },
            attempt,
          );
          sentToken = authorized.headers['x-auth-token'];
          return authorized;
        },
        decode: (response, details) =>
          (spec.schema ? decodeJson(response, spec.schema, details) : null) as output<S>,
      },
      options,
    );
  }
  return operations(call, config.trialEnded);
}

/** The methods, apart from how a call is sent: their type is the public `ModelArtsApi`. */
function operations(call: Caller, trialEnded: TrialEnded) {
  const job = (id: string) => `/training-jobs/${segment(id, 'jobId')}`;

  // Async methods, so that an id refused before sending rejects the call like any other failure.
  const api = {
    /** `ShowAutoSearchTrials`: the autosearch job's trial table (one page). */
    async listAutoSearchTrials(
      jobId: string,
      query: shapes.ListAutoSearchTrialsQuery = {},
      options?: CallOptions,
    ) {
      return call(
        {
          operation: 'ShowAutoSearchTrials',
          method: 'GET',
          path: `${job(jobId)}/autosearch-trials`,
          query: { limit: query.limit, offset: query.offset },
          schema: wire.AutoSearchTrialsResponseSchema(),
        },
        options,
      );
    },
    /** `ShowAutoSearchPerTrial`: one trial of an autosearch job. */
    async getAutoSearchTrial(jobId: string, trialId: string, options?: CallOptions) {
      return call(
        {
          operation: 'ShowAutoSearchPerTrial',
          method: 'GET',
          path: `${job(jobId)}/autosearch-trials/${segment(trialId, 'trialId')}`,
          schema: wire.TrialTableSchema(),
        },
        options,
      );
    },
    /**
     * `ShowAutoSearchTrialEarlyStop`. Not sent twice blindly: a second stop of a trial the first one ended is refused. After an
     * ambiguous failure the trial's row is read; a trial that has ended counts as stopped.
     */
    async earlyStopTrial(jobId: string, trialId: string, options?: CallOptions) {
      return call(
        {
          operation: 'ShowAutoSearchTrialEarlyStop',
          method: 'POST',
          path: `${job(jobId)}/autosearch-trial-earlystop/${segment(trialId, 'trialId')}`,
          schema: wire.EarlyStopResponseSchema(),
          idempotent: false,
          reconcile: async (call) =>
            (await trialEnded(jobId, trialId, call)) ? { earlystop_trial: trialId } : undefined,
        },
        options,
      );
    },
    /** `ShowSearchAlgorithms`: the search algorithms autosearch offers. */
    async listSearchAlgorithms(options?: CallOptions) {
      return call(
        {
          operation: 'ShowSearchAlgorithms',
          method: 'GET',
          path: '/search-algorithms',
          schema: wire.SearchAlgorithmsResponseSchema(),
        },
        options,
      );
    },
    /** `ShowAutoSearchYamlTemplatesInfo`: the autosearch YAML templates there are. */
    async listYamlTemplates(options?: CallOptions) {
      return call(
        {
          operation: 'ShowAutoSearchYamlTemplatesInfo',
          method: 'GET',
          path: '/training-jobs/autosearch/yaml-templates',
          schema: wire.YamlTemplatesResponseSchema(),
        },
        options,
      );
    },
    /** `ShowAutoSearchYamlTemplateContent`: one template's YAML. */
    async getYamlTemplate(algorithmType: string, algorithmName: string, options?: CallOptions) {
      return call(
        {
          operation: 'ShowAutoSearchYamlTemplateContent',
          method: 'GET',
          path: `/training-jobs/autosearch/yaml-templates/${segment(algorithmType, 'algorithmType')}/${segment(algorithmName, 'algorithmName')}`,
          schema: wire.YamlTemplateContentResponseSchema(),
        },
        options,
      );
    },
    /** `ShowAutoSearchParamsAnalysis`: ModelArts' analysis of the job's hyperparameters. */
    async getParameterAnalysis(jobId: string, options?: CallOptions) {
      return call(
        {
          operation: 'ShowAutoSearchParamsAnalysis',
          method: 'GET',
          path: `${job(jobId)}/autosearch-parameter-analysis`,
          schema: wire.ParameterAnalysisResponseSchema(),
        },
        options,
      );
    },
    /** `ShowAutoSearchParamAnalysisResultPath`. Where the analysis image for one hyperparameter lies: an OBS path, not a URL. */
    async getParameterAnalysisPath(jobId: string, parameterName: string, options?: CallOptions) {
      return call(
        {
          operation: 'ShowAutoSearchParamAnalysisResultPath',
          method: 'GET',
          path: `${job(jobId)}/autosearch-parameter-analysis/${segment(parameterName, 'parameterName')}`,
          schema: wire.ParameterAnalysisPathResponseSchema(),
        },
        options,
      );
    },
    /**
     * `CreateTrainingJob`. Not idempotent: after an ambiguous failure the job is looked up by name (names are unique
     * in a project) before the create is sent again.
     */
    async createTrainingJob(input: shapes.CreateTrainingJobRequest, options?: CallOptions) {
      return call(
        {
          operation: 'CreateTrainingJob',
          method: 'POST',
          path: '/training-jobs',
          body: input,
          schema: wire.TrainingJobSchema(),
          idempotent: false,
          reconcile: (call) =>
            api.findTrainingJobByName(input.metadata.name, input.metadata.workspace_id, call),
        },
        options,
      );
    },
    /** `ShowTrainingJobDetails`: NotFoundError when there is no such job. */
    async getTrainingJob(jobId: string, options?: CallOptions) {
      return call(
        {
          operation: 'ShowTrainingJobDetails',
          method: 'GET',
          path: job(jobId),
          schema: wire.TrainingJobSchema(),
        },
        options,
      );
    },
    /** `ListTrainingJobs` (a POST search: filters, sort, one page). A search changes nothing, so this POST is retried like a read. */
    async searchTrainingJobs(input: shapes.TrainingJobSearchRequest = {}, options?: CallOptions) {
      return call(
        {
          operation: 'ListTrainingJobs',
          method: 'POST',
          path: '/training-job-searches',
          body: input,
          schema: wire.TrainingJobSearchResponseSchema(),
          idempotent: true,
        },
        options,
      );
    },
    /** The job whose name is exactly `name`, or undefined (`like` also matches longer names). */
    async findTrainingJobByName(name: string, workspaceId?: string, options?: CallOptions) {
      const found = await api.searchTrainingJobs(
        { limit: 50, workspace_id: workspaceId, filters: [{ key: 'name', operator: 'like', value: [name] }] },
        options,
      );
      return found.items?.find((item) => item.metadata.name === name);
    },
    /**
     * `StopTrainingJob` (the `terminate` action). Not sent twice blindly: terminating a job the first attempt already terminated is refused
     * (ModelArts.2796). After an ambiguous failure the job is read; Terminating or Terminated
     * means the first attempt took effect.
     */
    async terminateTrainingJob(jobId: string, options?: CallOptions) {
      return call(
        {
          operation: 'StopTrainingJob',
          method: 'POST',
          path: `${job(jobId)}/actions`,
          body: { action_type: 'terminate' } satisfies shapes.TrainingJobActionRequest,
          schema: wire.TrainingJobSchema(),
          idempotent: false,
          reconcile: async (call) => {
            const found = await api.getTrainingJob(jobId, call);
            return TERMINATING.has(found.status?.phase ?? '') ? found : undefined;
          },
        },
        options,
      );
    },
    /** `DeleteTrainingJob`. After an ambiguous failure the job is read: gone means the first attempt deleted it. */
    async deleteTrainingJob(jobId: string, options?: CallOptions): Promise<void> {
      await call(
        {
          operation: 'DeleteTrainingJob',
          method: 'DELETE',
          path: job(jobId),
          idempotent: false,
          reconcile: (call) =>
            api.getTrainingJob(jobId, call).then(
              () => undefined,
              (error: unknown) => {
                if (NotFoundError.is(error)) return null;
                throw error;
              },
            ),
        },
        options,
      );
    },
    /** `ListWorkspace`: the workspaces the account sees. */
    async listWorkspaces(query: shapes.ListWorkspacesQuery = {}, options?: CallOptions) {
      return call(
        {
          operation: 'ListWorkspace',
          method: 'GET',
          version: 'v1',
          path: '/workspaces',
          query: { ...query },
          schema: wire.WorkspacesResponseSchema(),
        },
        options,
      );
    },
  };
  return api;
}

/**
 * `modelarts(...).api`: one method per ModelArts operation crosstune uses (autosearch, training
 * jobs, workspaces), each answer checked against its wire schema.
 *
 * @interface
 */
export type ModelArtsApi = ReturnType<typeof operations>;
