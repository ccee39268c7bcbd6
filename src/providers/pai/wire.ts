/**
 * zod schemas for the responses of the 18 PAI AutoML operations: the structure crosstune relies
 * on, checked before anything is read. Deliberately lenient where PAI's own examples disagree
 * with its types (reference §3, §10.8):
 * - ids, `Creator`, `WorkspaceId`, `JobType` may be numbers;
 * - fields that hold JSON in a string (`SearchSpace`, `Hyperparam`, `Metric`, `FinalMetric`,
 *   `JobMeta`, `TrialStatus`, `HpoExperimentConfiguration`) may be text or already parsed: they
 *   are `unknown` here and read by decode.ts, which names the field when one is malformed;
 * - any optional field may be `null`; objects keep members this schema does not name.
 */
import * as z from 'zod/mini';
import { once } from '../../core/once.js';

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** An identifier or a user id, which examples show as a string or as a number. */
export const wireId = z.union([z.string(), z.number()]);
/** An integer PAI may send as a number or as its text (`"5"`, `""` for unused). */
const wireCount = z.union([z.number(), z.string()]);

/** Members every answer may carry; a `Code` other than `SUCCESS` on HTTP 200 is an error (errors.ts). */
const envelope = {
  RequestId: optional(z.string()),
  Code: optional(z.string()),
  Message: optional(z.string()),
  Detail: optional(z.record(z.string(), z.unknown())),
  AccessDeniedDetail: z.optional(z.unknown()),
};

export const EnvelopeSchema = once(() => z.looseObject(envelope));

export const CreatedExperimentSchema = once(() => z.looseObject({ ...envelope, ExperimentId: wireId }));

const tag = () => z.looseObject({ Key: optional(z.string()), Value: optional(z.string()) });

const experimentFields = {
  ExperimentId: wireId,
  Name: optional(z.string()),
  Description: optional(z.string()),
  Creator: optional(wireId),
  WorkspaceId: optional(wireId),
  Accessibility: optional(z.string()),
  Status: optional(z.string()),
  JobType: optional(wireId),
  SearchSpace: z.optional(z.unknown()),
  ConfigYml: optional(z.string()),
  ConfigIni: optional(z.string()),
  TrialCount: optional(wireCount),
  TrialStatus: z.optional(z.unknown()),
  Deleted: z.optional(z.unknown()),
  GmtCreateTime: optional(z.string()),
  GmtModifiedTime: optional(z.string()),
  Tags: optional(z.array(tag())),
};

export const ExperimentSummarySchema = once(() => z.looseObject(experimentFields));

export const GetHpoExperimentSchema = once(() =>
  z.looseObject({ ...envelope, ...experimentFields, HpoExperimentConfiguration: z.optional(z.unknown()) }),
);

export const ListHpoExperimentsSchema = once(() =>
  z.looseObject({
    ...envelope,
    TotalCount: optional(wireCount),
    Experiments: optional(z.array(ExperimentSummarySchema())),
  }),
);

export const StopHpoExperimentSchema = once(() =>
  z.looseObject({ ...envelope, ExpId: optional(wireId), Status: optional(z.string()) }),
);

export const LogsSchema = once(() =>
  z.looseObject({ ...envelope, TotalCount: optional(wireCount), Logs: optional(z.array(z.string())) }),
);

const trialFields = {
  TrialId: wireId,
  ExperimentId: optional(wireId),
  ParameterId: optional(wireCount),
  Hyperparam: z.optional(z.unknown()),
  Status: optional(z.string()),
  Model: optional(z.string()),
  MetricName: optional(z.string()),
  Metric: z.optional(z.unknown()),
  FinalMetric: z.optional(z.unknown()),
  JobMeta: z.optional(z.unknown()),
  UserScore: optional(wireCount),
  UserComment: optional(z.string()),
  GmtCreateTime: optional(z.string()),
  GmtModifiedTime: optional(z.string()),
};

export const TrialSchema = once(() => z.looseObject(trialFields));

export const GetHpoTrialSchema = once(() => z.looseObject({ ...envelope, ...trialFields }));

