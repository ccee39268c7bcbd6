/**
 * The neutral listings on PAI's page-numbered List operations (`PageNumber`/`PageSize`/
 * `TotalCount`): once the first page tells the total, later pages are fetched concurrently
 * (bounded by `pageConcurrency`) and yielded in order; a total that shrinks mid-walk ends it
 * with a PaginationError. Filters PAI cannot express (trial status, trials with an objective)
 * are applied to whole pages after they are fetched, so the walk's guards still see full pages.
 */

import { mapBounded } from '../../core/bounded.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { normalizing } from '../../core/fields.js';
import { type CallOptions, withSignal } from '../../core/http/call-options.js';
import {
  concatWalks,
  filterWalk,
  type Page,
  type PageWalk,
  Paginated,
  pageSizeOf,
} from '../../core/paginate.js';
import { type IndexedPage, indexedWalk } from '../../core/paginate-indexed.js';
import { rankedThenRest } from '../../core/paginate-ranked.js';
import type {
  Experiment,
  ExperimentQuery,
  ExperimentStatus,
  Objective,
  TrainingJob,
  Trial,
  TrialQuery,
} from '../../core/types.js';
import type { PaiApi } from './api.js';
import { optionalInteger } from './decode.js';
import {
  experimentFromWire,
  type PaiTrainingJobRaw,
  trainingJobFromTrial,
  trialFromWire,
} from './normalize.js';
import type { CommandsResult, PaiExperimentWire, PaiTrialWire } from './wire.js';

export const DEFAULT_PAGE_SIZE = 50;
/** PAI documents no upper bound; 100 is what Alibaba's list APIs commonly accept. */
export const MAX_PAGE_SIZE = 100;

export interface ListingSettings {
  pageConcurrency: number;
  workspaceId?: string | undefined;
}

/** Experiment statuses PAI has words for; the others have none and list nothing. */
const EXPERIMENT_STATUS_WORDS: Readonly<Record<ExperimentStatus, readonly string[]>> = {
  pending: ['CREATED', 'WAITING'],
  running: ['RUNNING', 'NO_MORE_TRIAL'],
  completed: ['FINISHED'],
  failed: ['FAILED'],
  stopped: ['EARLY_STOPPED', 'USER_CANCELED', 'SYS_CANCELED'],
  unknown: ['UNKNOWN'],
  stopping: [],
  deleting: [],
};

const ORDER = { asc: 'ASC', desc: 'DESC' } as const;

const emptyWalk: PageWalk<never> = async function* () {};

/** A listed page as the walk checks it: the items as PAI sent them, and the total it tells. */
function readingPage<W>(
  operation: string,
  answer: { RequestId?: string | null | undefined; TotalCount?: unknown },
  items: W[] | null | undefined,
): IndexedPage<W> {
  return normalizing({ provider: 'pai', operation, requestId: answer.RequestId ?? undefined }, () => ({
    items: items ?? [],
    total: optionalInteger(answer.TotalCount, 'TotalCount'),
    raw: answer,
  }));
}

/** A checked page's items read one for one, a malformed field named with the page's request id. */
function readingItems<W, T>(operation: string, page: IndexedPage<W>, read: (item: W, i: number) => T): T[] {
  const requestId = (page.raw as { RequestId?: string | null }).RequestId ?? undefined;
  return normalizing({ provider: 'pai', operation, requestId }, () => page.items.map(read));
}

