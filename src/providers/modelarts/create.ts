/**
 * ExperimentSpec → CreateTrainingJobRequest. On ModelArts a hyperparameter search is a training
 * job with `algorithm.policies.auto_search`: the neutral spec says what to tune (search space,
 * reward, search algorithm, trial budget); ModelArts also needs what each trial runs (an
 * algorithm, or code + engine, or an image + command) and on what (`flavorId`), which have no
 * neutral form. Anything else of the request goes in `job`, merged last.
 */
import { InvalidArgumentError } from '../../core/errors.js';
import type { ExperimentSpec, HyperParameterValue } from '../../core/types.js';
import type { Loss, ModelArtsSearchParam } from '../../search-space/index.js';
import { isObject } from './decode.js';
import { compileSearchParams } from './search-space.js';
import type * as shapes from './shapes.js';

/** `T` with every member optional at every depth; lists are replaced whole, not merged. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

/** ModelArts' `providerOptions` for `experiments.create`: the training job autosearch runs, beyond the neutral spec. */
export interface ModelArtsExperimentOptions {
  /** A saved algorithm (`algorithm.id`). One source of: this, `codeDir` + `bootFile`, or `imageUrl` + `command`. */
  algorithmId?: string | undefined;
  /** OBS directory of the training code, e.g. `/bucket/code/`; goes with `bootFile` and an `engine` or `imageUrl`. */
  codeDir?: string | undefined;
  /** OBS path of the entry script inside `codeDir`. */
  bootFile?: string | undefined;
  /** A preset engine, e.g. `{ engine_name: 'PyTorch', engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64' }`. */
  engine?: { engine_name: string; engine_version: string } | undefined;
  /** A custom image (SWR path); runs `command`, or `codeDir` + `bootFile`. */
  imageUrl?: string | undefined;
  command?: string | undefined;
  /** The resource flavor each trial runs on, e.g. `modelarts.vm.gpu.v100`. Required. */
  flavorId: string;
  /** Nodes per trial; default 1. */
  nodeCount?: number | undefined;
  /** A dedicated resource pool; the public one without it. */
  poolId?: string | undefined;
  inputs?: shapes.JobInput[] | undefined;
  outputs?: shapes.JobOutput[] | undefined;
  /** Fixed (untuned) hyperparameters, passed to the training code as `--name=value`. */
  parameters?: Record<string, HyperParameterValue> | undefined;
  /** How ModelArts reads the objective metric from the training log (its first group is the value). */
  rewardRegex?: string | undefined;
  /** Further settings of the search algorithm (e.g. `{ key: 'kind', value: 'ucb', type: 'String' }`). */
  algorithmParams?: (Omit<shapes.AlgoConfigParam, 'value'> & { value: string | number })[] | undefined;
  /** ModelArts' own `search_params`, used as given instead of compiling `spec.searchSpace`. */
  searchParams?: ModelArtsSearchParam[] | undefined;
  workspaceId?: string | undefined;
  description?: string | undefined;
  /** Anything else of the request, merged last over what the spec and the options give. */
  job?: DeepPartial<shapes.CreateTrainingJobRequest> | undefined;
}

export interface CreatePlan {
  request: shapes.CreateTrainingJobRequest;
  /** What compiling the neutral search space lost (empty when `searchParams` were given). */
  losses: Loss[];
}

export const DEFAULT_ALGORITHM = 'bayes_opt_search';
const JOB_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const LIMIT_KEYS = new Map([
  ['num_samples', 'limits.maxTrials'],
  ['max_concurrent', 'limits.maxParallelTrials'],
]);

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/** Drops members whose value is undefined, so that the request holds only what is set. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What each trial runs, from the options; combinations ModelArts would refuse are refused here. */
function sourceOf(options: ModelArtsExperimentOptions): shapes.JobAlgorithm {
  const { algorithmId, codeDir, bootFile, engine, imageUrl, command } = options;
  if (algorithmId !== undefined) {
    if ([codeDir, bootFile, engine, imageUrl, command].some((v) => v !== undefined)) {
      throw new InvalidArgumentError(
        'providerOptions.algorithmId names a saved algorithm: leave out codeDir, bootFile, engine, imageUrl and command',
      );
    }
    return { id: algorithmId };
  }
  if ((codeDir === undefined) !== (bootFile === undefined)) {
    throw new InvalidArgumentError('providerOptions.codeDir and providerOptions.bootFile go together');
  }
  if (engine !== undefined && imageUrl !== undefined) {
    throw new InvalidArgumentError('Give providerOptions.engine (a preset engine) or imageUrl, not both');
  }
  if (codeDir !== undefined && engine === undefined && imageUrl === undefined) {
    throw new InvalidArgumentError(
      'providerOptions.codeDir + bootFile need providerOptions.engine (a preset engine) or imageUrl',
    );
  }
  if (engine !== undefined && codeDir === undefined) {
    throw new InvalidArgumentError(
      'providerOptions.engine runs providerOptions.codeDir + bootFile: give them',
    );
  }
  if (command !== undefined && imageUrl === undefined) {
    throw new InvalidArgumentError(
      'providerOptions.command runs in a custom image: give providerOptions.imageUrl',
    );
  }
  if (imageUrl !== undefined && codeDir === undefined && command === undefined) {
    throw new InvalidArgumentError(
      'providerOptions.imageUrl needs providerOptions.command (or codeDir + bootFile)',
    );
  }
  return defined({
    code_dir: codeDir,
    boot_file: bootFile,
    command,
    engine: engine ? { ...engine } : imageUrl !== undefined ? { image_url: imageUrl } : undefined,
  });
}

