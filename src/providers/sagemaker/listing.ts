/**
 * The neutral listings on SageMaker's token-paged List operations: query translation (status,
 * sort, filters), the objective sort that keeps trials without an objective, and status filters
 * SageMaker cannot express (early-stopped vs stopped).
 */

import { mapBounded } from '../../core/bounded.js';
import { normalizing } from '../../core/fields.js';
import { type CallOptions, withSignal } from '../../core/http/call-options.js';
import {
  concatWalks,
  filterWalk,
  type PageWalk,
  Paginated,
  pageSizeOf,
  tokenWalk,
} from '../../core/paginate.js';
import { rankedThenRest } from '../../core/paginate-ranked.js';
import type {
  Experiment,
  ExperimentQuery,
  ExperimentStatus,
  Trial,
  TrialQuery,
  TrialStatus,
  TrialUsage,
  UsageField,
} from '../../core/types.js';
import type {
  DescribeHyperParameterTuningJobResult,
  SageMakerApi,
  SageMakerTrainingJobSummaryWire,
  SageMakerTuningJobSummaryWire,
} from './api.js';
import {
  describedUsage,
  experimentFromSummary,
  type TrialContext,
  trainingJobFromSummary,
  trialContext,
  trialFromSummary,
} from './normalize.js';

export const MAX_PAGE_SIZE = 100;

const EXPERIMENT_STATUS_WORDS: Readonly<Record<ExperimentStatus, readonly string[]>> = {
  running: ['InProgress'],
  completed: ['Completed'],
  failed: ['Failed', 'DeleteFailed'],
  stopping: ['Stopping'],
  stopped: ['Stopped'],
  deleting: ['Deleting'],
  pending: [],
  unknown: [],
};

const TRIAL_STATUS_WORDS: Readonly<Record<TrialStatus, string | undefined>> = {
  running: 'InProgress',
  completed: 'Completed',
  failed: 'Failed',
  stopping: 'Stopping',
  stopped: 'Stopped',
  early_stopped: 'Stopped',
  pending: undefined,
  unknown: undefined,
};

const ORDER = { asc: 'Ascending', desc: 'Descending' } as const;

const seconds = (date: Date | undefined) => (date === undefined ? undefined : date.getTime() / 1000);
const emptyWalk: PageWalk<never> = async function* () {};

export function listExperiments(
  api: SageMakerApi,
  query: ExperimentQuery,
  call?: CallOptions,
): Paginated<Experiment<SageMakerTuningJobSummaryWire, SageMakerTrainingJobSummaryWire>> {
  const operation = 'ListHyperParameterTuningJobs';
  const base = {
    MaxResults: pageSizeOf(query, MAX_PAGE_SIZE, undefined),
    SortBy:
      query.sortBy && ({ name: 'Name', createdAt: 'CreationTime', status: 'Status' } as const)[query.sortBy],
    SortOrder: query.sortOrder && ORDER[query.sortOrder],
    NameContains: query.nameContains,
    CreationTimeAfter: seconds(query.createdAfter),
    CreationTimeBefore: seconds(query.createdBefore),
  };
  const statusWords: readonly (string | undefined)[] = query.status
    ? EXPERIMENT_STATUS_WORDS[query.status]
    : [undefined];
  const walks = statusWords.map((StatusEquals) =>
    tokenWalk<
      SageMakerTuningJobSummaryWire,
      Experiment<SageMakerTuningJobSummaryWire, SageMakerTrainingJobSummaryWire>
    >({
      provider: 'sagemaker',
      operation,
      kind: `token:${StatusEquals ?? ''}`,
      keyOf: (summary) => summary.HyperParameterTuningJobName,
      fetchPage: async (NextToken, signal) => {
        const page = await api.listHyperParameterTuningJobs(
          { ...base, StatusEquals, NextToken },
          withSignal(call, signal),
        );
        return { items: page.HyperParameterTuningJobSummaries, nextToken: page.NextToken, raw: page };
      },
      read: (page) =>
        normalizing({ provider: 'sagemaker', operation }, () => page.items.map(experimentFromSummary)),
    }),
  );
  return new Paginated(
    walks.length === 0
      ? emptyWalk
      : walks.length === 1
        ? (walks[0] as PageWalk<Experiment<SageMakerTuningJobSummaryWire, SageMakerTrainingJobSummaryWire>>)
        : concatWalks(walks),
    query.cursor,
  );
}

type Describe = (id: string, call?: CallOptions) => Promise<DescribeHyperParameterTuningJobResult>;

/**
 * Training jobs of a tuning job, mapped by `toItem`. Sorting by objective is two walks: SageMaker's
 * own objective sort (which omits jobs without an objective), then every job by creation time,
 * keeping those the first walk did not yield — so nothing is dropped.
 */
export function listTrainingJobSummaries<
  T extends { status: TrialStatus; raw: SageMakerTrainingJobSummaryWire },
