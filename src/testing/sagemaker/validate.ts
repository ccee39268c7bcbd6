/**
 * CreateHyperParameterTuningJob input checks: the model's constraints first (all reported at once,
 * as AWS does), then the service-side rules the model cannot express (first one wins). Texts of the
 * service-side rules are the fake's own wording; the codes and statuses are SageMaker's.
 */
import { Constraints, TUNING_JOB_NAME_PATTERN } from './constraints.js';
import { wireErrors } from './errors.js';
import { gridSize } from './sample.js';
import {
  type DefinitionSpec,
  type JsonObject,
  OBJECTIVE_TYPES,
  type ParameterRanges,
  SCALING_TYPES,
  STRATEGIES,
  type TuningObjective,
  type TuningSpec,
} from './types.js';

/** Used when ResourceLimits.MaxNumberOfTrainingJobs is absent (it is optional in the model). */
export const DEFAULT_MAX_TRAINING_JOBS = 10;

export interface ValidatedCreate {
  readonly name: string;
  readonly request: JsonObject;
  readonly spec: TuningSpec;
}

export function validateCreateRequest(body: JsonObject): ValidatedCreate {
  const c = new Constraints();
  const name = c.string('hyperParameterTuningJobName', body.HyperParameterTuningJobName, {
    min: 1,
    max: 32,
    pattern: TUNING_JOB_NAME_PATTERN,
  });
  c.required('hyperParameterTuningJobName', body.HyperParameterTuningJobName);
  const config = c.object('hyperParameterTuningJobConfig', body.HyperParameterTuningJobConfig);
  c.required('hyperParameterTuningJobConfig', config);
  checkConfig(c, config ?? {});
  const single = c.object('trainingJobDefinition', body.TrainingJobDefinition);
  if (single) checkDefinition(c, 'trainingJobDefinition', single);
  const many = c.list('trainingJobDefinitions', body.TrainingJobDefinitions, { min: 1, max: 10 });
  (many ?? []).forEach((d, i) => {
    const path = `trainingJobDefinitions.${i + 1}.member`;
    const definition = c.object(path, d);
    if (definition) checkDefinition(c, path, definition);
  });
  c.list('tags', body.Tags, { max: 50 });
  c.throwIfAny();
  // Every member is now known to be present and well-typed where the model requires it.
  return { name: name as string, request: body, spec: buildSpec(config as JsonObject, single, many) };
}

function checkConfig(c: Constraints, config: JsonObject): void {
  const path = 'hyperParameterTuningJobConfig';
  c.required(`${path}.strategy`, config.Strategy);
  c.enumOf(`${path}.strategy`, config.Strategy, STRATEGIES);
  const limits = c.object(`${path}.resourceLimits`, config.ResourceLimits);
  if (c.required(`${path}.resourceLimits`, limits) && limits) {
    c.required(`${path}.resourceLimits.maxParallelTrainingJobs`, limits.MaxParallelTrainingJobs);
    c.integer(`${path}.resourceLimits.maxParallelTrainingJobs`, limits.MaxParallelTrainingJobs, { min: 1 });
    c.integer(`${path}.resourceLimits.maxNumberOfTrainingJobs`, limits.MaxNumberOfTrainingJobs, { min: 1 });
    c.integer(`${path}.resourceLimits.maxRuntimeInSeconds`, limits.MaxRuntimeInSeconds, {
      min: 120,
      max: 15768000,
    });
  }
  const objective = c.object(
    `${path}.hyperParameterTuningJobObjective`,
    config.HyperParameterTuningJobObjective,
  );
  if (objective) checkObjective(c, `${path}.hyperParameterTuningJobObjective`, objective);
  const ranges = c.object(`${path}.parameterRanges`, config.ParameterRanges);
  if (ranges) checkRanges(c, `${path}.parameterRanges`, ranges);
  c.enumOf(`${path}.trainingJobEarlyStoppingType`, config.TrainingJobEarlyStoppingType, ['Off', 'Auto']);
  const criteria = c.object(`${path}.tuningJobCompletionCriteria`, config.TuningJobCompletionCriteria);
  if (criteria)
    c.number(
      `${path}.tuningJobCompletionCriteria.targetObjectiveMetricValue`,
      criteria.TargetObjectiveMetricValue,
    );
  c.integer(`${path}.randomSeed`, config.RandomSeed, { min: 0 });
}

function checkObjective(c: Constraints, path: string, objective: JsonObject): void {
  c.required(`${path}.type`, objective.Type);
  c.enumOf(`${path}.type`, objective.Type, OBJECTIVE_TYPES);
  c.required(`${path}.metricName`, objective.MetricName);
  c.string(`${path}.metricName`, objective.MetricName, { min: 1, max: 255 });
}