export const ListHpoTrialsSchema = once(() =>
  z.looseObject({ ...envelope, TotalCount: optional(wireCount), Trials: optional(z.array(TrialSchema())) }),
);

/** Stop: trial id → message; Restart: trial id → a TrialJobInfo text (any value). */
export const TrialResultsSchema = once(() =>
  z.looseObject({ ...envelope, Results: optional(z.record(z.string(), z.unknown())) }),
);

export const LogNamesSchema = once(() =>
  z.looseObject({ ...envelope, LogNames: optional(z.array(z.string())) }),
);

export const CommandsSchema = once(() =>
  z.looseObject({
    ...envelope,
    Commands: optional(
      z.array(
        z.looseObject({
          Id: optional(wireCount),
          Command: optional(z.string()),
          Output: optional(z.string()),
        }),
      ),
    ),
  }),
);

export const GetAutofeExperimentSchema = once(() =>
  z.looseObject({
    ...envelope,
    ExperimentId: wireId,
    Name: optional(z.string()),
    Creator: optional(wireId),
    Status: optional(z.string()),
    JobMeta: z.optional(z.unknown()),
    SelectedFeatures: optional(z.string()),
    GmtCreateTime: optional(z.string()),
    GmtModifiedTime: optional(z.string()),
  }),
);

export const ServiceIdentityRoleSchema = once(() =>
  z.looseObject({ ...envelope, RoleName: optional(z.string()) }),
);

/** What each schema lets through, as TypeScript types: the answers' and items' wire types. */
type Wire<S extends z.core.$ZodType> = z.output<S>;

/**
 * The answer of `CreateHpoExperiment`: the new experiment's id.
 *
 * @interface
 */
export type CreatedExperimentResult = Wire<ReturnType<typeof CreatedExperimentSchema>>;
/**
 * The answer of `GetHpoExperiment` as its wire schema checked it.
 *
 * @interface
 */
export type GetHpoExperimentResult = Wire<ReturnType<typeof GetHpoExperimentSchema>>;
/**
 * The answer of `ListHpoExperiments` (one page) as its wire schema checked it.
 *
 * @interface
 */
export type ListHpoExperimentsResult = Wire<ReturnType<typeof ListHpoExperimentsSchema>>;
/**
 * One experiment as `GetHpoExperiment` and `ListHpoExperiments` give it: an experiment's `raw` on PAI.
 *
 * @interface
 */
export type PaiExperimentWire = Wire<ReturnType<typeof ExperimentSummarySchema>>;
export type StopHpoExperimentResult = Wire<ReturnType<typeof StopHpoExperimentSchema>>;
export type EnvelopeResult = Wire<ReturnType<typeof EnvelopeSchema>>;
export type LogsResult = Wire<ReturnType<typeof LogsSchema>>;
/**
 * The answer of `ListHpoTrials` (one page) as its wire schema checked it.
 *
 * @interface
 */
export type ListHpoTrialsResult = Wire<ReturnType<typeof ListHpoTrialsSchema>>;
/**
 * The answer of `GetHpoTrial` as its wire schema checked it.
 *
 * @interface
 */
export type GetHpoTrialResult = Wire<ReturnType<typeof GetHpoTrialSchema>>;
/**
 * One trial as `ListHpoTrials` and `GetHpoTrial` give it: a trial's `raw` on PAI.
 *
 * @interface
 */
export type PaiTrialWire = Wire<ReturnType<typeof TrialSchema>>;
export type TrialResultsResult = Wire<ReturnType<typeof TrialResultsSchema>>;
export type LogNamesResult = Wire<ReturnType<typeof LogNamesSchema>>;
/**
 * The answer of `ListHpoTrialCommands`.
 *
 * @interface
 */
export type CommandsResult = Wire<ReturnType<typeof CommandsSchema>>;
/**
 * The answer of `GetAutofeExperiment` as its wire schema checked it.
 *
 * @interface
 */
export type AutofeExperimentResult = Wire<ReturnType<typeof GetAutofeExperimentSchema>>;
export type ServiceIdentityRoleResult = Wire<ReturnType<typeof ServiceIdentityRoleSchema>>;
