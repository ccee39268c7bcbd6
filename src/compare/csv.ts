/**
 * `toCsv(comparison, { table })`: RFC 4180 text (csv-stringify) of one table — `trials`, one row
 * per trial with each hyperparameter in a column of its own (`param:<name>`), or `runs`, one row
 * per run with its best hyperparameters. Empty cells for unknown values; numbers as JavaScript
 * writes them (NaN and infinities as `NaN`, `Infinity`); dates as ISO 8601 UTC.
 */
import { stringify } from 'csv-stringify/sync';
import { InvalidArgumentError } from '../core/errors.js';
import type { HyperParameterValue } from '../core/types.js';
import type { Comparison } from './types.js';

/** Which table `toCsv` writes. */
export interface CsvOptions {
  /** `trials`: one row per trial of every run; `runs`: one row per run. */
  table: 'trials' | 'runs';
}

/** A CSV cell: empty when undefined, numbers as JavaScript writes them. */
export type CsvCell = string | number | boolean | undefined;

const when = (value: Date | undefined) => value?.toISOString();
const paramColumns = (names: readonly string[]) => names.map((name) => `param:${name}`);
const paramCells = (
  names: readonly string[],
  values: Readonly<Record<string, HyperParameterValue>> | undefined,
) => names.map((name) => (values && Object.hasOwn(values, name) ? values[name] : undefined));

function trialsTable(comparison: Comparison): CsvCell[][] {
  const names = comparison.parameters;
  const header = [
    'run',
    'cloud',
    'experiment',
    'trial',
    'index',
    'status',
    'provider_status',
    comparison.objective.metric,
    'excluded',
    'started_at',
    'ended_at',
    'duration_s',
    'billable_s',
    'instance_type',
    'instance_count',
    'cost',
    ...paramColumns(names),
  ];
  const rows = comparison.trials.map((row): CsvCell[] => [
    row.run,
    row.cloud,
    row.experimentId,
    row.trialId,
    row.index,
    row.status,
    row.providerStatus,
    row.objective,
    row.excluded,
    when(row.startedAt),
    when(row.endedAt),
    row.durationSeconds,
    row.billableSeconds,
    row.instanceType,
    row.instanceCount,
    row.cost,
    ...paramCells(names, row.hyperParameters),
  ]);
  return [header, ...rows];
}

function runsTable(comparison: Comparison): CsvCell[][] {
  const names = comparison.parameters;
  const header = [
    'run',
    'cloud',
    'experiment',
    'status',
    'provider_status',
    `best_${comparison.objective.metric}`,
    'best_trial',
    'trials',
    'trials_to_best',
    'trials_to_tolerance',
    'seconds_to_tolerance',
    'duration_s',
    'trial_s',
    'billable_s',
    'cost',
    'unpriced_trials',
    'derived',
    ...paramColumns(names),
  ];
  const rows = comparison.runs.map((run): CsvCell[] => [
    run.label,
    run.cloud,
    run.experimentId,
    run.status,
    run.providerStatus,
    run.best?.value,
    run.best?.trialId,
    run.summary.trialCounts.total,
    run.trialsToBest,
    run.trialsToTolerance,
    run.secondsToTolerance,
    run.summary.durationSeconds,
    run.summary.trialSeconds,
    run.summary.billableSeconds,
    run.cost,
    run.cost === undefined ? undefined : run.unpricedTrials,
    run.summary.derived.join(' '),
    ...paramCells(names, run.best?.hyperParameters),
  ]);
  return [header, ...rows];
}

/**
 * A comparison's trials or runs as CSV (RFC 4180, a header row; dates ISO 8601 UTC, one column per
 * hyperparameter). Throws InvalidArgumentError when `options.table` is neither `trials` nor `runs`.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { compare, toCsv } from 'crosstune/compare';
 * import { sagemaker } from 'crosstune/sagemaker';
 *
 * const comparison = await compare([{ provider: sagemaker({ region: 'us-east-1' }), experimentId: 'xgb-auc' }]);
 * await writeFile('trials.csv', toCsv(comparison, { table: 'trials' }));
 * ```
 */
export function toCsv(comparison: Comparison, options: CsvOptions): string {
  if (options?.table !== 'trials' && options?.table !== 'runs') {
    throw new InvalidArgumentError(
      `toCsv needs { table: 'trials' } or { table: 'runs' }, got ${String(options?.table)}`,
    );
  }
  return csvText(options.table === 'runs' ? runsTable(comparison) : trialsTable(comparison));
}

/** Records as RFC 4180 text: CRLF line ends, any line break in a cell quoted, booleans as `true`/`false`. */
export function csvText(records: readonly (readonly CsvCell[])[]): string {
  return stringify(records as CsvCell[][], {
    record_delimiter: 'windows',
    // csv-stringify quotes a cell holding the record delimiter (CRLF) but not a bare CR or LF,
    // which spreadsheet and CSV readers take as the end of the record.
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => String(value) },
  });
}
