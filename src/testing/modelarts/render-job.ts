/**
 * Store records → ModelArts response shapes: JobResponse (create, show, terminate, search items,
 * reference §3.3 and the create/show/list examples) and WorkspaceResponse. Times are epoch
 * milliseconds, except `running_records`, which the show example writes in seconds.
 */
import { isObject } from './input.js';
import type { JobPhase, JobRecord, JsonObject, WorkspaceRecord } from './types.js';

/** `status.secondary_phase`: ModelArts' finer status; Pending is Queuing there. */
const SECONDARY: Readonly<Record<JobPhase, string>> = {
  Creating: 'Creating',
  Pending: 'Queuing',
  Running: 'Running',
  Failed: 'Failed',
  Completed: 'Completed',
  Terminating: 'Terminating',
  Terminated: 'Terminated',
  Abnormal: 'CreateFailed',
};

export function jobResponse(job: JobRecord, now: number): JsonObject {
  const metadata = isObject(job.request.metadata) ? job.request.metadata : {};
  return {
    kind: job.kind,
    metadata: {
      id: job.id,
      name: job.name,
      description: job.description,
      create_time: job.createdAt,
      workspace_id: job.workspaceId,
      user_name: job.userName,
      ...(isObject(metadata.annotations) ? { annotations: metadata.annotations } : {}),
    },
    status: jobStatus(job, now),
    algorithm: algorithmEcho(job.request.algorithm),
    spec: specEcho(job.request.spec),
  };
}

function jobStatus(job: JobRecord, now: number): JsonObject {
  const status: JsonObject = {
    phase: job.phase,
    secondary_phase: SECONDARY[job.phase],
    duration: job.runningAt === undefined ? 0 : (job.endedAt ?? now) - job.runningAt,
    start_time: job.runningAt ?? 0,
    node_count_metrics: nodeCountMetrics(job),
    tasks: ['worker-0'],
  };
  if (job.phase === 'Completed' || job.phase === 'Failed') {
    status.task_statuses = [
      {
        task: 'worker-0',
        exit_code: job.phase === 'Completed' ? 0 : 1,
        message: job.phase === 'Completed' ? '' : 'every trial of the hyperparameter search ended in ERROR',
      },
    ];
  }
  if (job.runningAt !== undefined) status.running_records = [runningRecord(job)];
  return status;
}

/** `[[time_ms, nodes], …]` at each change, whole seconds as in the examples; `null` before any. */
function nodeCountMetrics(job: JobRecord): Array<[number, number]> | null {
  const points = job.history
    .filter((h) => h.phase !== 'Creating' && h.phase !== 'Terminating')
    .map((h): [number, number] => [Math.floor(h.at / 1000) * 1000, h.phase === 'Running' ? 1 : 0]);
  return points.length === 0 ? null : points;
}

function runningRecord(job: JobRecord): JsonObject {
  const record: JsonObject = {
    start_at: Math.floor((job.runningAt ?? 0) / 1000),
    start_type: 'init_or_rescheduled',
  };
  if (job.endedAt !== undefined) {
    record.end_at = Math.floor(job.endedAt / 1000);
    record.end_reason =
      job.phase === 'Completed' ? 'job completed' : job.phase === 'Failed' ? 'exit with 1' : 'job terminated';
  }
  return record;
}

/** The algorithm as sent; `policies` always there, `{}` when the job has no auto search (create example). */
function algorithmEcho(raw: unknown): JsonObject {
  const algorithm = isObject(raw) ? structuredClone(raw) : {};
  const policies = isObject(algorithm.policies) ? algorithm.policies : {};
  const autoSearch = policies.auto_search;
  algorithm.policies =
    autoSearch === undefined || autoSearch === null ? {} : { ...policies, auto_search: autoSearch };
  return algorithm;
}

/** The spec as sent, with the resource defaults ModelArts fills in. */
function specEcho(raw: unknown): JsonObject {
  const spec = isObject(raw) ? structuredClone(raw) : {};
  const resource = isObject(spec.resource) ? spec.resource : {};
  spec.resource = { policy: 'regular', node_count: 1, ...resource };
  spec.log_export_path = isObject(spec.log_export_path) ? spec.log_export_path : {};
  return spec;
}

export function workspaceResponse(workspace: WorkspaceRecord): JsonObject {
  return {
    id: workspace.id,
    name: workspace.name,
    description: workspace.description,
    owner: workspace.owner,
    auth_type: workspace.authType,
    enterprise_project_id: workspace.enterpriseProjectId,
    enterprise_project_name: workspace.enterpriseProjectName,
    create_time: workspace.createdAt,
    update_time: workspace.updatedAt,
    status: workspace.status,
    status_info: '',
  };
}