function checkRanges(c: Constraints, path: string, ranges: JsonObject): void {
  for (const key of ['IntegerParameterRanges', 'ContinuousParameterRanges'] as const) {
    const listPath = `${path}.${lowerFirst(key)}`;
    (c.list(listPath, ranges[key], { max: 30 }) ?? []).forEach((item, i) => {
      const p = `${listPath}.${i + 1}.member`;
      const range = c.object(p, item) ?? {};
      for (const member of ['Name', 'MinValue', 'MaxValue'] as const) {
        c.required(`${p}.${lowerFirst(member)}`, range[member]);
        c.string(`${p}.${lowerFirst(member)}`, range[member], { max: 256 });
      }
      c.enumOf(`${p}.scalingType`, range.ScalingType, SCALING_TYPES);
    });
  }
  const catPath = `${path}.categoricalParameterRanges`;
  (c.list(catPath, ranges.CategoricalParameterRanges, { max: 30 }) ?? []).forEach((item, i) => {
    const p = `${catPath}.${i + 1}.member`;
    const range = c.object(p, item) ?? {};
    c.required(`${p}.name`, range.Name);
    c.string(`${p}.name`, range.Name, { max: 256 });
    c.required(`${p}.values`, range.Values);
    const values = c.list(`${p}.values`, range.Values, { min: 1, max: 30 }) ?? [];
    values.forEach((v, j) => {
      c.string(`${p}.values.${j + 1}.member`, v, { max: 256 });
    });
  });
  const autoPath = `${path}.autoParameters`;
  (c.list(autoPath, ranges.AutoParameters, { max: 100 }) ?? []).forEach((item, i) => {
    const p = `${autoPath}.${i + 1}.member`;
    const auto = c.object(p, item) ?? {};
    c.required(`${p}.name`, auto.Name);
    c.string(`${p}.name`, auto.Name);
    c.required(`${p}.valueHint`, auto.ValueHint);
    c.string(`${p}.valueHint`, auto.ValueHint);
  });
}

function checkDefinition(c: Constraints, path: string, definition: JsonObject): void {
  c.string(`${path}.definitionName`, definition.DefinitionName, {
    min: 1,
    max: 64,
    pattern: '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}',
  });
  const algorithm = c.object(`${path}.algorithmSpecification`, definition.AlgorithmSpecification);
  if (c.required(`${path}.algorithmSpecification`, algorithm) && algorithm) {
    c.required(`${path}.algorithmSpecification.trainingInputMode`, algorithm.TrainingInputMode);
    c.enumOf(`${path}.algorithmSpecification.trainingInputMode`, algorithm.TrainingInputMode, [
      'Pipe',
      'File',
      'FastFile',
    ]);
  }
  c.required(`${path}.roleArn`, definition.RoleArn);
  c.string(`${path}.roleArn`, definition.RoleArn, { min: 20, max: 2048 });
  const output = c.object(`${path}.outputDataConfig`, definition.OutputDataConfig);
  if (c.required(`${path}.outputDataConfig`, output) && output) {
    c.required(`${path}.outputDataConfig.s3OutputPath`, output.S3OutputPath);
    c.string(`${path}.outputDataConfig.s3OutputPath`, output.S3OutputPath, { max: 1024 });
  }
  c.required(`${path}.stoppingCondition`, definition.StoppingCondition);
  c.object(`${path}.stoppingCondition`, definition.StoppingCondition);
  c.stringMap(`${path}.staticHyperParameters`, definition.StaticHyperParameters);
  const objective = c.object(`${path}.tuningObjective`, definition.TuningObjective);
  if (objective) checkObjective(c, `${path}.tuningObjective`, objective);
  const ranges = c.object(`${path}.hyperParameterRanges`, definition.HyperParameterRanges);
  if (ranges) checkRanges(c, `${path}.hyperParameterRanges`, ranges);
}

