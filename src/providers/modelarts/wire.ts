/**
 * zod schemas for the ModelArts (and IAM) answers crosstune reads: the structure it relies on,
 * checked before anything is read. Deliberately lenient where the examples disagree with the
 * docs or leave room (reference §3, §4, §6):
 * - workspace ids may be numbers (the example has `"id": 0`) and are read with `String()`;
 * - counts and times (`total`, `count`, `create_time`, …) may be numbers or their text, and any
 *   of them may be missing: the walk in listing.ts does not rely on `count` (§6);
 * - any optional field may be `null`; objects keep members this schema does not name;
 * - trial tables are `{header, data}` with cells of any JSON kind: the docs type them
 *   `string[][]` but the `config` cell is an object. decode.ts reads cells by header name.
 * Nothing is transformed here, so a parsed answer is the answer as sent (`raw` stays faithful).
 */
import * as z from 'zod/mini';
import { once } from '../../core/once.js';

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** An identifier the examples show as a string or as a number. */
const wireId = z.union([z.string(), z.number()]);
/** An integer (a count, milliseconds) sent as a number or as its text. */
const wireCount = z.union([z.number(), z.string()]);
/** A parameter value: documented as text, but nothing stops a number or a boolean. */
const wireScalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * One cell of a trial table: any JSON value. Text in the examples (numbers as decimal text,
 * booleans as `"True"`), except `config`, a JSON object. Cells are not checked one by one when
 * an answer is read (that cost more than half as much as parsing the page): a cell that cannot be
 * read is reported when its trial is, naming its column.
 */
export type TableCell = string | number | boolean | null | Record<string, unknown> | unknown[];
const cell = () => z.custom<TableCell>();

/** `{header, data}`: rows aligned to `header`. Either may be missing or null in an empty answer. */
export const TrialTableSchema = once(() =>
  z.looseObject({
    header: optional(z.array(z.string())),
    data: optional(z.array(z.array(cell()))),
  }),
);

/** GET …/autosearch-trials: one row per trial. */
export const AutoSearchTrialsResponseSchema = once(() =>
  z.looseObject({
    total: optional(wireCount),
    count: optional(wireCount),
    limit: optional(wireCount),
    offset: optional(wireCount),
    group_by: optional(z.string()),
    items: optional(TrialTableSchema()),
  }),
);

/** POST …/autosearch-trial-earlystop/{trial}: the trial id echoed. */
export const EarlyStopResponseSchema = once(() => z.looseObject({ earlystop_trial: optional(wireId) }));

const algoParam = () =>
  z.looseObject({ key: optional(z.string()), value: optional(wireScalar), type: optional(z.string()) });

/** GET /search-algorithms: each algorithm with its parameters and their defaults (as text). */
export const SearchAlgorithmsResponseSchema = once(() =>
  z.looseObject({
    search_algo_count: optional(wireCount),
    search_algo_list: optional(
      z.array(
        z.looseObject({
          name: z.string(),
          params: optional(z.array(algoParam())),
          description: optional(z.string()),
        }),
      ),
    ),
  }),
);

export const YamlTemplatesResponseSchema = once(() =>
  z.looseObject({
    yaml_templates: optional(
      z.array(
        z.looseObject({
          algorithm_type_en: optional(z.string()),
          algorithm_type_zh: optional(z.string()),
          algorithm_names: optional(z.array(z.string())),
        }),
      ),
    ),
  }),
);

export const YamlTemplateContentResponseSchema = once(() =>
  z.looseObject({ file_name: optional(z.string()), content: optional(z.string()) }),
);

/** `{header: ["parameters", "the mean/std of importance"], data: [["batch_size", "0.2443/0.3867"]]}`. */
export const ParameterAnalysisResponseSchema = once(() => TrialTableSchema());

/** An OBS path (not a URL) of the analysis image. */
export const ParameterAnalysisPathResponseSchema = once(() =>
  z.looseObject({ file_path: optional(z.string()) }),
);

