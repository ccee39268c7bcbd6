/** What every section of the report reads: the comparison, with each run's rows and colour at hand. */
import type { Comparison, TrialRow } from '../../compare/types.js';
import { runColor } from './palette.js';

export interface RunView {
  label: string;
  color: string;
  /** The run's trials, in its order. */
  rows: TrialRow[];
  /** Those taking part in the ranking (ended without failing, with a finite value). */
  ranked: TrialRow[];
}

export interface ReportModel {
  comparison: Comparison;
  runs: RunView[];
  /** The objective as an axis names it: the metric and which way is better. */
  objectiveLabel: string;
}

export function reportModel(comparison: Comparison): ReportModel {
  const rowsByRun = new Map<string, TrialRow[]>(comparison.runs.map((run) => [run.label, []]));
  for (const row of comparison.trials) rowsByRun.get(row.run)?.push(row);
  const runs = comparison.runs.map((run, position) => {
    const rows = rowsByRun.get(run.label) ?? [];
    return {
      label: run.label,
      color: runColor(position),
      rows,
      ranked: rows.filter((row) => row.excluded === undefined),
    };
  });
  const { metric, direction } = comparison.objective;
  const objectiveLabel = `${metric} (${direction === 'maximize' ? '↑ higher' : '↓ lower'} is better)`;
  return { comparison, runs, objectiveLabel };
}
