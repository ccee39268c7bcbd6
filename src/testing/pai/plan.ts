/**
 * Everything about one trial decided when it is submitted: hyperparameters, timing, outcome and
 * the metric series it will report. Each trial draws from its own stream (seed, experiment,
 * sequence), so other experiments, or the order things are read in, never change it.
 */
import type { Point } from '../../search-space/index.js';
import { bestOfCandidates, finalMetric, learningCurve, round6 } from '../engine/quality.js';
import { deriveRng, type Rng, randomBetween, randomInt } from '../engine/rng.js';
import { gridAxes, gridPoint, sampleHyperparams, scoreHyperparams } from './sample.js';
import type { SimulationOptions } from './simulate.js';
import type { HpoSpec, MetricEntry, PlannedOutcome } from './types.js';

export interface TrialPlanInput {
  readonly seed: number;
  readonly experimentId: string;
  /** 0-based submission order in the experiment. */
  readonly sequence: number;
  /** 0-based position among the trials the tuner generated (restarts excluded). */
  readonly generatedIndex: number;
  readonly spec: HpoSpec;
  /** Given for restarts; otherwise the tuner chooses. */
  readonly hyperparams: Point | undefined;
  readonly submittedAt: number;
  readonly options: SimulationOptions;
}

export interface TrialPlan {
  readonly hyperparams: Point;
  readonly runStartAt: number;
  readonly plannedEndAt: number;
  readonly outcome: PlannedOutcome;
  readonly reports: MetricEntry[];
  readonly final: MetricEntry | undefined;
}

export function planTrial(input: TrialPlanInput): TrialPlan {
  const { spec, options } = input;
  const rng = deriveRng(input.seed, 'pai', 'trial', input.experimentId, input.sequence);
  const hyperparams = input.hyperparams ?? chooseHyperparams(input, rng);
  const quality = scoreHyperparams(input.seed, spec.searchSpace, hyperparams);
  const runStartAt = input.submittedAt + Math.round(randomBetween(rng, ...options.trialStartupMs));
  const runMs = Math.round(randomBetween(rng, ...options.trialRunMs));
  const steps = randomInt(rng, ...options.reportsPerTrial);
  // Every draw happens whatever the outcome, so the stream stays aligned across branches.
  const failDraw = rng();
  const stopDraw = rng();
  const fraction = rng();
  const series = metricSeries(spec, quality, steps, rng).map((entry, i) => ({
    ...entry,
    at: runStartAt + Math.round(((i + 1) / steps) * runMs),
  }));

  if (failDraw < options.failureRate) {
    const end = runStartAt + Math.round(runMs * (0.05 + 0.45 * fraction));
    return plan(
      'FAILED',
      end,
      series.filter((r) => r.at < end),
    );
  }
  const startStep = spec.earlyStopStartStep;
  if (startStep !== undefined && steps > startStep && quality < 0.75 && stopDraw < options.earlyStopRate) {
    const stopAfter = Math.min(steps - 1, startStep + Math.floor(fraction * (steps - startStep)));
    const kept = series.slice(0, stopAfter);
    return plan('EARLY_STOPPED', (kept.at(-1)?.at ?? runStartAt) + 1_000, kept);
  }
  const end = runStartAt + runMs;
  return { ...plan('SUCCEEDED', end, series), final: finalEntry(series, spec, end) };

  function plan(outcome: PlannedOutcome, plannedEndAt: number, reports: MetricEntry[]): TrialPlan {
    return { hyperparams, runStartAt, plannedEndAt, outcome, reports, final: undefined };
  }
}

/**
 * GridSearch walks the grid; Random and Hyperband draw once; the model-based tuners keep the best
 * of a growing number of candidates, so later trials drift towards the optimum as a real tuner's do.
 */
function chooseHyperparams(input: TrialPlanInput, rng: Rng): Point {
  const { spec } = input;
  const model = spec.searchSpace;
  if (spec.tuner === 'GridSearch') {
    const axes = gridAxes(model);
    if (axes !== undefined) return gridPoint(model, axes, input.generatedIndex);
  }
  const random = spec.tuner === 'Random' || spec.tuner === 'Hyperband';
  return bestOfCandidates(
    { index: input.generatedIndex, of: spec.maxTrials },
    random ? 0 : 4,
    () => sampleHyperparams(model, rng),
    (point) => scoreHyperparams(input.seed, model, point),
  );
}

/** `steps` PERIODICAL reports converging on each metric's final value; times are filled in later. */
function metricSeries(spec: HpoSpec, quality: number, steps: number, rng: Rng): MetricEntry[] {
  const finals: Record<string, number> = {};
  for (const key of Object.keys(spec.metricWeights)) {
    const keyQuality = Math.min(1, Math.max(0, quality + 0.04 * (rng() - 0.5)));
    finals[key] = finalMetric(
      spec.optimizeMode === 'maximize',
      keyQuality,
      (rng() + rng() + rng() - 1.5) / 1.5,
    );
  }
  const series: MetricEntry[] = [];
  for (let i = 1; i <= steps; i++) {
    const values: Record<string, number> = {};
    for (const [key, target] of Object.entries(finals)) {
      const wobble = i === steps ? 0 : (rng() - 0.5) * 0.004 * Math.abs(target);
      values[key] = round6(learningCurve(spec.optimizeMode === 'maximize', target, i / steps) + wobble);
    }
    series.push({ at: 0, type: 'PERIODICAL', default: weighted(spec, values), values });
  }
  return series;
}

/** The FINAL entry PAI derives from the reports by `final_mode` (reference §5). */
function finalEntry(series: readonly MetricEntry[], spec: HpoSpec, at: number): MetricEntry | undefined {
  const last = series.at(-1);
  if (last === undefined) return undefined;
  let values = last.values;
  if (spec.finalMode === 'best') {
    const better = (a: MetricEntry, b: MetricEntry) =>
      spec.optimizeMode === 'maximize' ? b.default > a.default : b.default < a.default;
    values = series.reduce((best, entry) => (better(best, entry) ? entry : best)).values;
  } else if (spec.finalMode === 'avg') {
    const avg: Record<string, number> = {};
    for (const key of Object.keys(last.values)) {
      avg[key] = round6(series.reduce((sum, entry) => sum + (entry.values[key] ?? 0), 0) / series.length);
    }
    values = avg;
  }
  return { at, type: 'FINAL', default: weighted(spec, values), values };
}

/** `default` is the metric_dict-weighted sum of the metrics (reference §5). */
function weighted(spec: HpoSpec, values: Readonly<Record<string, number>>): number {
  return round6(
    Object.entries(spec.metricWeights).reduce((sum, [key, weight]) => sum + weight * (values[key] ?? 0), 0),
  );
}