/** `algorithm.policies.auto_search`: what a hyperparameter search job tunes and how (reference §3.2). */
export const AutoSearchSchema = once(() =>
  z.looseObject({
    skip_search_params: optional(z.string()),
    reward_attrs: optional(
      z.array(
        z.looseObject({
          name: optional(z.string()),
          mode: optional(z.string()),
          regex: optional(z.string()),
        }),
      ),
    ),
    search_params: optional(
      z.array(
        z.looseObject({
          name: optional(z.string()),
          param_type: optional(z.string()),
          lower_bound: optional(wireScalar),
          upper_bound: optional(wireScalar),
          discrete_points_num: optional(wireScalar),
          discrete_values: optional(z.array(wireScalar)),
        }),
      ),
    ),
    algo_configs: optional(
      z.array(z.looseObject({ name: optional(z.string()), params: optional(z.array(algoParam())) })),
    ),
  }),
);

const jobMetadata = () =>
  z.looseObject({
    /** A UUID in every example; job ids, unlike workspace ids, are never numbers. */
    id: z.string(),
    name: optional(z.string()),
    workspace_id: optional(wireId),
    description: optional(z.string()),
    /** Milliseconds since the epoch. */
    create_time: optional(wireCount),
    user_name: optional(z.string()),
    annotations: optional(z.record(z.string(), z.unknown())),
  });

const jobStatus = () =>
  z.looseObject({
    /** Creating | Pending | Running | Failed | Completed | Terminating | Terminated | Abnormal. */
    phase: optional(z.string()),
    /** Internal, "may change": kept in `raw` only. */
    secondary_phase: optional(z.string()),
    /** Milliseconds of running. */
    duration: optional(wireCount),
    /** Milliseconds since the epoch; 0 before the job starts (examples). */
    start_time: optional(wireCount),
    node_count_metrics: z.optional(z.unknown()),
    tasks: optional(z.array(z.string())),
    task_statuses: optional(
      z.array(
        z.looseObject({
          task: optional(z.string()),
          exit_code: optional(wireCount),
          message: optional(z.string()),
        }),
      ),
    ),
    running_records: z.optional(z.unknown()),
  });

const jobAlgorithm = () =>
  z.looseObject({
    id: optional(z.string()),
    name: optional(z.string()),
    code_dir: optional(z.string()),
    boot_file: optional(z.string()),
    command: optional(z.string()),
    parameters: optional(
      z.array(
        z.looseObject({
          name: optional(z.string()),
          value: optional(wireScalar),
          description: optional(z.string()),
        }),
      ),
    ),
    policies: optional(z.looseObject({ auto_search: optional(AutoSearchSchema()) })),
    inputs: optional(z.array(z.looseObject({ name: optional(z.string()) }))),
    outputs: optional(z.array(z.looseObject({ name: optional(z.string()) }))),
    engine: optional(
      z.looseObject({
        engine_id: optional(z.string()),
        engine_name: optional(z.string()),
        engine_version: optional(z.string()),
        image_url: optional(z.string()),
      }),
    ),
    environments: optional(z.record(z.string(), z.unknown())),
  });

const jobSpec = () =>
  z.looseObject({
    resource: optional(
      z.looseObject({
        policy: optional(z.string()),
        flavor_id: optional(z.string()),
        flavor_name: optional(z.string()),
        node_count: optional(wireCount),
        pool_id: optional(z.string()),
        flavor_detail: z.optional(z.unknown()),
      }),
    ),
    /** `{time_unit: 'HOURS', duration}`: the job stops after that long. */
    auto_stop: optional(z.looseObject({ time_unit: optional(z.string()), duration: optional(wireCount) })),
  });

/** JobResponse: what create, show, terminate and each list item answer. */
export const TrainingJobSchema = once(() =>
  z.looseObject({
    kind: optional(z.string()),
    metadata: jobMetadata(),
    status: optional(jobStatus()),
    algorithm: optional(jobAlgorithm()),
    tasks: z.optional(z.unknown()),
    spec: optional(jobSpec()),
    endpoints: z.optional(z.unknown()),
  }),
);

/** POST /training-job-searches. `offset` is documented as a page index (§6); `count` is ambiguous. */
export const TrainingJobSearchResponseSchema = once(() =>
  z.looseObject({
    total: optional(wireCount),
    count: optional(wireCount),
    limit: optional(wireCount),
    offset: optional(wireCount),
    sort_by: optional(z.string()),
    order: optional(z.string()),
    group_by: optional(z.string()),
    workspace_id: optional(wireId),
    ai_project: optional(z.string()),
    train_type: optional(z.string()),
    items: optional(z.array(TrainingJobSchema())),
  }),
);