function buildSpec(
  config: JsonObject,
  single: JsonObject | undefined,
  many: unknown[] | undefined,
): TuningSpec {
  if ((single === undefined) === (many === undefined)) {
    throw wireErrors.validation('Specify exactly one of TrainingJobDefinition or TrainingJobDefinitions.');
  }
  const strategy = config.Strategy as TuningSpec['strategy'];
  const configObjective = config.HyperParameterTuningJobObjective as TuningObjective | undefined;
  const configRanges = config.ParameterRanges as ParameterRanges | undefined;
  const rawDefinitions = (many ?? [single]) as JsonObject[];
  const definitions = rawDefinitions.map((raw): DefinitionSpec => {
    const objective = (raw.TuningObjective as TuningObjective | undefined) ?? configObjective;
    if (objective === undefined) {
      throw wireErrors.validation(
        'The tuning job has no objective metric. Specify HyperParameterTuningJobObjective, or a TuningObjective in every training job definition.',
      );
    }
    const ranges = (raw.HyperParameterRanges as ParameterRanges | undefined) ?? configRanges ?? {};
    const staticHyperParameters = (raw.StaticHyperParameters as Record<string, string> | undefined) ?? {};
    checkRangeRules(strategy, ranges, staticHyperParameters);
    return { name: raw.DefinitionName as string | undefined, raw, objective, ranges, staticHyperParameters };
  });
  const limits = config.ResourceLimits as JsonObject;
  const maxParallel = limits.MaxParallelTrainingJobs as number;
  const requestedMax = limits.MaxNumberOfTrainingJobs as number | undefined;
  if (requestedMax !== undefined && maxParallel > requestedMax) {
    throw wireErrors.validation(
      `MaxParallelTrainingJobs (${maxParallel}) must be less than or equal to MaxNumberOfTrainingJobs (${requestedMax}).`,
    );
  }
  const earlyStoppingType = (config.TrainingJobEarlyStoppingType as string | undefined) ?? 'Off';
  if (strategy === 'Hyperband' && earlyStoppingType !== 'Off') {
    throw wireErrors.validation('TrainingJobEarlyStoppingType must be Off when Strategy is Hyperband.');
  }
  if (config.StrategyConfig !== undefined && strategy !== 'Hyperband') {
    throw wireErrors.validation('StrategyConfig can be specified only when Strategy is Hyperband.');
  }
  const gridTotal = definitions.reduce((n, d) => n + gridSize(d.ranges), 0);
  const maxJobs =
    strategy === 'Grid'
      ? Math.min(requestedMax ?? gridTotal, gridTotal)
      : (requestedMax ?? DEFAULT_MAX_TRAINING_JOBS);
  const criteria = config.TuningJobCompletionCriteria as JsonObject | undefined;
  return {
    strategy,
    objective: configObjective ?? (definitions[0] as DefinitionSpec).objective,
    maxJobs,
    maxParallel,
    earlyStopping: earlyStoppingType === 'Auto' || strategy === 'Hyperband',
    targetObjectiveValue: criteria?.TargetObjectiveMetricValue as number | undefined,
    definitions,
  };
}

function checkRangeRules(
  strategy: TuningSpec['strategy'],
  ranges: ParameterRanges,
  staticHyperParameters: Readonly<Record<string, string>>,
): void {
  const names = [
    ...(ranges.IntegerParameterRanges ?? []),
    ...(ranges.ContinuousParameterRanges ?? []),
    ...(ranges.CategoricalParameterRanges ?? []),
    ...(ranges.AutoParameters ?? []),
  ].map((r) => r.Name);
  if (names.length === 0) {
    throw wireErrors.validation(
      'No hyperparameter ranges were specified. Specify at least one of IntegerParameterRanges, ContinuousParameterRanges, CategoricalParameterRanges or AutoParameters.',
    );
  }
  const seen = new Set<string>(Object.keys(staticHyperParameters));
  for (const name of names) {
    if (seen.has(name)) {
      throw wireErrors.validation(
        `The hyperparameter '${name}' is specified more than once. A hyperparameter is either static or tunable, and is named once.`,
      );
    }
    seen.add(name);
  }
  for (const range of ranges.IntegerParameterRanges ?? []) checkNumericRange(range, 'integer', strategy);
  for (const range of ranges.ContinuousParameterRanges ?? [])
    checkNumericRange(range, 'continuous', strategy);
}

function checkNumericRange(
  range: { Name: string; MinValue: string; MaxValue: string; ScalingType?: string },
  kind: 'integer' | 'continuous',
  strategy: TuningSpec['strategy'],
): void {
  const { Name: name, MinValue: minText, MaxValue: maxText } = range;
  if (strategy === 'Grid') {
    throw wireErrors.validation(
      `Grid search supports only categorical hyperparameters, but the hyperparameter '${name}' is ${kind}.`,
    );
  }
  const parse = (text: string, which: string) => {
    const value = Number(text);
    const ok =
      text.trim() !== '' && Number.isFinite(value) && (kind === 'continuous' || Number.isInteger(value));
    if (!ok) {
      throw wireErrors.validation(
        `The ${which} '${text}' of the ${kind} hyperparameter '${name}' is not a valid ${kind === 'integer' ? 'integer' : 'number'}.`,
      );
    }
    return value;
  };
  const min = parse(minText, 'MinValue');
  const max = parse(maxText, 'MaxValue');
  if (min > max) {
    throw wireErrors.validation(
      `The MinValue '${minText}' of the hyperparameter '${name}' must be less than or equal to its MaxValue '${maxText}'.`,
    );
  }
  if (range.ScalingType === 'Logarithmic' && min <= 0) {
    throw wireErrors.validation(
      `Logarithmic scaling works only for ranges with values greater than 0, but the hyperparameter '${name}' has MinValue '${minText}'.`,
    );
  }
  if (range.ScalingType === 'ReverseLogarithmic' && (kind === 'integer' || min < 0 || max >= 1)) {
    throw wireErrors.validation(
      `ReverseLogarithmic scaling works only for continuous ranges within 0 <= x < 1.0, but the hyperparameter '${name}' is ${kind} with range [${minText}, ${maxText}].`,
    );
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