export function listExperiments(
  api: PaiApi,
  query: ExperimentQuery,
  call: CallOptions | undefined,
  settings: ListingSettings,
): Paginated<Experiment<PaiExperimentWire, PaiTrialWire>> {
  const operation = 'ListHpoExperiments';
  const pageSize = pageSizeOf(query, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  if (query.sortBy === 'name') {
    throw new InvalidArgumentError('PAI cannot sort experiments by name (only by createdAt or status)');
  }
  const base = {
    Name: query.nameContains,
    MinCreateTime: query.createdAfter,
    MaxCreateTime: query.createdBefore,
    WorkspaceId: settings.workspaceId,
    // Without it PAI leaves out the YAML and the search space that limits and algorithm come from.
    IncludeConfigData: true,
    SortBy: query.sortBy && ({ createdAt: 'create_time', status: 'status' } as const)[query.sortBy],
    Order: query.sortOrder && ORDER[query.sortOrder],
  };
  const wanted = query.status;
  const words: readonly (string | undefined)[] = wanted ? EXPERIMENT_STATUS_WORDS[wanted] : [undefined];
  const walks = words.map((Status) =>
    filterWalk(
      indexedWalk<PaiExperimentWire, Experiment<PaiExperimentWire, PaiTrialWire>>({
        provider: 'pai',
        operation,
        pageSize,
        concurrency: settings.pageConcurrency,
        kind: `page:${Status ?? ''}`,
        keyOf: (item) => String(item.ExperimentId),
        fetchPage: async (index, signal) => {
          const page = await api.listHpoExperiments(
            { ...base, Status, PageNumber: index + 1, PageSize: pageSize },
            withSignal(call, signal),
          );
          return readingPage(operation, page, page.Experiments);
        },
        read: (page) =>
          readingItems(operation, page, (item, i) => experimentFromWire(item, `Experiments.${i}.`)),
      }),
      (experiment) => wanted === undefined || experiment.status === wanted,
    ),
  );
  const walk =
    walks.length === 0
      ? emptyWalk
      : walks.length === 1
        ? (walks[0] as PageWalk<Experiment<PaiExperimentWire, PaiTrialWire>>)
        : concatWalks(walks);
  return new Paginated(walk, query.cursor);
}

/** The experiment's objective (one GetHpoExperiment), which names its trials' objective and orders them. */
export type GetObjective = (experimentId: string, call?: CallOptions) => Promise<Objective | undefined>;

/**
 * Trials of an experiment, in PAI's order or sorted by creation time or by objective. Sorting by
 * objective is two walks: PAI's `FINAL_METRIC` order keeping trials that have a final metric,
 * then every trial by creation time keeping those the first walk did not yield — so trials
 * without an objective come last wherever PAI would put them, and none is dropped. The default
 * order then is best first, by the experiment's direction.
 */
function trialWalk(
  api: PaiApi,
  getObjective: GetObjective,
  experimentId: string,
  query: TrialQuery,
  call: CallOptions | undefined,
  settings: ListingSettings,
): PageWalk<Trial<PaiTrialWire>> {
  const operation = 'ListHpoTrials';
  const pageSize = pageSizeOf(query, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  if (query.sortBy === 'name' || query.sortBy === 'status') {
    throw new InvalidArgumentError(
      `PAI cannot sort trials by ${query.sortBy} (only by createdAt or objective)`,
    );
  }
  const wanted = query.status;
  const walkSorted = (
    objective: Objective | undefined,
    SortBy: 'FINAL_METRIC' | 'CREATE_TIME' | undefined,
    Order: 'ASC' | 'DESC' | undefined,
    kind: string,
    keep: (trial: Trial<PaiTrialWire>) => boolean,
  ) => {
    const context = { experimentId, objectiveMetric: objective?.metric };
    return filterWalk(
      indexedWalk<PaiTrialWire, Trial<PaiTrialWire>>({
        provider: 'pai',
        operation,
        pageSize,
        concurrency: settings.pageConcurrency,
        kind,
        keyOf: (item) => String(item.TrialId),
        fetchPage: async (index, signal) => {
          const page = await api.listHpoTrials(
            { ExperimentId: experimentId, SortBy, Order, PageNumber: index + 1, PageSize: pageSize },
            withSignal(call, signal),
          );
          return readingPage(operation, page, page.Trials);
        },
        read: (page) =>
          readingItems(operation, page, (item, i) => trialFromWire(item, `Trials.${i}.`, context)),
      }),
      (trial) => (wanted === undefined || trial.status === wanted) && keep(trial),
    );
  };

  return async function* (cursor) {
    const objective = await getObjective(experimentId, call);
    if (query.sortBy !== 'objective') {
      const sortBy = query.sortBy === 'createdAt' ? 'CREATE_TIME' : undefined;
      yield* walkSorted(
        objective,
        sortBy,
        query.sortOrder && ORDER[query.sortOrder],
        'page',
        () => true,
      )(cursor);
      return;
    }
    const order =
      query.sortOrder !== undefined
        ? ORDER[query.sortOrder]
        : objective?.direction === 'minimize'
          ? 'ASC'
          : 'DESC';
    // PAI's objective sort mixes in the trials without a final metric: they come after the rest.
    yield* rankedThenRest(
      cursor,
      (part, keep) =>
        part === 'ranked'
          ? walkSorted(objective, 'FINAL_METRIC', order, part, keep)
          : walkSorted(objective, 'CREATE_TIME', 'ASC', part, keep),
      { key: (trial: Trial<PaiTrialWire>) => trial.id, ranked: (trial) => trial.objective !== undefined },
    );
  };
}

export function listTrials(
  api: PaiApi,
  getObjective: GetObjective,
  experimentId: string,
  query: TrialQuery,
  call: CallOptions | undefined,
  settings: ListingSettings,
): Paginated<Trial<PaiTrialWire>> {
  return new Paginated(trialWalk(api, getObjective, experimentId, query, call, settings), query.cursor);
}

/**
 * Training jobs derived from trials: each trial's backend job, described by its `JobMeta` and
 * its commands (ListHpoTrialCommands, one call per trial, `pageConcurrency` at a time).
 */
export function listTrainingJobs(
  api: PaiApi,
  getObjective: GetObjective,
  experimentId: string,
  query: TrialQuery,
  call: CallOptions | undefined,
  settings: ListingSettings,
): Paginated<TrainingJob<PaiTrainingJobRaw>> {
  const trials = trialWalk(api, getObjective, experimentId, query, call, settings);
  const withJobs = async (page: Page<Trial<PaiTrialWire>>): Promise<Page<TrainingJob<PaiTrainingJobRaw>>> => {
    const commands = await mapBounded(page.items, settings.pageConcurrency, (trial) =>
      api.listHpoTrialCommands({ ExperimentId: experimentId, TrialId: trial.id }, call),
    );
    const items = page.items.map((trial, i) => trainingJobFromTrial(trial, commands[i] as CommandsResult));
    return { items, cursor: page.cursor, raw: page.raw };
  };
  return new Paginated(async function* (cursor) {
    for await (const page of trials(cursor)) yield await withJobs(page);
  }, query.cursor);
}
