/** CreateTrainingJob, ShowTrainingJobDetails, ListTrainingJobs, StopTrainingJob, DeleteTrainingJob. */
import type { Operation, OperationContext } from './context.js';
import { wireErrors } from './errors.js';
import { readFilters } from './filters.js';
import { readInteger, readString } from './input.js';
import { pageOf } from './paging.js';
import { jobResponse } from './render-job.js';
import type { JobRecord } from './types.js';
import { validateCreateRequest } from './validate.js';

/** ModelArts' page size when the search body gives none (the fake's choice; the docs name no default). */
export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

export const JOB_OPERATIONS = {
  CreateTrainingJob(ctx: OperationContext) {
    const input = validateCreateRequest(ctx.body, ctx.state.simulation.extraMetrics);
    const job = ctx.state.createJob(input, ctx.principal);
    return { status: 201, body: jobResponse(job, ctx.state.now) };
  },

  ShowTrainingJobDetails(ctx: OperationContext) {
    return { body: jobResponse(requireJob(ctx), ctx.state.now) };
  },

  /** Answers the job as it is now: Terminating (202), Terminated once `terminatingMs` have passed. */
  StopTrainingJob(ctx: OperationContext) {
    const action = readString(ctx.body.action_type, 'action_type');
    if (action !== 'terminate') throw wireErrors.unsupportedAction(action ?? '');
    const job = ctx.state.terminateJob(requireJob(ctx).id) as JobRecord;
    return { status: 202, body: jobResponse(job, ctx.state.now) };
  },

  DeleteTrainingJob(ctx: OperationContext) {
    ctx.state.deleteJob(requireJob(ctx).id);
    return { status: 202 };
  },

  /** `total` counts every match, `count` the items of this answer (the docs' wording is ambiguous, reference §3.3). */
  ListTrainingJobs(ctx: OperationContext) {
    const { body } = ctx;
    const offset = readInteger(body.offset, 'offset', { min: 0 }) ?? 0;
    const limit = readInteger(body.limit, 'limit', { min: 1, max: MAX_SEARCH_LIMIT }) ?? DEFAULT_SEARCH_LIMIT;
    const sortBy = readString(body.sort_by, 'sort_by') || 'create_time';
    if (sortBy !== 'create_time' && sortBy !== 'name') throw wireErrors.unsupportedSortBy();
    const order = readString(body.order, 'order', { allowed: ['asc', 'desc'] }) || 'desc';
    const groupBy = readString(body.group_by, 'group_by') ?? '';
    const workspaceId = readString(body.workspace_id, 'workspace_id') || '0';
    const predicates = readFilters(body.filters);
    const sign = order === 'asc' ? 1 : -1;
    const key = sortBy === 'name' ? (j: JobRecord) => j.name : (j: JobRecord) => j.createdAt;
    const matching = (ctx.state.jobs() as JobRecord[])
      .filter((job) => job.workspaceId === workspaceId && predicates.every((test) => test(job)))
      // Ties broken by creation time, then id, so pages never shuffle between calls.
      .sort(
        (a, b) =>
          sign * (compare(key(a), key(b)) || compare(a.createdAt, b.createdAt) || compare(a.id, b.id)),
      );
    const items = pageOf(matching, offset, limit, ctx.offsetMeanings.searches).map((job) =>
      jobResponse(job, ctx.state.now),
    );
    return {
      body: {
        total: matching.length,
        count: items.length,
        limit,
        offset,
        sort_by: sortBy,
        order,
        group_by: groupBy,
        workspace_id: workspaceId,
        ai_project: 'default-ai-project',
        items,
      },
    };
  },
} satisfies Record<string, Operation>;

/** The job of the path, or ModelArts.2775 (HTTP 400, not 404). */
export function requireJob(ctx: OperationContext): JobRecord {
  const id = ctx.params.job as string;
  const job = ctx.state.job(id);
  if (job === undefined) throw wireErrors.jobNotFound(id);
  return job as JobRecord;
}

function compare(a: string | number, b: string | number): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
