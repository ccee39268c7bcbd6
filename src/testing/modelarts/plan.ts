/**
 * Everything about one trial, decided when Ray creates it: config, pid, timing, outcome and the
 * results it will report. Each trial draws from its own stream (seed, job, trial index), so other
 * jobs, or the order and frequency of reads, never change it.
 */
import type { Point } from '../../search-space/index.js';
import { finalMetric, learningCurve, round6 } from '../engine/quality.js';
import { deriveRng, type Rng, randomBetween, randomInt } from '../engine/rng.js';
import { chooseConfig, scoreConfig } from './sample.js';
import type { SimulationOptions } from './simulate.js';
import type { AutoSearchSpec, TrialOutcome, TrialReport } from './types.js';

export interface TrialPlanInput {
  readonly seed: number;
  readonly jobId: string;
  readonly index: number;
  readonly spec: AutoSearchSpec;
  readonly createdAt: number;
  readonly options: SimulationOptions;
}

export interface TrialPlan {
  readonly id: string;
  readonly config: Point;
  readonly pid: number;
  readonly runStartAt: number;
  readonly plannedEndAt: number;
  readonly outcome: TrialOutcome;
  readonly reports: TrialReport[];
}

export function planTrial(input: TrialPlanInput): TrialPlan {
  const { spec, options } = input;
  const rng = deriveRng(input.seed, 'modelarts', 'trial', input.jobId, input.index);
  const config = chooseConfig(
    input.seed,
    spec.space,
    spec.algorithm,
    { index: input.index, of: spec.numSamples },
    rng,
  );
  const quality = scoreConfig(input.seed, spec.space, config);
  const id = rayTrialId(input.createdAt, randomInt(rng, 0, 99_999));
  // Worker processes are numbered as they start, roughly in trial order (pids 312–315, then 470… in the example).
  const pid = 300 + input.index * 29 + randomInt(rng, 0, 9);
  const runStartAt = input.createdAt + Math.round(randomBetween(rng, ...options.trialStartupMs));
  const iterationMs = Math.round(randomBetween(rng, ...options.iterationMs));
  const steps = randomInt(rng, ...options.iterationsPerTrial);
  // Every draw happens whatever the outcome, so the stream stays aligned across branches.
  const failDraw = rng();
  const failFraction = rng();
  const reports = metricSeries(spec, quality, steps, rng).map((values, i) => {
    const elapsed = (i + 1) * iterationMs;
    return { at: runStartAt + elapsed, iteration: i + 1, timeTotalS: elapsed / 1000 + rng() / 1000, values };
  });
  if (failDraw < options.failureRate) {
    const kept = Math.floor(failFraction * steps);
    const end = runStartAt + Math.round((kept + 0.5) * iterationMs);
    return {
      id,
      config,
      pid,
      runStartAt,
      plannedEndAt: end,
      outcome: 'ERROR',
      reports: reports.slice(0, kept),
    };
  }
  const end = reports.at(-1)?.at ?? runStartAt;
  return { id, config, pid, runStartAt, plannedEndAt: end, outcome: 'TERMINATED', reports };
}

/**
 * Ray names trials `uuid1().hex[:8]`: the low 32 bits of a 100-ns timestamp, which is why trials
 * created together share a prefix (`ae544174`, `ae548666`). `jitter` spreads ids created in the
 * same millisecond.
 */
export function rayTrialId(createdAt: number, jitter: number): string {
  const gregorianOffsetMs = 12_219_292_800_000n;
  // A clock advanced by fractions of a millisecond still names trials by whole 100-ns ticks.
  const ticks = (BigInt(Math.floor(createdAt)) + gregorianOffsetMs) * 10_000n + BigInt(jitter);
  return (ticks & 0xffffffffn).toString(16).padStart(8, '0');
}

/** `steps` results converging on each metric's final value. */
function metricSeries(
  spec: AutoSearchSpec,
  quality: number,
  steps: number,
  rng: Rng,
): Array<Record<string, number>> {
  const finals = spec.metrics.map((name) => {
    const mode = spec.rewardAttrs.find((r) => r.name === name)?.mode ?? 'min';
    const q = Math.min(1, Math.max(0, quality + 0.04 * (rng() - 0.5)));
    return { name, mode, target: finalMetric(mode === 'max', q, (rng() + rng() + rng() - 1.5) / 1.5) };
  });
  const series: Array<Record<string, number>> = [];
  for (let i = 1; i <= steps; i++) {
    const values: Record<string, number> = {};
    for (const { name, mode, target } of finals) {
      const wobble = i === steps ? 0 : (rng() - 0.5) * 0.004 * Math.abs(target);
      values[name] = round6(learningCurve(mode === 'max', target, i / steps) + wobble);
    }
    series.push(values);
  }
  return series;
}