>(
  api: SageMakerApi,
  describe: Describe,
  experimentId: string,
  query: TrialQuery,
  call: CallOptions | undefined,
  toItem: (summary: SageMakerTrainingJobSummaryWire, context: TrialContext) => T,
): Paginated<T> {
  const operation = 'ListTrainingJobsForHyperParameterTuningJob';
  const size = pageSizeOf(query, MAX_PAGE_SIZE, undefined);
  const wanted = query.status;
  const statusWord = wanted ? TRIAL_STATUS_WORDS[wanted] : undefined;
  if (wanted && statusWord === undefined) return new Paginated<T>(emptyWalk, query.cursor);

  return new Paginated<T>(async function* (cursor) {
    const job = await describe(experimentId, call);
    const context = normalizing({ provider: 'sagemaker', operation: 'DescribeHyperParameterTuningJob' }, () =>
      trialContext(job),
    );
    const walkSorted = (
      SortBy: string,
      SortOrder: string | undefined,
      kind: string,
      keep: (s: SageMakerTrainingJobSummaryWire) => boolean,
    ) => {
      // Filtered after the walk, which needs whole pages to tell a repeated page; by each item's
      // raw summary, so that nothing is allocated per item beside the item itself.
      const listed = tokenWalk<SageMakerTrainingJobSummaryWire, T>({
        provider: 'sagemaker',
        operation,
        kind,
        keyOf: (summary) => summary.TrainingJobName,
        fetchPage: async (NextToken, signal) => {
          const page = await api.listTrainingJobsForHyperParameterTuningJob(
            {
              HyperParameterTuningJobName: experimentId,
              MaxResults: size,
              SortBy,
              SortOrder,
              StatusEquals: statusWord,
              NextToken,
            },
            withSignal(call, signal),
          );
          return { items: page.TrainingJobSummaries, nextToken: page.NextToken, raw: page };
        },
        read: (page) =>
          normalizing({ provider: 'sagemaker', operation }, () =>
            page.items.map((summary) => toItem(summary, context)),
          ),
      });
      return filterWalk(listed, (item) => keep(item.raw) && (wanted === undefined || item.status === wanted));
    };

    if (query.sortBy !== 'objective') {
      const sortBy =
        query.sortBy &&
        ({ name: 'Name', createdAt: 'CreationTime', status: 'Status' } as const)[query.sortBy];
      yield* walkSorted(
        sortBy ?? 'Name',
        query.sortOrder && ORDER[query.sortOrder],
        'token',
        () => true,
      )(cursor);
      return;
    }
    const best =
      job.HyperParameterTuningJobConfig.HyperParameterTuningJobObjective?.Type === 'Maximize'
        ? 'desc'
        : 'asc';
    // SageMaker's objective sort leaves out the jobs without an objective: they come after the rest.
    yield* rankedThenRest(
      cursor,
      (part, keep) =>
        part === 'ranked'
          ? walkSorted('FinalObjectiveMetricValue', ORDER[query.sortOrder ?? best], part, keep)
          : walkSorted('CreationTime', 'Ascending', part, keep),
      {
        key: (summary: SageMakerTrainingJobSummaryWire) => summary.TrainingJobName,
        ranked: (summary) => summary.FinalHyperParameterTuningJobObjectiveMetric !== undefined,
      },
    );
  }, query.cursor);
}

export function listTrials(
  api: SageMakerApi,
  describe: Describe,
  id: string,
  query: TrialQuery,
  call?: CallOptions,
) {
  return listTrainingJobSummaries(api, describe, id, query, call, trialFromSummary);
}

export function listTrainingJobs(
  api: SageMakerApi,
  describe: Describe,
  id: string,
  query: TrialQuery,
  call?: CallOptions,
) {
  return listTrainingJobSummaries(api, describe, id, query, call, trainingJobFromSummary);
}

/** DescribeTrainingJob calls in flight at once while completing a listing's billing. */
const DESCRIBE_CONCURRENCY = 4;

/**
 * Trials with every ended trial's billed time: a listed trial's is derived from its start and end
 * unless its definition uses managed spot training; those trials are described
 * (DescribeTrainingJob, one call each) to read `BillableTimeInSeconds`. A trial whose definition
 * the tuning job does not describe is left as listed: nothing says whether it ran on spot.
 */
export function listTrialsWithBilling(
  api: SageMakerApi,
  describe: Describe,
  id: string,
  call?: CallOptions,
): Paginated<Trial<SageMakerTrainingJobSummaryWire>> {
  return new Paginated(async function* (cursor) {
    const job = await describe(id, call);
    const { resources } = normalizing(
      { provider: 'sagemaker', operation: 'DescribeHyperParameterTuningJob' },
      () => trialContext(job),
    );
    const onSpot = (trial: Trial<SageMakerTrainingJobSummaryWire>) =>
      trial.startedAt !== undefined &&
      trial.endedAt !== undefined &&
      resources.get(trial.raw.TrainingJobDefinitionName ?? '')?.spot === true;
    const query = { cursor, pageSize: MAX_PAGE_SIZE };
    for await (const page of listTrials(api, describe, id, query, call).pages()) {
      if (!page.items.some(onSpot)) {
        yield page;
        continue;
      }
      const items = await mapBounded(page.items, DESCRIBE_CONCURRENCY, async (trial) => {
        if (!onSpot(trial)) return trial;
        const job = await api.describeTrainingJob({ TrainingJobName: trial.id }, call);
        const usage = normalizing({ provider: 'sagemaker', operation: 'DescribeTrainingJob' }, () =>
          describedUsage(job),
        );
        return { ...trial, usage: preferRead(usage, trial.usage) };
      });
      yield { ...page, items };
    }
  });
}

/** The values `read` has, and `listed`'s (derived ones still marked so) where it has none. */
function preferRead(read: TrialUsage, listed: TrialUsage | undefined): TrialUsage {
  const usage: TrialUsage = { ...read, derived: [] };
  const derived: UsageField[] = [];
  for (const field of ['durationSeconds', 'billableSeconds', 'instanceType', 'instanceCount'] as const) {
    if (usage[field] !== undefined || listed?.[field] === undefined) continue;
    Object.assign(usage, { [field]: listed[field] });
    if (listed.derived.includes(field)) derived.push(field);
  }
  return { ...usage, derived };
}
