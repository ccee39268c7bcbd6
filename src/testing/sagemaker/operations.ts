/** The seven tuning operations: decode input, act on the store, render the output shape. */
import type { VirtualClock } from '../engine/clock.js';
import { Constraints, requireTuningJobName, TRAINING_JOB_NAME_PATTERN } from './constraints.js';
import { wireErrors } from './errors.js';
import { paginate } from './paging.js';
import { describeTrainingJob, describeTuningJob, trainingJobSummary, tuningJobSummary } from './render.js';
import type { SageMakerState } from './state.js';
import {
  type JsonObject,
  TRAINING_JOB_STATUSES,
  type TrainingJobRecord,
  TUNING_JOB_STATUSES,
  type TuningJobRecord,
} from './types.js';
import { validateCreateRequest } from './validate.js';

export interface OperationContext {
  readonly state: SageMakerState;
  readonly clock: VirtualClock;
}

/** Returns the output shape, or `undefined` for operations without one (answered with an empty body). */
export type Operation = (input: JsonObject, ctx: OperationContext) => JsonObject | undefined;

const SORT_ORDERS = ['Ascending', 'Descending'] as const;

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateHyperParameterTuningJob(input, { state }) {
    const job = state.create(validateCreateRequest(input));
    return { HyperParameterTuningJobArn: job.arn };
  },

  DescribeHyperParameterTuningJob(input, { state, clock }) {
    const name = requireTuningJobName(input);
    const trainings = state.trainingJobsOf(name);
    return describeTuningJob(state.tuningJob(name) as TuningJobRecord, trainings, clock.now());
  },

  ListHyperParameterTuningJobs(input, { state }) {
    const c = new Constraints();
    const nextToken = c.string('nextToken', input.NextToken, { max: 8192 });
    const maxResults = c.integer('maxResults', input.MaxResults, { min: 1, max: 100 });
    const filters = {
      sortBy: c.enumOf('sortBy', input.SortBy, ['Name', 'Status', 'CreationTime'] as const) ?? 'Name',
      sortOrder: c.enumOf('sortOrder', input.SortOrder, SORT_ORDERS) ?? 'Ascending',
      nameContains: c.string('nameContains', input.NameContains, { max: 63, pattern: '[a-zA-Z0-9\\-]+' }),
      createdAfter: c.timestamp('creationTimeAfter', input.CreationTimeAfter),
      createdBefore: c.timestamp('creationTimeBefore', input.CreationTimeBefore),
      modifiedAfter: c.timestamp('lastModifiedTimeAfter', input.LastModifiedTimeAfter),
      modifiedBefore: c.timestamp('lastModifiedTimeBefore', input.LastModifiedTimeBefore),
      status: c.enumOf('statusEquals', input.StatusEquals, TUNING_JOB_STATUSES),
    };
    c.throwIfAny();
    const needle = filters.nameContains?.toLowerCase();
    const jobs = state
      .tuningJobs()
      .filter(
        (j) =>
          (needle === undefined || j.name.toLowerCase().includes(needle)) &&
          (filters.createdAfter === undefined || j.createdAt > filters.createdAfter) &&
          (filters.createdBefore === undefined || j.createdAt < filters.createdBefore) &&
          (filters.modifiedAfter === undefined || j.lastModifiedAt > filters.modifiedAfter) &&
          (filters.modifiedBefore === undefined || j.lastModifiedAt < filters.modifiedBefore) &&
          (filters.status === undefined || j.status === filters.status),
      )
      .sort(ordered(tuningKey(filters.sortBy), filters.sortOrder));
    const page = paginate(jobs, { nextToken, maxResults, filters });
    return withToken(
      {
        HyperParameterTuningJobSummaries: page.items.map((j) =>
          tuningJobSummary(j, state.trainingJobsOf(j.name)),
        ),
      },
      page.nextToken,
    );
  },

  StopHyperParameterTuningJob(input, { state }) {
    state.stop(requireTuningJobName(input));
    return undefined;
  },

  DeleteHyperParameterTuningJob(input, { state }) {
    state.delete(requireTuningJobName(input));
    return undefined;
  },

  ListTrainingJobsForHyperParameterTuningJob(input, { state, clock }) {
    const name = requireTuningJobName(input);
    const c = new Constraints();
    const nextToken = c.string('nextToken', input.NextToken, { max: 8192 });
    const maxResults = c.integer('maxResults', input.MaxResults, { min: 1, max: 100 });
    const filters = {
      name: name.toLowerCase(),
      status: c.enumOf('statusEquals', input.StatusEquals, TRAINING_JOB_STATUSES),
      sortBy:
        c.enumOf('sortBy', input.SortBy, [
          'Name',
          'CreationTime',
          'Status',
          'FinalObjectiveMetricValue',
        ] as const) ?? 'Name',
      sortOrder: c.enumOf('sortOrder', input.SortOrder, SORT_ORDERS) ?? 'Ascending',
    };
    c.throwIfAny();
    const trainings = state
      .trainingJobsOf(name)
      .filter((t) => filters.status === undefined || t.status === filters.status)
      // As documented for this sort: jobs that reported no objective metric are left out.
      .filter((t) => filters.sortBy !== 'FinalObjectiveMetricValue' || t.metric !== undefined)
      .sort(ordered(trainingKey(filters.sortBy), filters.sortOrder));
    const page = paginate(trainings, { nextToken, maxResults, filters });
    const now = clock.now();
    return withToken(
      { TrainingJobSummaries: page.items.map((t) => trainingJobSummary(t, now)) },
      page.nextToken,
    );
  },

  DescribeTrainingJob(input, { state, clock }) {
    const c = new Constraints();
    const name = c.string('trainingJobName', input.TrainingJobName, {
      min: 1,
      max: 63,
      pattern: TRAINING_JOB_NAME_PATTERN,
    });
    c.required('trainingJobName', input.TrainingJobName);
    c.throwIfAny();
    const training = state.trainingJob(name as string);
    // SageMaker answers ValidationException here, not the ResourceNotFound its model declares.
    if (training === undefined) throw wireErrors.validation('Requested resource not found.');
    return describeTrainingJob(training, clock.now());
  },
};

type SortKey<T> = (item: T) => string | number;

function tuningKey(sortBy: 'Name' | 'Status' | 'CreationTime'): SortKey<TuningJobRecord> {
  if (sortBy === 'Status') return (j) => j.status;
  if (sortBy === 'CreationTime') return (j) => j.createdAt;
  return (j) => j.name;
}

function trainingKey(
  sortBy: 'Name' | 'CreationTime' | 'Status' | 'FinalObjectiveMetricValue',
): SortKey<TrainingJobRecord> {
  if (sortBy === 'Status') return (t) => t.status;
  if (sortBy === 'CreationTime') return (t) => t.createdAt;
  if (sortBy === 'FinalObjectiveMetricValue') return (t) => t.metric as number;
  return (t) => t.name;
}

/** Sorts by `key`, then by name so that pages never shuffle between calls. */
function ordered<T extends { name: string }>(key: SortKey<T>, order: 'Ascending' | 'Descending') {
  const sign = order === 'Ascending' ? 1 : -1;
  return (a: T, b: T) => sign * (compare(key(a), key(b)) || compare(a.name, b.name));
}

function compare(a: string | number, b: string | number): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function withToken(output: JsonObject, nextToken: string | undefined): JsonObject {
  return nextToken === undefined ? output : { ...output, NextToken: nextToken };
}
