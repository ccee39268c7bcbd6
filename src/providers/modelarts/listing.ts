/**
 * The neutral listings on ModelArts: experiments are training-job searches (filters and sort sent
 * to the server), trials are the rows of the autosearch trial table. Both page by offset/limit,
 * where the docs disagree on what `offset` counts: `offsetWalk` finds out from the server.
 * The trial table has no server-side filter or sort: status filters apply to each page, and a
 * sorted listing reads every trial first and yields them sorted in one page.
 */
import { InvalidArgumentError, NotFoundError, ValidationError } from '../../core/errors.js';
import { normalizing, optionalInteger } from '../../core/fields.js';
import { type CallOptions, withSignal } from '../../core/http/call-options.js';
import { filterWalk, type PageWalk, Paginated, pageSizeOf } from '../../core/paginate.js';
import { type OffsetMeaning, offsetWalk } from '../../core/paginate-offset.js';
import type { Experiment, ExperimentQuery, ExperimentStatus, Trial, TrialQuery } from '../../core/types.js';
import type { ModelArtsApi } from './api.js';
import {
  experimentFromJob,
  listedTrialIds,
  type ModelArtsTrialRaw,
  type TrialContext,
  trialFromRows,
  trialsFromTable,
} from './normalize.js';
import type { JobSearchFilter, TrainingJobSearchRequest } from './shapes.js';
import type { ModelArtsAutoSearchTrialsWire, ModelArtsTrainingJobWire } from './wire.js';

/** What the server answers without a `limit`. */
export const DEFAULT_TRIAL_PAGE_SIZE = 50;
/** ModelArts documents no bound for the trial table; crosstune's. */
export const MAX_TRIAL_PAGE_SIZE = 1000;
/** training-job-searches accepts 1–50. */
export const MAX_JOB_PAGE_SIZE = 50;

/** What `offset` counts on each listing, when the caller knows; otherwise each walk finds out. */
export interface OffsetMeanings {
  trials?: OffsetMeaning | undefined;
  searches?: OffsetMeaning | undefined;
}

export interface ListingSettings {
  pageConcurrency: number;
  workspaceId?: string | undefined;
  offsetMeaning?: OffsetMeanings | undefined;
}

/** ModelArts phases by neutral status; statuses without a phase list nothing. */
const PHASES: Readonly<Record<ExperimentStatus, readonly string[]>> = {
  pending: ['Creating', 'Pending'],
  running: ['Running'],
  stopping: ['Terminating'],
  stopped: ['Terminated'],
  completed: ['Completed'],
  failed: ['Failed', 'Abnormal'],
  deleting: [],
  unknown: [],
};

/** An experiment is a training job with a hyperparameter search: a policy, or an AutoSearch YAML job. */
export function isSearchJob(job: ModelArtsTrainingJobWire): boolean {
  return Boolean(job.algorithm?.policies?.auto_search) || job.kind === 'autosearch_job';
}

function searchFilters(query: ExperimentQuery): JobSearchFilter[] {
  const filters: JobSearchFilter[] = [];
  if (query.nameContains) filters.push({ key: 'name', operator: 'like', value: [query.nameContains] });
  if (query.status) filters.push({ key: 'phase', operator: 'in', value: [...PHASES[query.status]] });
  if (query.createdAfter || query.createdBefore) {
    const from = query.createdAfter?.getTime() ?? 0;
    const to = query.createdBefore?.getTime() ?? 8_640_000_000_000_000;
    filters.push({ key: 'create_time', operator: 'between', value: [String(from), String(to)] });
  }
  return filters;
}