function hasSource(algorithm: shapes.JobAlgorithm | undefined): boolean {
  if (!algorithm) return false;
  return Boolean(
    algorithm.id ||
      (algorithm.subscription_id && algorithm.item_version_id) ||
      (algorithm.code_dir && algorithm.boot_file) ||
      algorithm.engine?.image_url,
  );
}

/** `base` with `over` merged in: objects member by member, anything else (lists too) replaced. */
function merge<T>(base: T, over: unknown): T {
  if (over === undefined) return base;
  if (!isObject(base) || !isObject(over)) return over as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    // defineProperty: a `__proto__` key must stay a member, not become the prototype.
    Object.defineProperty(out, key, {
      value: merge(out[key], value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

/** `spec.auto_stop` counts whole hours. */
function autoStop(seconds: number | undefined): shapes.JobSpec['auto_stop'] {
  if (seconds === undefined) return undefined;
  if (!Number.isInteger(seconds / 3600) || seconds <= 0) {
    throw new InvalidArgumentError(
      `ModelArts stops a job after whole hours: limits.maxRuntimeSeconds must be a positive multiple of 3600, got ${seconds}`,
    );
  }
  return { time_unit: 'HOURS', duration: seconds / 3600 };
}

function algoConfig(
  spec: ExperimentSpec<ModelArtsExperimentOptions>,
  extra: ModelArtsExperimentOptions['algorithmParams'],
): shapes.AlgoConfig {
  for (const p of extra ?? []) {
    const limit = LIMIT_KEYS.get(p.key);
    if (limit) {
      throw new InvalidArgumentError(`providerOptions.algorithmParams: set ${p.key} through ${limit}`);
    }
  }
  return {
    name: spec.algorithm ?? DEFAULT_ALGORITHM,
    params: [
      {
        key: 'num_samples',
        value: String(positiveInteger(spec.limits.maxTrials, 'limits.maxTrials')),
        type: 'Integer',
      },
      {
        key: 'max_concurrent',
        value: String(positiveInteger(spec.limits.maxParallelTrials, 'limits.maxParallelTrials')),
        type: 'Integer',
      },
      ...(extra ?? []).map((p) => defined({ key: p.key, value: String(p.value), type: p.type })),
    ],
  };
}

function fixedParameters(
  parameters: ModelArtsExperimentOptions['parameters'],
  searchParams: readonly ModelArtsSearchParam[],
): shapes.AlgorithmParameter[] | undefined {
  if (parameters === undefined) return undefined;
  const tuned = new Set(searchParams.map((p) => p.name));
  return Object.entries(parameters).map(([name, value]) => {
    if (tuned.has(name)) {
      throw new InvalidArgumentError(
        `providerOptions.parameters.${name} is also in the search space: a hyperparameter is fixed or tuned, not both`,
      );
    }
    return { name, value: String(value) };
  });
}

export function buildCreateRequest(
  spec: ExperimentSpec<ModelArtsExperimentOptions>,
  defaults: { workspaceId?: string | undefined } = {},
): CreatePlan {
  const options = spec.providerOptions ?? ({} as Partial<ModelArtsExperimentOptions>);
  const source = sourceOf(options as ModelArtsExperimentOptions);
  const { searchParams, losses } = options.searchParams
    ? { searchParams: options.searchParams, losses: [] }
    : compileSearchParams(spec.searchSpace, spec.strictSearchSpace ?? false);
  const autoSearch: shapes.AutoSearchPolicy = {
    reward_attrs: [
      defined({
        name: spec.objective.metric,
        mode: spec.objective.direction === 'maximize' ? 'max' : 'min',
        regex: options.rewardRegex,
      }),
    ],
    search_params: searchParams,
    algo_configs: [algoConfig(spec, options.algorithmParams)],
  };
  const built: shapes.CreateTrainingJobRequest = {
    kind: 'job',
    metadata: defined({
      name: spec.name,
      workspace_id: options.workspaceId ?? defaults.workspaceId,
      description: options.description,
    }),
    algorithm: defined({
      ...source,
      parameters: fixedParameters(options.parameters, searchParams),
      inputs: options.inputs,
      outputs: options.outputs,
      policies: { auto_search: autoSearch },
    }),
    spec: defined({
      resource: defined({
        flavor_id: options.flavorId,
        node_count: positiveInteger(options.nodeCount ?? 1, 'providerOptions.nodeCount'),
        pool_id: options.poolId,
      }),
      auto_stop: autoStop(spec.limits.maxRuntimeSeconds),
    }),
  };
  const request = merge(built, options.job);
  check(request);
  return { request, losses };
}

/** What ModelArts would refuse, refused before sending, on the request as merged. */
function check(request: shapes.CreateTrainingJobRequest): void {
  const name = request.metadata?.name;
  if (typeof name !== 'string' || !JOB_NAME.test(name)) {
    throw new InvalidArgumentError(
      `A ModelArts job name is 1 to 64 letters, digits, "_" or "-": ${JSON.stringify(name)} is not`,
    );
  }
  if (!hasSource(request.algorithm)) {
    throw new InvalidArgumentError(
      'ModelArts needs what each trial runs: providerOptions.algorithmId, or codeDir + bootFile with an engine (or imageUrl), or imageUrl + command',
    );
  }
  if (!request.spec?.resource?.flavor_id) {
    throw new InvalidArgumentError(
      'ModelArts needs providerOptions.flavorId: the resource flavor each trial runs on (e.g. modelarts.vm.gpu.v100)',
    );
  }
}
