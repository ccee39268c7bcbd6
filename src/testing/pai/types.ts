/** The PAI AutoML shapes the fake keeps. Wire names are PascalCase; configuration keys snake_case. */

import type { JsonObject } from '../../core/fields.js';
import type { Point } from '../../search-space/index.js';
import type { SearchSpaceModel } from './sample.js';

export type { JsonObject };

/** Reference §2.3 (ListHpoExperiments metadata). */
export const EXPERIMENT_STATUSES = [
  'CREATED',
  'RUNNING',
  'FINISHED',
  'FAILED',
  'EARLY_STOPPED',
  'USER_CANCELED',
  'SYS_CANCELED',
  'WAITING',
  'NO_MORE_TRIAL',
  'UNKNOWN',
] as const;
/**
 * An experiment's `Status` in the PAI fake.
 *
 * @useDeclaredType
 */
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** Reference §2.3 (ListHpoTrials metadata), NNI's trial job statuses. */
export const TRIAL_STATUSES = [
  'UNKNOWN',
  'RUNNING',
  'WAITING',
  'EARLY_STOPPED',
  'SUCCEEDED',
  'FAILED',
  'USER_CANCELED',
  'SYS_CANCELED',
] as const;
/**
 * A trial's `Status` in the PAI fake.
 *
 * @useDeclaredType
 */
export type TrialStatus = (typeof TRIAL_STATUSES)[number];

export type OptimizeMode = 'maximize' | 'minimize';
export type FinalMode = 'final' | 'best' | 'avg';

/** What the simulation needs from an HpoExperimentConfiguration, after validation. */
export interface HpoSpec {
  readonly searchSpace: SearchSpaceModel;
  readonly tuner: string;
  /** How many trials the tuner can generate at all: the grid's size for GridSearch, else Infinity. */
  readonly tunerLimit: number;
  readonly optimizeMode: OptimizeMode;
  readonly maxTrials: number;
  readonly concurrency: number;
  /** An assessor with early stopping on, and the report it may stop at the earliest. */
  readonly earlyStopStartStep: number | undefined;
  readonly platform: string;
  readonly commands: readonly string[];
  readonly metricType: string;
  /** Metric key (a name, or a regex for stdout metrics) → weight in `default`. */
  readonly metricWeights: Readonly<Record<string, number>>;
  readonly finalMode: FinalMode;
  readonly modelPath: string | undefined;
}

/** One entry of a trial's `Metric` array. */
export interface MetricEntry {
  readonly at: number;
  readonly type: 'PERIODICAL' | 'FINAL';
  readonly default: number;
  readonly values: Readonly<Record<string, number>>;
}

export type PlannedOutcome = 'SUCCEEDED' | 'FAILED' | 'EARLY_STOPPED';

/** A trial as the PAI fake keeps it (`state.trial(experimentId, trialId)`); times in virtual epoch ms. */
export interface TrialRecord {
  readonly id: string;
  readonly experimentId: string;
  readonly nniTrialId: string;
  /** 0-based submission order within the experiment: NNI's sequence id and parameter id. */
  readonly sequence: number;
  /** Keyed as the search space is (`${name}` or bare). */
  readonly hyperparams: Point;
  readonly createdAt: number;
  readonly runStartAt: number;
  readonly plannedEndAt: number;
  readonly plannedOutcome: PlannedOutcome;
  /** PERIODICAL reports up to the planned end; shown as the clock passes them. */
  readonly reports: readonly MetricEntry[];
  /** Set when SUCCEEDED: computed from `reports` by the final mode. */
  readonly final: MetricEntry | undefined;
  /** The failed trial this one re-runs, for RestartHpoTrials. */
  readonly restartOf: string | undefined;
  endedAt: number | undefined;
  endStatus: TrialStatus | undefined;
}

/** An experiment as the PAI fake keeps it (`state.experiment(id)`); times in virtual epoch ms. */
export interface ExperimentRecord {
  readonly id: string;
  readonly nniExpId: string;
  readonly creator: string;
  readonly createdAt: number;
  name: string;
  description: string;
  workspaceId: string;
  accessibility: 'PUBLIC' | 'PRIVATE';
  tags: Array<{ Key: string; Value: string }>;
  /** HpoExperimentConfiguration as the client sent it (merged with updates); echoed by Get. */
  configuration: JsonObject;
  spec: HpoSpec;
  status: ExperimentStatus;
  modifiedAt: number;
  endedAt: number | undefined;
  /** Virtual time up to which launches and completions have been applied. */
  simTime: number;
  /** Trials the tuner generated; restarts do not count against max_trial_number. */
  generated: number;
  readonly trialIds: string[];
  /** Status changes, for nnimanager.log. */
  readonly history: Array<{ at: number; from: ExperimentStatus; to: ExperimentStatus }>;
}

export interface NewExperiment {
  readonly name: string;
  readonly description: string;
  readonly workspaceId: string;
  readonly accessibility: 'PUBLIC' | 'PRIVATE';
  readonly tags: Array<{ Key: string; Value: string }>;
  /** Validated by `buildSpec` here, so seeding and the API refuse the same things. */
  readonly configuration: JsonObject;
  readonly creator: string;
}

/** A key pair the fake accepts, with what it allows. */
export interface AliyunCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** Set for STS credentials: requests must then carry it in `x-acs-security-token`. */
  securityToken?: string;
  /** The user the key belongs to, reported as `Creator`. Default {@link FAKE_ALIYUN_USER_ID}. */
  userId?: string;
  /** A RAM policy in miniature: when set, other actions are refused with NoPermission (403). */
  allowedActions?: readonly string[];
}