/** Training jobs with a hyperparameter search; plain training jobs in the same project are skipped. */
export function listExperiments(
  api: ModelArtsApi,
  query: ExperimentQuery,
  call: CallOptions | undefined,
  settings: ListingSettings,
): Paginated<Experiment<ModelArtsTrainingJobWire, ModelArtsTrialRaw>> {
  const operation = 'ListTrainingJobs';
  const pageSize = pageSizeOf(query, MAX_JOB_PAGE_SIZE, MAX_JOB_PAGE_SIZE);
  if (query.sortBy === 'status') {
    throw new InvalidArgumentError(
      'ModelArts cannot sort training jobs by status (only by createdAt or name)',
    );
  }
  if (query.status && PHASES[query.status].length === 0) {
    return new Paginated(async function* () {}, query.cursor);
  }
  const base: TrainingJobSearchRequest = {
    limit: pageSize,
    workspace_id: settings.workspaceId,
    sort_by: query.sortBy === 'name' ? 'name' : 'create_time',
    order: query.sortOrder ?? 'desc',
    filters: searchFilters(query),
  };
  const walk = offsetWalk<ModelArtsTrainingJobWire>({
    provider: 'modelarts',
    operation,
    pageSize,
    meaning: settings.offsetMeaning?.searches,
    concurrency: settings.pageConcurrency,
    kind: 'jobs',
    keyOf: (job) => job.metadata.id,
    fetchAt: async (offset, signal) => {
      const page = await api.searchTrainingJobs({ ...base, offset }, withSignal(call, signal));
      // Not `total`: the search docs call it all of the user's jobs and `count` the matching
      // ones, and the example (total 5059, count 1, limit 1) cannot tell whether `count` is the
      // page or the match count. Without a total the walk is sequential and ends on a short page.
      return { items: page.items ?? [], raw: page };
    },
  });
  return new Paginated(filterWalk(walk, isSearchJob), query.cursor).map((job) =>
    normalizing({ provider: 'modelarts', operation }, () => experimentFromJob(job)),
  );
}

/** Rows of the trial table, one trial each, normalized against the experiment's objective. */
function trialWalk(
  api: ModelArtsApi,
  context: () => Promise<TrialContext>,
  experimentId: string,
  pageSize: number,
  call: CallOptions | undefined,
  settings: ListingSettings,
): PageWalk<Trial<ModelArtsTrialRaw>> {
  const operation = 'ShowAutoSearchTrials';
  const details = { provider: 'modelarts', operation } as const;
  return async function* (cursor) {
    const ctx = await context();
    yield* offsetWalk<string, Trial<ModelArtsTrialRaw>>({
      provider: 'modelarts',
      operation,
      pageSize,
      meaning: settings.offsetMeaning?.trials,
      concurrency: settings.pageConcurrency,
      kind: 'trials',
      // Pages are told apart by their rows' trial ids, read (and checked) before the rows are.
      keyOf: (id) => id,
      fetchAt: async (offset, signal) => {
        const raw = await api.listAutoSearchTrials(
          experimentId,
          { limit: pageSize, offset },
          withSignal(call, signal),
        );
        return normalizing(details, () => ({
          items: listedTrialIds(raw.items),
          total: optionalInteger(raw.total, 'total'),
          raw,
        }));
      },
      read: (page) =>
        normalizing(details, () => trialsFromTable((page.raw as ModelArtsAutoSearchTrialsWire).items, ctx)),
    })(cursor);
  };
}

export function listTrials(
  api: ModelArtsApi,
  context: () => Promise<TrialContext>,
  experimentId: string,
  query: TrialQuery,
  call: CallOptions | undefined,
  settings: ListingSettings,
): Paginated<Trial<ModelArtsTrialRaw>> {
  const pageSize = pageSizeOf(query, MAX_TRIAL_PAGE_SIZE, DEFAULT_TRIAL_PAGE_SIZE);
  const wanted = query.status;
  const walk = filterWalk(
    trialWalk(api, context, experimentId, pageSize, call, settings),
    (trial) => wanted === undefined || trial.status === wanted,
  );
  if (query.sortBy === undefined) return new Paginated(walk, query.cursor);
  if (query.cursor !== undefined) {
    throw new InvalidArgumentError(
      'A sorted ModelArts trial listing is one page: it has no cursor to resume',
    );
  }
  const sortBy = query.sortBy;
  return new Paginated(async function* () {
    const all: Trial<ModelArtsTrialRaw>[] = [];
    const raw: unknown[] = [];
    for await (const page of walk(undefined)) {
      all.push(...page.items);
      raw.push(page.raw);
    }
    const direction = (await context()).objective?.direction;
    yield { items: sortTrials(all, sortBy, query.sortOrder, direction), cursor: undefined, raw };
  });
}

