/** CreateHpoExperiment, ListHpoExperiments, Get/Update/Stop/DeleteHpoExperiment, ListHpoExperimentLogs. */

import {
  type Operation,
  type OperationContext,
  ownExperiment,
  readableExperiment,
  visibleTo,
} from './context.js';
import { invalid, queryEnum, readObject, readString } from './input.js';
import { EXPERIMENT_LOG_NAMES, experimentLog } from './logs.js';
import { pageOf, readLinePage, readOrder, readPage, sortBy } from './paging.js';
import { experimentDetail, experimentSummary } from './render.js';
import { hasTags, readTagQuery, readTags } from './tags.js';
import { parsePaiTime } from './text.js';
import { EXPERIMENT_STATUSES, type ExperimentRecord, type JsonObject } from './types.js';

const ACCESSIBILITY = ['PUBLIC', 'PRIVATE'] as const;

/**
 * SortBy spellings: the metadata's snake_case list, and the SDK example's `GmtCreateTime` style
 * (reference §2.1; which one PAI accepts is unverified, so both are).
 */
const EXPERIMENT_SORT_KEYS: Readonly<Record<string, (e: ExperimentRecord) => string | number>> = {
  create_time: (e) => e.createdAt,
  GmtCreateTime: (e) => e.createdAt,
  update_time: (e) => e.modifiedAt,
  GmtModifiedTime: (e) => e.modifiedAt,
  workspace_id: (e) => e.workspaceId,
  WorkspaceId: (e) => e.workspaceId,
  status: (e) => e.status,
  Status: (e) => e.status,
  accessibility: (e) => e.accessibility,
  Accessibility: (e) => e.accessibility,
};

export const EXPERIMENT_OPERATIONS = {
  CreateHpoExperiment(ctx: OperationContext): JsonObject {
    const { body } = ctx;
    const experiment = ctx.state.createExperiment({
      name: readString(body.Name, 'Name') ?? '',
      description: readString(body.Description, 'Description') ?? '',
      workspaceId: readString(body.WorkspaceId, 'WorkspaceId') ?? '',
      accessibility: accessibility(body.Accessibility) ?? 'PRIVATE',
      tags: readTags(body.Tag, 'Tag') ?? [],
      configuration: readObject(
        body.HpoExperimentConfiguration,
        'HpoExperimentConfiguration',
        true,
      ) as JsonObject,
      creator: ctx.principal.userId,
    });
    return { ExperimentId: experiment.id };
  },

  ListHpoExperiments(ctx: OperationContext): JsonObject {
    const { query, state } = ctx;
    const page = readPage(query);
    const name = query.get('Name')?.toLowerCase() || undefined;
    const creator = query.get('Creator') || undefined;
    const workspaceId = query.get('WorkspaceId') || undefined;
    const status = queryEnum(query, 'Status', EXPERIMENT_STATUSES);
    const access = queryEnum(query, 'Accessibility', ACCESSIBILITY);
    const minCreate = queryTime(query, 'MinCreateTime');
    const maxCreate = queryTime(query, 'MaxCreateTime');
    const includeConfig =
      (queryEnum(query, 'IncludeConfigData', ['True', 'False', 'true', 'false']) ?? 'False').toLowerCase() ===
      'true';
    const tags = readTagQuery(query.get('Tag'));
    const sortKey =
      EXPERIMENT_SORT_KEYS[queryEnum(query, 'SortBy', Object.keys(EXPERIMENT_SORT_KEYS)) ?? 'create_time'];
    const all = state.experiments();
    const matching = all.filter(
      (e) =>
        visibleTo(e, ctx.principal.userId) &&
        (name === undefined || e.name.toLowerCase().includes(name)) &&
        (creator === undefined || e.creator === creator) &&
        (workspaceId === undefined || e.workspaceId === workspaceId) &&
        (status === undefined || e.status === status) &&
        (access === undefined || e.accessibility === access) &&
        (minCreate === undefined || e.createdAt >= minCreate) &&
        (maxCreate === undefined || e.createdAt <= maxCreate) &&
        (tags === undefined || hasTags(e.tags, tags)),
    ) as ExperimentRecord[];
    const sorted = sortBy(
      matching,
      sortKey as (e: ExperimentRecord) => string | number,
      readOrder(query, 'DESC'),
      (e) => all.indexOf(e),
    );
    return {
      TotalCount: sorted.length,
      Experiments: pageOf(sorted, page).map((e) =>
        experimentSummary(e, state.trialsOf(e.id), state.now, includeConfig),
      ),
    };
  },

  GetHpoExperiment(ctx: OperationContext): JsonObject {
    const experiment = readableExperiment(ctx, ctx.params.ExperimentId as string);
    return experimentDetail(experiment, ctx.state.trialsOf(experiment.id), ctx.state.now);
  },

  UpdateHpoExperiment(ctx: OperationContext): JsonObject {
    const experiment = ownExperiment(ctx, ctx.params.ExperimentId as string);
    const { body } = ctx;
    ctx.state.updateExperiment(experiment.id, {
      name: readString(body.Name, 'Name'),
      description: readString(body.Description, 'Description'),
      workspaceId: readString(body.WorkspaceId, 'WorkspaceId'),
      accessibility: accessibility(body.Accessibility),
      tags: readTags(body.Tag, 'Tag'),
      configuration: readObject(body.HpoExperimentConfiguration, 'HpoExperimentConfiguration'),
    });
    // The documented success body carries Code SUCCESS (reference §2.2).
    return { Code: 'SUCCESS' };
  },

  StopHpoExperiment(ctx: OperationContext): JsonObject {
    const experiment = ctx.state.stopExperiment(ownExperiment(ctx, ctx.params.ExperimentId as string).id);
    // `ExpId`, not ExperimentId, in this one response (reference §2.2).
    return { ExpId: experiment.id, Status: experiment.status };
  },

  DeleteHpoExperiment(ctx: OperationContext): JsonObject {
    ctx.state.deleteExperiment(ownExperiment(ctx, ctx.params.ExperimentId as string).id);
    return {};
  },

  ListHpoExperimentLogs(ctx: OperationContext): JsonObject {
    const experiment = readableExperiment(ctx, ctx.params.ExperimentId as string);
    const name = queryEnum(ctx.query, 'LogName', EXPERIMENT_LOG_NAMES) ?? 'nnimanager.log';
    const page = readLinePage(ctx.query);
    const lines = experimentLog(name, experiment, ctx.state.trialsOf(experiment.id), ctx.state.now);
    return { TotalCount: lines.length, Logs: pageOf(lines, page) };
  },
} satisfies Record<string, Operation>;

function accessibility(value: unknown) {
  return readString(value, 'Accessibility', { allowed: ACCESSIBILITY }) as 'PUBLIC' | 'PRIVATE' | undefined;
}

function queryTime(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const ms = parsePaiTime(text);
  if (ms === undefined) throw invalid(name, `must be 'yyyy-mm-dd hh:mm:ss' or 'yyyy-mm-dd', got '${text}'`);
  // A bare date as the upper bound means the whole day.
  return name === 'MaxCreateTime' && !text.includes(':') ? ms + 86_399_999 : ms;
}
