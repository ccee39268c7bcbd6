/**
 * `compare(runs)`: the same question asked of experiments on any clouds — which did better, how
 * fast, at what cost. Each run costs one `get` (to settle the objective before any trial is read)
 * and one `summarize`, whose walk of the trials also yields the rows; runs are read concurrently.
 * Only the rows are kept, never the trials' raw answers, so memory grows with the rows returned.
 */
import { mapBounded } from '../core/bounded.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { CallOptions } from '../core/http/call-options.js';
import type { ExperimentSummary } from '../core/progress/summarize.js';
import { beats } from '../core/ranking.js';
import type { Trial } from '../core/types.js';
import { bestSoFar, firstWithin, type Sample } from './curves.js';
import { IMPORTANCE_METHOD, importanceOf } from './importance.js';
import { resolveObjective } from './objective.js';
import { costOf, rowOf } from './rows.js';
import type {
  CompareOptions,
  CompareRun,
  Comparison,
  ExcludedTrial,
  Pricing,
  RunResult,
  TrialRow,
} from './types.js';

export const DEFAULT_TOLERANCE = 0.01;
export const DEFAULT_RUN_CONCURRENCY = 3;

interface Labelled extends CompareRun {
  label: string;
}

function checkOptions(runs: readonly CompareRun[], options: CompareOptions): Labelled[] {
  if (runs.length === 0) throw new InvalidArgumentError('compare needs at least one run');
  const tolerance = options.tolerance;
  if (tolerance !== undefined && !(Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new InvalidArgumentError(
      `tolerance must be a finite fraction >= 0 (0.01 is 1 %), got ${tolerance}`,
    );
  }
  const concurrency = options.concurrency;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    throw new InvalidArgumentError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
  for (const [type, price] of Object.entries(options.prices ?? {})) {
    if (!(Number.isFinite(price) && price >= 0)) {
      throw new InvalidArgumentError(
        `prices.${type} must be a finite price per instance-hour >= 0, got ${price}`,
      );
    }
  }
  const labelled = runs.map((run) => ({
    ...run,
    label: run.label ?? `${run.provider.id}:${run.experimentId}`,
  }));
  const labels = new Set<string>();
  for (const { label } of labelled) {
    if (labels.has(label))
      throw new InvalidArgumentError(`Two runs are labelled ${label}: labels must be unique`);
    labels.add(label);
  }
  return labelled;
}

/** A row before it has its place in the run's order. */
interface Collected {
  row: TrialRow;
  /** When the trial started (or was created), for ordering. */
  at: number | undefined;
}

/** Started first, first; the listing's order where any trial has no time to go by. */
function inRunOrder(collected: Collected[]): TrialRow[] {
  const timed = collected.every((c) => c.at !== undefined);
  const ordered = timed ? [...collected].sort((a, b) => (a.at as number) - (b.at as number)) : collected;
  return ordered.map((c, i) => ({ ...c.row, index: i + 1 }));
}

export async function compare(
  runs: readonly CompareRun[],
  options: CompareOptions = {},
): Promise<Comparison> {
  const labelled = checkOptions(runs, options);
  const call: CallOptions = { signal: options.signal, timeoutMs: options.timeoutMs, retry: options.retry };
  const concurrency = options.concurrency ?? DEFAULT_RUN_CONCURRENCY;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const prices = options.prices;

  const experiments = await mapBounded(labelled, concurrency, (run) =>
    run.provider.experiments.get(run.experimentId, call),
  );
  const { objective, readValue } = resolveObjective(
    labelled.map((run, i) => ({
      label: run.label,
      experiment: experiments[i] as (typeof experiments)[number],
    })),
    options.objective,
  );

  const pricing: Pricing | undefined = prices ? { prices, unpriced: [] } : undefined;
  const read = await mapBounded(labelled, concurrency, async (run) => {
    const value = readValue.get(run.label) as (trial: Trial) => number | undefined;
    const collected: Collected[] = [];
    const summary = await run.provider.experiments.summarize(run.experimentId, {
      ...call,
      onTrial(trial) {
        let cost: number | undefined;
        if (pricing) {
          const priced = costOf(trial, pricing.prices);
          if ('cost' in priced) cost = priced.cost;
          else pricing.unpriced.push({ run: run.label, trialId: trial.id, reason: priced.reason });
        }
        collected.push({
          row: rowOf(trial, run, 0, value(trial), cost),
          at: (trial.startedAt ?? trial.createdAt)?.getTime(),
        });
      },
    });
    return { run, summary, rows: inRunOrder(collected) };
  });

  const trials = read.flatMap((r) => r.rows);
  let bestValue: number | undefined;
  for (const row of trials) {
    if (row.excluded === undefined && beats(row.objective as number, bestValue, objective.direction)) {
      bestValue = row.objective;
    }
  }
  const parameters = parameterNames(
    read.map((r) => r.summary),
    trials,
  );
  const results = read.map(({ run, summary, rows }) =>
    runResult(run, summary, rows, {
      direction: objective.direction,
      bestValue,
      tolerance,
      priced: !!pricing,
    }),
  );
  return {
    objective,
    tolerance,
    bestValue,
    runs: results.map((r) => r.result),
    trials,
    parameters,
    curves: results.map((r) => r.curves),
    importance: results.map((r) => r.importance),
    excluded: trials.flatMap((row): ExcludedTrial[] =>
      row.excluded === undefined ? [] : [{ run: row.run, trialId: row.trialId, reason: row.excluded }],
    ),
    pricing,
  };
}

/** The names trials have: search-space order first (the runs' specs, in run order), then the rest by name. */
function parameterNames(summaries: readonly ExperimentSummary[], rows: readonly TrialRow[]): string[] {
  const present = new Set(rows.flatMap((row) => Object.keys(row.hyperParameters)));
  const ordered = new Set<string>();
  for (const summary of summaries) {
    for (const name of Object.keys(summary.experiment.searchSpace?.spec ?? {})) {
      if (present.has(name)) ordered.add(name);
    }
  }
  return [...ordered, ...[...present].filter((name) => !ordered.has(name)).sort()];
}

function runResult(
  run: Labelled,
  summary: ExperimentSummary,
  rows: readonly TrialRow[],
  context: {
    direction: 'minimize' | 'maximize';
    bestValue: number | undefined;
    tolerance: number;
    priced: boolean;
  },
) {
  const { direction, bestValue, tolerance } = context;
  const experiment = summary.experiment;
  const ranked = rows.filter((row) => row.excluded === undefined);
  let best: TrialRow | undefined;
  for (const row of ranked) if (beats(row.objective as number, best?.objective, direction)) best = row;

  const byTrial: Sample[] = rows.map((row) => ({
    x: row.index,
    value: row.excluded === undefined ? row.objective : undefined,
    trialId: row.trialId,
  }));
  const start = (experiment.startedAt ?? experiment.createdAt ?? summary.firstTrialAt)?.getTime();
  const byTime: Sample[] =
    start === undefined
      ? []
      : rows
          .filter((row) => row.endedAt !== undefined)
          .map((row) => ({
            x: ((row.endedAt as Date).getTime() - start) / 1000,
            value: row.excluded === undefined ? row.objective : undefined,
            trialId: row.trialId,
          }))
          .sort((a, b) => a.x - b.x);
  const reachedAt =
    bestValue === undefined ? undefined : firstWithin(byTrial, bestValue, tolerance, direction);
  const reachedBy =
    bestValue === undefined ? undefined : firstWithin(byTime, bestValue, tolerance, direction);
  const names = new Set(ranked.flatMap((row) => Object.keys(row.hyperParameters)));

  const result: RunResult = {
    label: run.label,
    cloud: run.provider.id,
    experimentId: run.experimentId,
    experimentName: experiment.name,
    status: experiment.status,
    providerStatus: experiment.providerStatus,
    summary,
    best: best && {
      trialId: best.trialId,
      value: best.objective as number,
      hyperParameters: best.hyperParameters,
    },
    trialsToBest: best?.index,
    trialsToTolerance: reachedAt?.x,
    secondsToTolerance: reachedBy?.x,
    cost: rows.some((row) => row.cost !== undefined)
      ? rows.reduce((sum, row) => sum + (row.cost ?? 0), 0)
      : undefined,
    unpricedTrials: context.priced ? rows.filter((row) => row.cost === undefined).length : 0,
  };
  return {
    result,
    curves: { run: run.label, byTrial: bestSoFar(byTrial, direction), byTime: bestSoFar(byTime, direction) },
    importance: {
      run: run.label,
      method: IMPORTANCE_METHOD,
      trials: ranked.length,
      parameters: importanceOf(
        ranked.map((row) => ({ value: row.objective as number, hyperParameters: row.hyperParameters })),
        [...names].sort(),
      ),
    },
  };
}