/**
 * One trial: its reports from the per-trial answer (hyperparameters, every metric point), its
 * status from its row in the list, because the per-trial answer has no status column (only
 * `done`, which cannot tell an ERROR from a finished trial). A trial without reports yet is
 * known from the list alone; one in neither is a NotFoundError, whatever ModelArts answered.
 */
export async function getTrial(
  api: ModelArtsApi,
  context: TrialContext,
  trialId: string,
  call: CallOptions | undefined,
  settings: ListingSettings,
): Promise<Trial<ModelArtsTrialRaw>> {
  const operation = 'ShowAutoSearchPerTrial';
  const experimentId = context.experimentId;
  const findListed = async () => {
    for await (const trial of listTrials(api, async () => context, experimentId, {}, call, settings)) {
      if (trial.id === trialId) return trial;
    }
    return undefined;
  };
  const [reports, listed] = await Promise.all([
    api.getAutoSearchTrial(experimentId, trialId, call).catch((error: unknown) => {
      if (ValidationError.is(error) || NotFoundError.is(error)) return error;
      throw error;
    }),
    findListed(),
  ]);
  const hasReports = !(reports instanceof Error) && (reports.data ?? []).length > 0;
  if (!hasReports) {
    if (listed) return listed;
    throw new NotFoundError(`ModelArts job ${experimentId} has no trial ${trialId}`, {
      provider: 'modelarts',
      operation,
      cause: reports instanceof Error ? reports : undefined,
    });
  }
  const trial = normalizing({ provider: 'modelarts', operation }, () =>
    trialFromRows(reports, { ...context, trialId }),
  );
  return listed ? { ...trial, status: listed.status, providerStatus: listed.providerStatus } : trial;
}

/**
 * The table has no creation times; its row order is the order trials were launched, so
 * `createdAt` keeps it. By objective, best first unless an order is given; trials without an
 * objective come last either way.
 */
export function sortTrials<Raw>(
  trials: readonly Trial<Raw>[],
  sortBy: NonNullable<TrialQuery['sortBy']>,
  order: TrialQuery['sortOrder'],
  direction: 'minimize' | 'maximize' | undefined,
): Trial<Raw>[] {
  const indexed = trials.map((trial, index) => ({ trial, index }));
  const sign =
    (order ?? (sortBy === 'objective' && direction !== 'minimize' ? 'desc' : 'asc')) === 'desc' ? -1 : 1;
  const compare = (
    a: { trial: Trial<Raw>; index: number },
    b: { trial: Trial<Raw>; index: number },
  ): number => {
    switch (sortBy) {
      case 'objective': {
        const x = a.trial.objective?.value;
        const y = b.trial.objective?.value;
        if (x === undefined || Number.isNaN(x))
          return y === undefined || Number.isNaN(y) ? a.index - b.index : 1;
        if (y === undefined || Number.isNaN(y)) return -1;
        return x === y ? a.index - b.index : sign * (x < y ? -1 : 1);
      }
      case 'name':
        return sign * (a.trial.id < b.trial.id ? -1 : a.trial.id > b.trial.id ? 1 : 0) || a.index - b.index;
      case 'status':
        return sign * a.trial.status.localeCompare(b.trial.status) || a.index - b.index;
      case 'createdAt':
        return sign * (a.index - b.index);
    }
  };
  return indexed.sort(compare).map((entry) => entry.trial);
}
