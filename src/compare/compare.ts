/**
 * `compare(runs)`: the same question asked of experiments on any clouds — which did better, how
 * fast, at what cost. Each run costs one `get` (to settle the objective before any trial is read)
 * and one walk of its trials, which `summarize` (given that same reading) tallies and which also
 * yields the rows; runs are read concurrently.
 * Only the rows are kept, never the trials' raw answers, so memory grows with the rows returned.
 */
import { mapBounded } from '../core/bounded.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { CallOptions } from '../core/http/call-options.js';
import type { ExperimentSummary } from '../core/progress/summarize.js';
import { beats } from '../core/ranking.js';
import type { Trial } from '../core/types.js';
import { bestSoFar, firstWithin, type Series } from './curves.js';
import { IMPORTANCE_METHOD, importanceOf } from './importance.js';
import { resolveObjective } from './objective.js';
import { costOf, rowOf } from './rows.js';
import { inRunOrder } from './run-order.js';
import type {
  CompareOptions,
  CompareRun,
  Comparison,
  ExcludedTrial,
  Pricing,
  RunResult,
  TrialRow,
} from './types.js';

/** The `tolerance` `compare` uses when none is given: within 1 % of the best value counts as reached. */
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

/**
 * Compares tuning runs on any clouds by one objective: each run's summary, one row per trial,
 * best-so-far curves, parameter importance and, with `prices`, cost. Reads every run's experiment
 * first and throws ObjectiveMismatchError when their objectives differ and `options.objective`
 * does not say how to map them; InvalidArgumentError for no runs, a bad option or a label used twice.
 *
 * @example
 * ```ts
 * import { compare, toMarkdown } from 'crosstune/compare';
 * import { pai } from 'crosstune/pai';
 * import { sagemaker } from 'crosstune/sagemaker';
 *
 * const comparison = await compare(
 *   [
 *     { provider: sagemaker({ region: 'us-east-1' }), experimentId: 'xgb-auc', label: 'sagemaker' },
 *     { provider: pai({ region: 'cn-hangzhou' }), experimentId: 'mi0sIBk', label: 'pai' },
 *   ],
 *   { prices: { 'ml.m5.xlarge': 0.23 } }, // per instance-hour, your currency
 * );
 * console.log(comparison.runs.map((run) => [run.label, run.best?.value, run.cost]));
 * console.log(toMarkdown(comparison));
 * ```
 */
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
  const read = await mapBounded(labelled, concurrency, async (run, i) => {
    const value = readValue.get(run.label) as (trial: Trial) => number | undefined;
    const rows: TrialRow[] = [];
    const starts: number[] = [];
    const names = new Set<string>();
    const summary = await run.provider.experiments.summarize(run.experimentId, {
      ...call,
      // Summarized as read for the objective check: one get per run, and one reading of it.
      experiment: experiments[i],
      onTrial(trial) {
        rows.push(rowOf(trial, run, value(trial)));
        for (const name in trial.hyperParameters) names.add(name);
        starts.push((trial.startedAt ?? trial.createdAt)?.getTime() ?? Number.NaN);
      },
    });
    return { run, summary, rows: inRunOrder(rows, starts), names };
  });

  // concat, not flatMap: one copy of 30,000 rows instead of an element-by-element callback.
  const trials = ([] as TrialRow[]).concat(...read.map((r) => r.rows));
  let bestValue: number | undefined;
  const excluded: ExcludedTrial[] = [];
  // Once every run is in order, so the unpriced and excluded lists read in run and trial order.
  for (const row of trials) {
    if (pricing) {
      const priced = costOf(row, pricing.prices);
      if ('cost' in priced) row.cost = priced.cost;
      else pricing.unpriced.push({ run: row.run, trialId: row.trialId, reason: priced.reason });
    }
    if (row.excluded !== undefined)
      excluded.push({ run: row.run, trialId: row.trialId, reason: row.excluded });
    else if (beats(row.objective as number, bestValue, objective.direction)) bestValue = row.objective;
  }
  const parameters = parameterNames(read);
  const results = read.map(({ run, summary, rows, names }) =>
    runResult(run, summary, rows, names, {
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
    excluded,
    pricing,
  };
}

/** The names trials have: search-space order first (the runs' specs, in run order), then the rest by name. */
function parameterNames(
  runs: readonly { summary: ExperimentSummary; names: ReadonlySet<string> }[],
): string[] {
  const present = new Set<string>();
  for (const run of runs) for (const name of run.names) present.add(name);
  const ordered = new Set<string>();
  for (const { summary } of runs) {
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
  names: ReadonlySet<string>,
  context: {
    direction: 'minimize' | 'maximize';
    bestValue: number | undefined;
    tolerance: number;
    priced: boolean;
  },
) {
  const { direction, bestValue, tolerance } = context;
  const experiment = summary.experiment;
  const ranked: TrialRow[] = [];
  let best: TrialRow | undefined;
  let cost: number | undefined;
  let unpricedTrials = 0;
  for (const row of rows) {
    if (row.cost !== undefined) cost = (cost ?? 0) + row.cost;
    else if (context.priced) unpricedTrials++;
    if (row.excluded !== undefined) continue;
    ranked.push(row);
    if (beats(row.objective as number, best?.objective, direction)) best = row;
  }

  const rankedValue = (row: TrialRow) => (row.excluded === undefined ? row.objective : undefined);
  const byTrial: Series = {
    length: rows.length,
    x: (i) => (rows[i] as TrialRow).index,
    value: (i) => rankedValue(rows[i] as TrialRow),
    trialId: (i) => (rows[i] as TrialRow).trialId,
  };
  const byTime = timeSeries(rows, experiment.startedAt ?? experiment.createdAt ?? summary.firstTrialAt);
  // Stryker disable ConditionalExpression: with no best value no run has a ranked trial, so there is none to find either way; the check is for the type.
  const reachedAt =
    bestValue === undefined ? undefined : firstWithin(byTrial, bestValue, tolerance, direction);
  const reachedBy =
    bestValue === undefined ? undefined : firstWithin(byTime, bestValue, tolerance, direction);
  // Stryker restore ConditionalExpression

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
    trialsToTolerance: reachedAt === undefined ? undefined : byTrial.x(reachedAt),
    // Stryker disable next-line ConditionalExpression: the time series reads no position as undefined too; the check is for the type.
    secondsToTolerance: reachedBy === undefined ? undefined : byTime.x(reachedBy),
    cost,
    unpricedTrials,
  };
  return {
    result,
    curves: { run: run.label, byTrial: bestSoFar(byTrial, direction), byTime: bestSoFar(byTime, direction) },
    importance: {
      run: run.label,
      method: IMPORTANCE_METHOD,
      trials: ranked.length,
      parameters: importanceOf(
        {
          length: ranked.length,
          value: (i) => (ranked[i] as TrialRow).objective as number,
          hyperParameters: (i) => (ranked[i] as TrialRow).hyperParameters,
        },
        // Stryker disable next-line MethodExpression: in order of name so the shares' total is added up in one order, however the trials were listed (it moves only the last bits).
        [...names].sort(),
      ),
    },
  };
}

/** The run's ended trials by seconds from its start to their end (none without a start to count from). */
function timeSeries(rows: readonly TrialRow[], start: Date | undefined): Series {
  const ended = start === undefined ? [] : rows.filter((row) => row.endedAt !== undefined);
  const seconds = new Float64Array(ended.length);
  // Read only when there is a start: without one nothing is counted from it.
  const from = start?.getTime() ?? 0;
  ended.forEach((row, i) => {
    seconds[i] = ((row.endedAt as Date).getTime() - from) / 1000;
  });
  const order = new Uint32Array(ended.length);
  // Stryker disable ConditionalExpression,EqualityOperator,LogicalOperator,BooleanLiteral: the check only spares a sort of what is in order already; the stable sort gives the same order either way, and one step past the end writes nowhere.
  let inOrder = true;
  for (let i = 0; i < order.length; i++) {
    order[i] = i;
    if (i > 0 && (seconds[i - 1] as number) > (seconds[i] as number)) inOrder = false;
  }
  if (!inOrder) order.sort((a, b) => (seconds[a] as number) - (seconds[b] as number));
  // Stryker restore ConditionalExpression,EqualityOperator,LogicalOperator,BooleanLiteral
  const at = (i: number) => ended[order[i] as number] as TrialRow;
  return {
    length: ended.length,
    x: (i) => seconds[order[i] as number] as number,
    value: (i) => {
      const row = at(i);
      return row.excluded === undefined ? row.objective : undefined;
    },
    trialId: (i) => at(i).trialId,
  };
}