export const WorkspaceSchema = once(() =>
  z.looseObject({
    /** 32 hex characters, or `"0"` (sent as the number 0 in the documented example) for the default one. */
    id: wireId,
    name: optional(z.string()),
    description: optional(z.string()),
    owner: optional(z.string()),
    /** PUBLIC | PRIVATE | INTERNAL (the example writes `public`). */
    auth_type: optional(z.string()),
    enterprise_project_id: optional(z.string()),
    enterprise_project_name: optional(z.string()),
    create_time: optional(wireCount),
    update_time: optional(wireCount),
    /** CREATE_FAILED | NORMAL | DELETING | DELETE_FAILED. */
    status: optional(z.string()),
    status_info: optional(z.string()),
  }),
);

export const WorkspacesResponseSchema = once(() =>
  z.looseObject({
    total_count: optional(wireCount),
    count: optional(wireCount),
    workspaces: optional(z.array(WorkspaceSchema())),
  }),
);

/** IAM GET /v3/projects(?name={region}): the project id is what ModelArts URLs carry. */
export const ProjectsResponseSchema = once(() =>
  z.looseObject({
    projects: z.array(
      z.looseObject({
        id: z.string(),
        name: optional(z.string()),
        domain_id: optional(z.string()),
        enabled: optional(z.boolean()),
      }),
    ),
  }),
);

/** IAM POST /v3/auth/tokens body; the token itself comes in the `X-Subject-Token` header. */
export const TokenResponseSchema = once(() =>
  z.looseObject({
    token: z.looseObject({
      /** ISO-8601, e.g. `2024-01-02T00:00:00.000000Z`. */
      expires_at: z.string(),
      issued_at: optional(z.string()),
      project: optional(z.looseObject({ id: z.string(), name: optional(z.string()) })),
    }),
  }),
);

type Out<F extends () => z.ZodMiniType> = z.infer<ReturnType<F>>;

/**
 * An autosearch job's trial table (`ShowAutoSearchTrials`' `items`): `header` names the columns, `data` holds the rows.
 *
 * @interface
 */
export type ModelArtsTrialTableWire = Out<typeof TrialTableSchema>;
/** One row of the trial table, its cells in the table's column order. */
export type TableRow = readonly TableCell[];
/**
 * The answer of `ShowAutoSearchTrials` as its wire schema checked it.
 *
 * @interface
 */
export type ModelArtsAutoSearchTrialsWire = Out<typeof AutoSearchTrialsResponseSchema>;
export type EarlyStopWire = Out<typeof EarlyStopResponseSchema>;
export type SearchAlgorithmsWire = Out<typeof SearchAlgorithmsResponseSchema>;
export type YamlTemplatesWire = Out<typeof YamlTemplatesResponseSchema>;
export type YamlTemplateContentWire = Out<typeof YamlTemplateContentResponseSchema>;
export type ParameterAnalysisWire = Out<typeof ParameterAnalysisResponseSchema>;
export type ParameterAnalysisPathWire = Out<typeof ParameterAnalysisPathResponseSchema>;
export type AutoSearchWire = Out<typeof AutoSearchSchema>;
/**
 * One training job, as `ShowTrainingJobDetails` gives it and `ListTrainingJobs` lists it: an
 * experiment's and a training job's `raw` on ModelArts.
 *
 * @interface
 */
export type ModelArtsTrainingJobWire = Out<typeof TrainingJobSchema>;
/**
 * The answer of `ListTrainingJobs` (one page) as its wire schema checked it.
 *
 * @interface
 */
export type ModelArtsTrainingJobSearchWire = Out<typeof TrainingJobSearchResponseSchema>;
export type WorkspaceWire = Out<typeof WorkspaceSchema>;
/**
 * The answer of `ListWorkspace` as its wire schema checked it.
 *
 * @interface
 */
export type ModelArtsWorkspacesWire = Out<typeof WorkspacesResponseSchema>;
export type ProjectsWire = Out<typeof ProjectsResponseSchema>;
export type TokenWire = Out<typeof TokenResponseSchema>;
