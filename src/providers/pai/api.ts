/**
 * The PAI AutoML operations client: one typed method per operation of `paiautoml` 2022-08-28
 * (ROA: REST paths, JSON bodies), 18 in all, with methods and paths as the reference records
 * them — Stop, Delete, Update, StopTrials and RestartTrials are PUT. Requests are signed with
 * Alibaba's own signer (auth.ts) and sent through crosstune's transport; every attempt goes
 * through core `execute` for the shared retries, time limits, hooks and error mapping, and every
 * answer is checked against its wire schema. Usable on its own as `pai(...).api`.
 */
import type { $ZodType, output } from 'zod/v4/core';
import { NotFoundError } from '../../core/errors.js';
import { decodeUtcDateTime, isObject } from '../../core/fields.js';
import type { CallOptions } from '../../core/http/call-options.js';
import { checkWire, parseJsonBody } from '../../core/http/decode.js';
import { mapError } from '../../core/http/error-mapper.js';
import { type ExecutionContext, execute } from '../../core/http/execute.js';
import type { HttpRequest } from '../../core/http/message.js';
import { checkId, idSegment } from '../../core/ids.js';
import { ENDED_EXPERIMENT_STATUSES, ENDED_TRIAL_STATUSES } from '../../core/types.js';
import type { RoaCall } from './auth.js';
import { codeOf, isExecutionFailure, isSuccessCode, PAI_ERRORS } from './errors.js';
import { experimentStatus, trialStatus } from './normalize.js';
import type * as shapes from './shapes.js';
import * as wire from './wire.js';

export interface PaiApiConfig {
  context: ExecutionContext;
  sign(call: RoaCall): Promise<HttpRequest>;
  /** After an auth refusal: forgets the credentials held; true when the next ones may differ. */
  renewCredentials(): boolean;
}

const BASE = '/api/automl/v1';

// Path parameters are encoded as the official SDKs encode them, once checked (core/ids.ts).
const experimentPath = (id: string) => `${BASE}/hpo/experiment/${idSegment(id, 'ExperimentId', 'pai')}`;
const trialPath = (id: string, trial: string) =>
  `${experimentPath(id)}/trial/${idSegment(trial, 'TrialId', 'pai')}`;
/** A reconciled stop's per-trial result: the trial was found ended after the answer was lost. */
const STOPPED_ON_LOOKUP = 'ended (read after the answer to StopHpoTrials was lost)';

/** Trial ids sent in a body are ids all the same. */
const trialIds = (ids: readonly string[]) => ids.map((id, i) => checkId(id, `TrialIds[${i}]`, 'pai'));

/** `YYYY-MM-DD HH:mm:ss` in UTC, the form PAI's time filters take. */
export function paiTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function queryOf(values: Record<string, unknown>): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Date) query[key] = paiTime(value);
    else if (typeof value === 'boolean') query[key] = value ? 'True' : 'False';
    else if (typeof value === 'object') query[key] = JSON.stringify(value);
    else query[key] = String(value);
  }
  return Object.keys(query).length > 0 ? query : undefined;
}

function bodyOf(values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) body[key] = value;
  return body;
}

/** What `onResponse` reads of an answer: its headers, without naming the transport's types. */
interface HeaderReader {
  get(name: string): string | null;
}

interface Operation<S extends $ZodType> {
  action: string;
  method: 'GET' | 'POST' | 'PUT';
  /** Already percent-encoded. */
  pathname: string;
  query?: Record<string, string> | undefined;
  body?: Record<string, unknown> | undefined;
  schema: S;
  /** False when repeating the call could repeat its effect (creates, restarts). */
  idempotent?: boolean;
  /**
   * For writes: whether the call took effect after an ambiguous failure. PAI has no client token
   * and names are not unique, so a create is never resent: what the look-up does not find is thrown.
   */
  reconcile?: ((call: CallOptions) => Promise<output<S> | undefined>) | undefined;
  /** Whether a write the look-up found no trace of may be sent again (a stop or a delete; never a create). */
  resendIfAbsent?: boolean | undefined;
  /** Called as each attempt starts. */
  onAttempt?: (() => void) | undefined;
  /** Sees a successful answer before it is decoded (its headers, which the result leaves out). */
  onResponse?: ((response: { readonly headers: HeaderReader }) => void) | undefined;
  /** An answer with per-trial `Results` is read even when its `Code` says execution failed (StopHpoTrials). */
  resultsDespiteCode?: boolean | undefined;
}

