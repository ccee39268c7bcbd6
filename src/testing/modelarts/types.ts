/** The ModelArts shapes the fake keeps. Wire names are snake_case; records are camelCase. */

import type { JsonObject } from '../../core/fields.js';
import type { Point, SearchSpace } from '../../search-space/index.js';

export type { JsonObject };

/** `status.phase` (reference §3.4). The fake never reports `Abnormal`. */
export const JOB_PHASES = [
  'Creating',
  'Pending',
  'Running',
  'Failed',
  'Completed',
  'Terminating',
  'Terminated',
  'Abnormal',
] as const;
/**
 * A training job's `status.phase` in the ModelArts fake.
 *
 * @useDeclaredType
 */
export type JobPhase = (typeof JOB_PHASES)[number];

/** Ray Tune's trial states (reference §4.3); the fake never pauses a trial. */
export type TrialStatus = 'PENDING' | 'RUNNING' | 'PAUSED' | 'TERMINATED' | 'ERROR';

export type RewardMode = 'max' | 'min';

/** What the simulation needs from `algorithm.policies.auto_search`, after validation. */
export interface AutoSearchSpec {
  /** `algo_configs[0].name`: bayes_opt_search, tpe_search or anneal_search. */
  readonly algorithm: string;
  readonly numSamples: number;
  readonly maxConcurrent: number;
  /** The first one is the trial's `reward_attr` and `best_reward`. */
  readonly rewardAttrs: ReadonlyArray<{ readonly name: string; readonly mode: RewardMode }>;
  readonly space: SearchSpace;
  /** `search_params` names, in request order: the config cell's key order. */
  readonly paramNames: readonly string[];
  /** Metric columns of the trial table: the reward attributes, then the simulation's extra metrics. */
  readonly metrics: readonly string[];
}

/** One result a trial reports (one row of the per-trial table). */
export interface TrialReport {
  readonly at: number;
  /** 1-based, Ray's `training_iteration`. */
  readonly iteration: number;
  /** Seconds since the trial started running, with Ray's sub-millisecond digits. */
  readonly timeTotalS: number;
  readonly values: Readonly<Record<string, number>>;
}

export type TrialOutcome = 'TERMINATED' | 'ERROR';

/** A trial (a row of the trial table) as the ModelArts fake keeps it; times in virtual epoch ms. */
export interface TrialRecord {
  /** 8 hex digits, like Ray's uuid1-based ids (`ae544174`). */
  readonly id: string;
  readonly jobId: string;
  /** 0-based creation order: the config's `trial_index` and the list table's row index. */
  readonly index: number;
  /** Hyperparameters by `search_params` name. */
  readonly config: Point;
  readonly pid: number;
  readonly createdAt: number;
  readonly runStartAt: number;
  readonly plannedEndAt: number;
  readonly plannedOutcome: TrialOutcome;
  /** Every report the trial would make if it ran to its planned end; shown as the clock passes them. */
  readonly reports: readonly TrialReport[];
  endedAt: number | undefined;
  endStatus: TrialOutcome | undefined;
  /** Ended by the early-stop API. */
  earlyStopped: boolean;
  /** Frozen where it was when its job was terminated: Ray's last saved state shows it so for ever. */
  haltedAt: number | undefined;
}

/** A training job as the ModelArts fake keeps it (`state.job(id)`); times in virtual epoch ms. */
export interface JobRecord {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly workspaceId: string;
  readonly description: string;
  readonly userName: string;
  readonly userId: string;
  readonly createdAt: number;
  /** The create body as sent (password-free by nature); echoed back in `algorithm` and `spec`. */
  readonly request: JsonObject;
  /** `undefined` for a plain training job: it runs once and has no trials. */
  readonly autoSearch: AutoSearchSpec | undefined;
  phase: JobPhase;
  /** When it became Running (its `status.start_time`). */
  runningAt: number | undefined;
  endedAt: number | undefined;
  /** When a job being terminated becomes Terminated. */
  terminatedAt: number | undefined;
  /** A plain job's planned end; auto-search jobs end with their last trial. */
  readonly plainEndAt: number;
  /** Virtual time up to which trial launches and ends have been applied. */
  simTime: number;
  readonly trialIds: string[];
  readonly history: Array<{ at: number; phase: JobPhase }>;
}

/** A workspace as the ModelArts fake keeps it (`state.workspace(id)`). */
export interface WorkspaceRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly owner: string;
  readonly authType: 'PUBLIC' | 'PRIVATE' | 'INTERNAL';
  readonly enterpriseProjectId: string;
  readonly enterpriseProjectName: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly status: 'CREATE_FAILED' | 'NORMAL' | 'DELETING' | 'DELETE_FAILED';
}

/** An access key pair the fake accepts; the same shape as the ModelArts client's `AccessKeys`. */
export interface FakeHuaweiAccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** Set for temporary keys: requests must then carry it in `X-Security-Token`. */
  securityToken?: string | undefined;
  /** The IAM user the key belongs to. Default {@link FAKE_HUAWEI_USER}'s name. */
  userName?: string | undefined;
}

/** An IAM user the fake's `POST /v3/auth/tokens` accepts. */
export interface HuaweiUser {
  userName: string;
  password: string;
  /** The account (IAM domain) name. */
  domainName: string;
  /** Default {@link FAKE_HUAWEI_USER_ID}. */
  userId?: string | undefined;
}
