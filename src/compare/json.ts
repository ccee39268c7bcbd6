/**
 * `toJson(comparison)`: the comparison as plain JSON in a stable, versioned shape, described by
 * the JSON Schema the package ships (`crosstune/compare/comparison.schema.json`). Every key is
 * always present: `null` where a value is unknown, not a number (NaN, ±Infinity) or not given;
 * dates are ISO 8601 text in UTC. Raw cloud answers are left out: they are not comparable.
 */
import type { HyperParameterValue } from '../core/types.js';
import { isFiniteNumber } from './format.js';
import type { Comparison, CurvePoint, RunResult, TrialRow } from './types.js';

/** The `version` `toJson` writes; it changes when the shape does (see the shipped JSON Schema). */
export const COMPARISON_JSON_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const num = (value: number | undefined): number | null => (isFiniteNumber(value) ? value : null);
const date = (value: Date | undefined): string | null => (value === undefined ? null : value.toISOString());
const text = (value: string | undefined): string | null => value ?? null;
const params = (values: Readonly<Record<string, HyperParameterValue>>): { [key: string]: Json } => ({
  ...values,
});

function runJson(run: RunResult): Json {
  const s = run.summary;
  return {
    label: run.label,
    cloud: run.cloud,
    experimentId: run.experimentId,
    experimentName: run.experimentName,
    status: run.status,
    providerStatus: run.providerStatus,
    best: run.best
      ? {
          trialId: run.best.trialId,
          value: run.best.value,
          hyperParameters: params(run.best.hyperParameters),
        }
      : null,
    trialsToBest: num(run.trialsToBest),
    trialsToTolerance: num(run.trialsToTolerance),
    secondsToTolerance: num(run.secondsToTolerance),
    cost: num(run.cost),
    unpricedTrials: run.unpricedTrials,
    summary: {
      bestTrialId: text(s.bestTrial?.id),
      trialCounts: Object.fromEntries(
        Object.entries(s.trialCounts).filter(([, n]) => n !== undefined),
      ) as Json,
      firstTrialAt: date(s.firstTrialAt),
      lastTrialEndedAt: date(s.lastTrialEndedAt),
      durationSeconds: num(s.durationSeconds),
      trialSeconds: num(s.trialSeconds),
      billableSeconds: num(s.billableSeconds),
      derived: [...s.derived],
    },
  };
}

function trialJson(row: TrialRow): Json {
  return {
    run: row.run,
    cloud: row.cloud,
    experimentId: row.experimentId,
    trialId: row.trialId,
    index: row.index,
    status: row.status,
    providerStatus: row.providerStatus,
    objective: num(row.objective),
    excluded: text(row.excluded),
    hyperParameters: params(row.hyperParameters),
    startedAt: date(row.startedAt),
    endedAt: date(row.endedAt),
    durationSeconds: num(row.durationSeconds),
    billableSeconds: num(row.billableSeconds),
    instanceType: text(row.instanceType),
    instanceCount: num(row.instanceCount),
    cost: num(row.cost),
  };
}

const points = (curve: readonly CurvePoint[]): Json =>
  curve.map((p) => ({ x: p.x, best: p.best, trialId: p.trialId }));

/**
 * A comparison as plain, versioned JSON data, valid against `crosstune/compare/comparison.schema.json`:
 * every key present, `null` where a value is unknown or not finite, dates as ISO 8601 strings, no
 * raw cloud answers.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { compare, toJson } from 'crosstune/compare';
 * import { sagemaker } from 'crosstune/sagemaker';
 *
 * const comparison = await compare([{ provider: sagemaker({ region: 'us-east-1' }), experimentId: 'xgb-auc' }]);
 * await writeFile('comparison.json', JSON.stringify(toJson(comparison), null, 2));
 * ```
 */
export function toJson(comparison: Comparison) {
  return {
    version: COMPARISON_JSON_VERSION,
    objective: {
      metric: comparison.objective.metric,
      direction: comparison.objective.direction,
      rule: comparison.objective.rule,
      runs: comparison.objective.runs.map((r) => ({
        label: r.label,
        metric: r.metric,
        direction: r.direction ?? null,
      })),
    },
    tolerance: comparison.tolerance,
    bestValue: num(comparison.bestValue),
    parameters: [...comparison.parameters],
    runs: comparison.runs.map(runJson),
    trials: comparison.trials.map(trialJson),
    curves: comparison.curves.map((c) => ({
      run: c.run,
      byTrial: points(c.byTrial),
      byTime: points(c.byTime),
    })),
    importance: comparison.importance.map((i) => ({
      run: i.run,
      method: i.method,
      trials: i.trials,
      parameters: i.parameters.map((p) => ({ name: p.name, importance: p.importance, effect: p.effect })),
    })),
    excluded: comparison.excluded.map((e) => ({ run: e.run, trialId: e.trialId, reason: e.reason })),
    pricing: comparison.pricing
      ? {
          prices: { ...comparison.pricing.prices },
          unpriced: comparison.pricing.unpriced.map((u) => ({
            run: u.run,
            trialId: u.trialId,
            reason: u.reason,
          })),
        }
      : null,
  };
}

/** What `toJson` returns. */
export type ComparisonJson = ReturnType<typeof toJson>;