function listExperimentsOperation(input: shapes.ListHpoExperimentsRequest) {
  return {
    action: 'ListHpoExperiments',
    method: 'GET',
    pathname: `${BASE}/hpo/experiments`,
    query: queryOf({ ...input }),
    schema: wire.ListHpoExperimentsSchema(),
  } as const satisfies Operation<ReturnType<typeof wire.ListHpoExperimentsSchema>>;
}

type Caller = <S extends $ZodType>(op: Operation<S>, options: CallOptions | undefined) => Promise<output<S>>;

export function createPaiApi(config: PaiApiConfig): PaiApi {
  const { context, sign, renewCredentials } = config;

  function call<S extends $ZodType>(op: Operation<S>, options: CallOptions | undefined): Promise<output<S>> {
    const idempotent = op.idempotent ?? true;
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    return execute(
      context,
      {
        operation: op.action,
        idempotent,
        reconcile: op.reconcile,
        resendIfAbsent: op.resendIfAbsent,
        renewCredentials,
        request: () => {
          op.onAttempt?.();
          return sign({ action: op.action, method: op.method, pathname: op.pathname, query: op.query, body });
        },
        decode: (response, at) => {
          op.onResponse?.(response);
          const parsed = parseJsonBody(response, at);
          const object = isObject(parsed) ? parsed : undefined;
          // StopHpoTrials reports "failed to stop any trial" with an error Code and the per-trial
          // Results: that is an answer to read, not a failure to retry.
          const answered =
            op.resultsDespiteCode && isExecutionFailure(codeOf(object)) && isObject(object?.Results);
          if (!isSuccessCode(codeOf(object)) && !answered) {
            throw mapError(PAI_ERRORS, response, at, { idempotent, body: object });
          }
          return checkWire(parsed, op.schema, at);
        },
      },
      options,
    );
  }
  return operations(call);
}

