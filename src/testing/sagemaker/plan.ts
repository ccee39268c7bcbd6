/**
 * Everything about one trial that is decided up front: its name suffix, hyperparameters, timing,
 * outcome and metric. Each trial draws from its own stream (seed, tuning job, generation, index),
 * so creating another job, or reading jobs in another order, never changes it.
 */
import { bestOfCandidates, finalMetric } from '../engine/quality.js';
import { deriveRng, type Rng, randomBetween, randomHex } from '../engine/rng.js';
import { gridPoint, type NumericKind, sampleHyperParameters, unitPosition } from './sample.js';
import type { SimulationOptions } from './simulate.js';
import type { DefinitionSpec, ParameterRanges, Strategy, TrainingFailure } from './types.js';

export interface TrialPlan {
  readonly suffix: string;
  readonly hyperParameters: Record<string, string>;
  /** How close the hyperparameters are to the hidden optimum, in [0, 1]. */
  readonly quality: number;
  readonly startupMs: number;
  /** From the algorithm starting to the job ending. */
  readonly runMs: number;
  readonly outcome: 'Completed' | 'Failed' | 'EarlyStopped';
  readonly failure: TrainingFailure | undefined;
  readonly metric: number | undefined;
}

export interface TrialInput {
  readonly seed: number;
  readonly tuningJobName: string;
  readonly generation: number;
  /** 1-based launch order. */
  readonly index: number;
  readonly strategy: Strategy;
  readonly maxJobs: number;
  readonly definition: DefinitionSpec;
  /** Position of this trial among the trials of its definition (0-based); Grid walks the grid with it. */
  readonly definitionSlot: number;
  readonly earlyStopping: boolean;
  readonly options: SimulationOptions;
}

export function planTrial(input: TrialInput): TrialPlan {
  const rng = deriveRng(input.seed, 'sagemaker', 'trial', input.tuningJobName, input.generation, input.index);
  const { ranges, objective } = input.definition;
  const suffix = randomHex(rng, 8);
  const hyperParameters = chooseHyperParameters(input, rng);
  const quality = scoreHyperParameters(input.seed, ranges, hyperParameters);
  const startupMs = Math.round(randomBetween(rng, ...input.options.startupMs));
  const trainingMs = Math.round(randomBetween(rng, ...input.options.trainingMs));
  // Every draw happens whatever the outcome, so the stream stays aligned across branches.
  const failDraw = rng();
  const retryableDraw = rng();
  const stopDraw = rng();
  const fraction = rng();
  const noise = (rng() + rng() + rng() - 1.5) / 1.5;

  if (failDraw < input.options.failureRate) {
    return {
      suffix,
      hyperParameters,
      quality,
      startupMs,
      runMs: Math.round(trainingMs * (0.05 + 0.45 * fraction)),
      outcome: 'Failed',
      failure: retryableDraw < 0.3 ? RETRYABLE_FAILURE : NON_RETRYABLE_FAILURE,
      metric: undefined,
    };
  }
  const poor = quality < 0.75;
  if (input.earlyStopping && poor && stopDraw < input.options.earlyStopRate) {
    return {
      suffix,
      hyperParameters,
      quality,
      startupMs,
      runMs: Math.round(trainingMs * (0.25 + 0.35 * fraction)),
      outcome: 'EarlyStopped',
      failure: undefined,
      // Stopped before converging: report a slightly worse value than it would have reached.
      metric: metricFor(objective.Type, quality - 0.05, noise),
    };
  }
  return {
    suffix,
    hyperParameters,
    quality,
    startupMs,
    runMs: trainingMs,
    outcome: 'Completed',
    failure: undefined,
    metric: metricFor(objective.Type, quality, noise),
  };
}

const RETRYABLE_FAILURE: TrainingFailure = {
  reason: 'InternalServerError: We encountered an internal error. Please try again.',
  retryable: true,
};
const NON_RETRYABLE_FAILURE: TrainingFailure = {
  reason: 'AlgorithmError: ExecuteUserScriptError: ExitCode 1 (simulated by the crosstune SageMaker fake)',
  retryable: false,
};

/**
 * Bayesian jobs keep the best of a growing number of random candidates, so later trials drift
 * towards the optimum the way a real optimizer's do; Random and Hyperband draw once; Grid walks
 * the grid in order.
 */
function chooseHyperParameters(input: TrialInput, rng: Rng): Record<string, string> {
  const { ranges } = input.definition;
  if (input.strategy === 'Grid') return gridPoint(ranges, input.definitionSlot);
  return bestOfCandidates(
    { index: input.index - 1, of: input.maxJobs },
    input.strategy === 'Bayesian' ? 4 : 0,
    () => sampleHyperParameters(ranges, rng),
    (values) => scoreHyperParameters(input.seed, ranges, values),
  );
}

/**
 * A smooth bowl around a hidden optimum per hyperparameter name (fixed by the seed alone, so
 * every job on the same problem shares it). Categorical values score by hitting the preferred one.
 */
export function scoreHyperParameters(
  seed: number,
  ranges: ParameterRanges,
  values: Readonly<Record<string, string>>,
): number {
  const penalties: number[] = [];
  const numeric: Array<[NumericKind, ParameterRanges['IntegerParameterRanges']]> = [
    ['integer', ranges.IntegerParameterRanges],
    ['continuous', ranges.ContinuousParameterRanges],
  ];
  for (const [kind, list] of numeric) {
    for (const range of list ?? []) {
      const optimum = 0.15 + 0.7 * deriveRng(seed, 'sagemaker', 'optimum', range.Name)();
      const u = unitPosition(range, kind, Number(values[range.Name]));
      penalties.push((u - optimum) ** 2);
    }
  }
  for (const range of ranges.CategoricalParameterRanges ?? []) {
    const preferred = Math.floor(deriveRng(seed, 'sagemaker', 'optimum', range.Name)() * range.Values.length);
    penalties.push(values[range.Name] === range.Values[preferred] ? 0 : 0.35);
  }
  if (penalties.length === 0) return 0.5;
  return 1 - penalties.reduce((a, b) => a + b, 0) / penalties.length;
}

/** Accuracy-like values for Maximize, loss-like values for Minimize, with a little seeded noise. */
export function metricFor(type: 'Maximize' | 'Minimize', quality: number, noise: number): number {
  return finalMetric(type === 'Maximize', quality, noise);
}
