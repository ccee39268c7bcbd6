/**
 * What a command prints: the result alone on stdout (or in `--out`), as an aligned table, CSV or
 * JSON; progress and diagnostics go to stderr.
 */
import { writeFile } from 'node:fs/promises';
import { csvText } from '../compare/csv.js';
import { formatNumber, formatSeconds, formatValue } from '../compare/format.js';
import type { Experiment, HyperParameterValue, Trial, TrialCounts, TrialStatus } from '../index.js';
import { type Column, table } from './table.js';

export type ListFormat = 'table' | 'json' | 'csv';

/** One column of a listing: how it is headed, aligned, and read from an item. */
export interface Field<T> {
  header: string;
  align?: 'right';
  cell(item: T): string | number | undefined;
}

export async function emit(text: string, out: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (out) await writeFile(out, body);
  else process.stdout.write(body);
}

/** Items as the format asks: a table of `fields`, the same as CSV, or the items whole as JSON. */
export function render<T>(items: readonly T[], fields: readonly Field<T>[], format: ListFormat): string {
  if (format === 'json') return JSON.stringify(items, null, 2);
  const rows = items.map((item) => fields.map((field) => field.cell(item)));
  if (format === 'csv') {
    return csvText([fields.map((f) => f.header), ...rows]);
  }
  const columns: Column[] = fields.map((f) => ({ header: f.header, align: f.align }));
  return table(
    columns,
    rows.map((row) => row.map((cell) => (cell === undefined ? '-' : String(cell)))),
  );
}

/** The order trial counts are told in: what finished first, what went wrong last. */
const STATUS_ORDER: readonly TrialStatus[] = [
  'completed',
  'early_stopped',
  'running',
  'pending',
  'stopping',
  'stopped',
  'failed',
  'unknown',
];

/** Trial counts as words (`3 completed, 1 failed`), or `none` when there are none. */
export function countsText(counts: TrialCounts, none = '-'): string {
  const parts = STATUS_ORDER.flatMap((s) => {
    const n = counts[s];
    return n ? [`${n} ${s}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : none;
}

const date = (value: Date | undefined) => value?.toISOString().replace('.000Z', 'Z');
const value = (v: HyperParameterValue | undefined) => (v === undefined ? undefined : formatValue(v));

export const EXPERIMENT_FIELDS: readonly Field<Experiment>[] = [
  { header: 'id', cell: (e) => e.id },
  { header: 'name', cell: (e) => e.name },
  { header: 'status', cell: (e) => e.status },
  { header: 'cloud status', cell: (e) => e.providerStatus },
  { header: 'objective', cell: (e) => e.objective && `${e.objective.metric} (${e.objective.direction})` },
  { header: 'algorithm', cell: (e) => e.algorithm },
  { header: 'trials', cell: (e) => countsText(e.trialCounts) },
  { header: 'created', cell: (e) => date(e.createdAt) },
  { header: 'ended', cell: (e) => date(e.endedAt) },
];

/** Trial columns: fixed ones, then one per hyperparameter the trials have. */
export function trialFields(trials: readonly Trial[]): Field<Trial>[] {
  const names = [...new Set(trials.flatMap((t) => Object.keys(t.hyperParameters)))];
  return [
    { header: 'id', cell: (t) => t.id },
    { header: 'status', cell: (t) => t.status },
    { header: 'objective', align: 'right', cell: (t) => t.objective && formatNumber(t.objective.value) },
    {
      header: 'ran',
      align: 'right',
      // A trial that ran 0 s says so (`0s`), like any other.
      cell: (t) =>
        t.usage?.durationSeconds === undefined ? undefined : formatSeconds(t.usage.durationSeconds),
    },
    { header: 'started', cell: (t) => date(t.startedAt ?? t.createdAt) },
    ...names.map(
      (name): Field<Trial> => ({ header: name, align: 'right', cell: (t) => value(t.hyperParameters[name]) }),
    ),
  ];
}