/** The methods, apart from how a call is sent: their type is the public `PaiApi`. */
function operations(call: Caller) {
  // Async methods, so that an id refused before sending rejects the call like any other failure.
  const api = {
    /**
     * `CreateHpoExperiment`. Not idempotent and without a client token. After an ambiguous failure the experiment is
     * looked up by name (newest first, created since the first attempt began); when none is
     * found the failure is thrown rather than the request resent.
     */
    async createHpoExperiment(input: shapes.CreateHpoExperimentRequest, options?: CallOptions) {
      let firstAttemptAt: number | undefined;
      return call(
        {
          action: 'CreateHpoExperiment',
          method: 'POST',
          pathname: `${BASE}/hpo/experiment`,
          body: bodyOf({ ...input }),
          schema: wire.CreatedExperimentSchema(),
          idempotent: false,
          onAttempt: () => {
            firstAttemptAt ??= Date.now();
          },
          reconcile: async (lookup) => {
            if (input.Name === undefined || firstAttemptAt === undefined) return undefined;
            const found = await findCreated(input.Name, input.WorkspaceId, firstAttemptAt, lookup);
            return found === undefined ? undefined : { ExperimentId: found };
          },
        },
        options,
      );
    },

    /** `ListHpoExperiments`: one page of experiments (`PageNumber`, `PageSize`). */
    async listHpoExperiments(input: shapes.ListHpoExperimentsRequest = {}, options?: CallOptions) {
      return call(listExperimentsOperation(input), options);
    },

    /** `GetHpoExperiment`: NotFoundError when there is no such experiment. */
    async getHpoExperiment(input: shapes.ExperimentRef, options?: CallOptions) {
      return call(
        {
          action: 'GetHpoExperiment',
          method: 'GET',
          pathname: experimentPath(input.ExperimentId),
          schema: wire.GetHpoExperimentSchema(),
        },
        options,
      );
    },

    /** `UpdateHpoExperiment`: name, description, accessibility or configuration. */
    async updateHpoExperiment(input: shapes.UpdateHpoExperimentRequest, options?: CallOptions) {
      const { ExperimentId, ...body } = input;
      return call(
        {
          action: 'UpdateHpoExperiment',
          method: 'PUT',
          pathname: `${experimentPath(ExperimentId)}/update`,
          body: bodyOf(body),
          schema: wire.EnvelopeSchema(),
        },
        options,
      );
    },

    /**
     * `StopHpoExperiment`. Not sent twice blindly: after an answer that may have been lost, the experiment is read;
     * ended (stopped or otherwise) means the stop took effect.
     */
    async stopHpoExperiment(input: shapes.ExperimentRef, options?: CallOptions) {
      return call(
        {
          action: 'StopHpoExperiment',
          method: 'PUT',
          pathname: `${experimentPath(input.ExperimentId)}/stop`,
          schema: wire.StopHpoExperimentSchema(),
          idempotent: false,
          resendIfAbsent: true,
          reconcile: async (lookup) => {
            const read = await api.getHpoExperiment({ ExperimentId: input.ExperimentId }, lookup);
            const ended = ENDED_EXPERIMENT_STATUSES.has(experimentStatus(read.Status));
            return ended ? { ExpId: input.ExperimentId, Status: read.Status } : undefined;
          },
        },
        options,
      );
    },

    /** `DeleteHpoExperiment`. After an answer that may have been lost, the experiment is read: gone means deleted. */
    async deleteHpoExperiment(input: shapes.ExperimentRef, options?: CallOptions) {
      return call(
        {
          action: 'DeleteHpoExperiment',
          method: 'PUT',
          pathname: `${experimentPath(input.ExperimentId)}/delete`,
          schema: wire.EnvelopeSchema(),
          idempotent: false,
          resendIfAbsent: true,
          reconcile: (lookup) =>
            api.getHpoExperiment({ ExperimentId: input.ExperimentId }, lookup).then(
              () => undefined,
              (error: unknown) => {
                if (NotFoundError.is(error)) return {};
                throw error;
              },
            ),
        },
        options,
      );
    },

    /** `ListHpoExperimentLogs`: one page of the experiment's log lines. */
    async listHpoExperimentLogs(input: shapes.ListHpoExperimentLogsRequest, options?: CallOptions) {
      const { ExperimentId, ...query } = input;
      return call(
        {
          action: 'ListHpoExperimentLogs',
          method: 'GET',
          pathname: `${experimentPath(ExperimentId)}/logs`,
          query: queryOf(query),
          schema: wire.LogsSchema(),
        },
        options,
      );
    },

    /** `ListHpoTrials`: one page of the experiment's trials. */
    async listHpoTrials(input: shapes.ListHpoTrialsRequest, options?: CallOptions) {
      const { ExperimentId, ...query } = input;
      return call(
        {
          action: 'ListHpoTrials',
          method: 'GET',
          pathname: `${experimentPath(ExperimentId)}/trials`,
          query: queryOf(query),
          schema: wire.ListHpoTrialsSchema(),
        },
        options,
      );
    },

    /** `GetHpoTrial`: one trial, with its metrics. */
    async getHpoTrial(input: shapes.TrialRef, options?: CallOptions) {
      return call(
        {
          action: 'GetHpoTrial',
          method: 'GET',
          pathname: trialPath(input.ExperimentId, input.TrialId),
          schema: wire.GetHpoTrialSchema(),
        },
        options,
      );
    },

    /**
     * `StopHpoTrials`, with a result per trial. Not sent twice blindly: a second stop of a trial
     * the first one stopped is refused. After an answer that may have been lost the trials are read; when every one has ended, each counts
     * as stopped.
     */
    async stopHpoTrials(input: shapes.StopHpoTrialsRequest, options?: CallOptions) {
      const ids = trialIds(input.TrialIds);
      return call(
        {
          action: 'StopHpoTrials',
          method: 'PUT',
          pathname: `${experimentPath(input.ExperimentId)}/stop_trials`,
          body: { TrialIds: ids },
          schema: wire.TrialResultsSchema(),
          resultsDespiteCode: true,
          idempotent: false,
          resendIfAbsent: true,
          reconcile: async (lookup) => {
            const reads = await Promise.all(
              ids.map((TrialId) => api.getHpoTrial({ ExperimentId: input.ExperimentId, TrialId }, lookup)),
            );
            if (!reads.every((trial) => ENDED_TRIAL_STATUSES.has(trialStatus(trial.Status))))
              return undefined;
            return { Results: Object.fromEntries(ids.map((id) => [id, STOPPED_ON_LOOKUP])) };
          },
        },
        options,
      );
    },

    /** `RestartHpoTrials`. Not idempotent: each accepted call may launch trials. An ambiguous failure is thrown, not resent. */
    async restartHpoTrials(input: shapes.RestartHpoTrialsRequest, options?: CallOptions) {
      const hyper = input.TrialHyperParameters;
      return call(
        {
          action: 'RestartHpoTrials',
          method: 'PUT',
          pathname: `${experimentPath(input.ExperimentId)}/restart_trials`,
          body: bodyOf({
            TrialIds: input.TrialIds && trialIds(input.TrialIds),
            TrialHyperParameters: typeof hyper === 'object' ? JSON.stringify(hyper) : hyper,
          }),
          schema: wire.TrialResultsSchema(),
          idempotent: false,
        },
        options,
      );
    },

    /** `ListHpoTrialLogNames`: the names of a trial's logs. */
    async listHpoTrialLogNames(input: shapes.TrialRef, options?: CallOptions) {
      return call(
        {
          action: 'ListHpoTrialLogNames',
          method: 'GET',
          pathname: `${trialPath(input.ExperimentId, input.TrialId)}/lognames`,
          schema: wire.LogNamesSchema(),
        },
        options,
      );
    },

    /** `ListHpoTrialLogs`: one page of a trial's log lines. */
    async listHpoTrialLogs(input: shapes.ListHpoTrialLogsRequest, options?: CallOptions) {
      const { ExperimentId, TrialId, ...query } = input;
      return call(
        {
          action: 'ListHpoTrialLogs',
          method: 'GET',
          pathname: `${trialPath(ExperimentId, TrialId)}/logs`,
          query: queryOf(query),
          schema: wire.LogsSchema(),
        },
        options,
      );
    },

    /** `ListHpoTrialCommands`: the commands a trial ran. */
    async listHpoTrialCommands(input: shapes.TrialRef, options?: CallOptions) {
      return call(
        {
          action: 'ListHpoTrialCommands',
          method: 'GET',
          pathname: `${trialPath(input.ExperimentId, input.TrialId)}/commands`,
          schema: wire.CommandsSchema(),
        },
        options,
      );
    },

    /** `CreateAutofeExperiment` (automatic feature engineering). Not idempotent; an ambiguous failure is thrown, not resent. */
    async createAutofeExperiment(input: shapes.CreateAutofeExperimentRequest, options?: CallOptions) {
      return call(
        {
          action: 'CreateAutofeExperiment',
          method: 'POST',
          pathname: `${BASE}/autofe/experiment`,
          body: bodyOf({ ...input }),
          schema: wire.CreatedExperimentSchema(),
          idempotent: false,
        },
        options,
      );
    },

    /** `GetAutofeExperiment`. */
    async getAutofeExperiment(input: shapes.ExperimentRef, options?: CallOptions) {
      return call(
        {
          action: 'GetAutofeExperiment',
          method: 'GET',
          pathname: `${BASE}/autofe/experiment/${idSegment(input.ExperimentId, 'ExperimentId', 'pai')}`,
          schema: wire.GetAutofeExperimentSchema(),
        },
        options,
      );
    },

    /** `GetServiceIdentityRole`: whether PAI AutoML's service-linked role exists. */
    async getServiceIdentityRole(options?: CallOptions) {
      return call(
        {
          action: 'GetServiceIdentityRole',
          method: 'GET',
          pathname: `${BASE}/serviceidentityrole`,
          schema: wire.ServiceIdentityRoleSchema(),
        },
        options,
      );
    },

    /** `CreateServiceIdentityRole`: creating PAI AutoML's service-linked role twice leaves one role, so it is retried. */
    async createServiceIdentityRole(options?: CallOptions) {
      return call(
        {
          action: 'CreateServiceIdentityRole',
          method: 'POST',
          pathname: `${BASE}/serviceidentityrole`,
          schema: wire.ServiceIdentityRoleSchema(),
        },
        options,
      );
    },
  };

  /**
   * The newest experiment with exactly this name created since `since` (local time). PAI's times
   * have whole seconds and come from its own clock: the answer's `Date` header, when there is
   * one, tells how far that clock is from ours. (It has whole seconds too, which can only widen
   * the window, by under a second.)
   */
  async function findCreated(
    name: string,
    workspaceId: string | undefined,
    since: number,
    lookup: CallOptions,
  ): Promise<string | undefined> {
    let skewMs = 0;
    const page = await call(
      {
        ...listExperimentsOperation({
          Name: name,
          WorkspaceId: workspaceId,
          SortBy: 'create_time',
          Order: 'DESC',
          PageNumber: 1,
          PageSize: 20,
        }),
        onResponse: (response) => {
          const serverNow = Date.parse(response.headers.get('date') ?? '');
          if (Number.isFinite(serverNow)) skewMs = serverNow - Date.now();
        },
      },
      lookup,
    );
    const floor = Math.floor((since + skewMs) / 1000) * 1000;
    for (const item of page.Experiments ?? []) {
      if (item.Name !== name) continue;
      let created: number;
      try {
        created = decodeUtcDateTime(item.GmtCreateTime, 'GmtCreateTime').getTime();
      } catch {
        continue;
      }
      if (created >= floor) return String(item.ExperimentId);
    }
    return undefined;
  }

  return api;
}

/**
 * `pai(...).api`: one method per operation of `paiautoml` 2022-08-28, each taking the
 * operation's request shape and {@link CallOptions}, each answer checked against its wire schema.
 *
 * @interface
 */
export type PaiApi = ReturnType<typeof operations>;
