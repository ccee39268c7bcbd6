/** A comparison as a terminal reads it: one row per run, then the best value and what mattered. */
import { formatNumber, formatSeconds } from '../compare/format.js';
import type { Comparison } from '../compare/index.js';
import { type Column, table } from './table.js';

export function comparisonTable(result: Comparison, indent = ''): string {
  const metric = result.objective.metric;
  const columns: Column[] = [
    { header: 'run' },
    { header: 'status' },
    { header: `best ${metric}`, align: 'right' },
    { header: 'best trial' },
    { header: 'trials', align: 'right' },
    { header: 'to best', align: 'right' },
    { header: `within ${formatNumber(result.tolerance * 100)} %`, align: 'right' },
    { header: 'took', align: 'right' },
    { header: 'billed', align: 'right' },
    { header: 'cost', align: 'right' },
  ];
  const rows = result.runs.map((run) => [
    run.label,
    `${run.status} (${run.providerStatus})`,
    formatNumber(run.best?.value),
    run.best?.trialId ?? '-',
    String(run.summary.trialCounts.total ?? '-'),
    run.trialsToBest === undefined ? '-' : `${run.trialsToBest} trials`,
    run.trialsToTolerance === undefined ? 'no' : `${run.trialsToTolerance} trials`,
    formatSeconds(run.summary.durationSeconds),
    formatSeconds(run.summary.billableSeconds),
    run.unpricedTrials > 0 && run.cost !== undefined
      ? `${formatNumber(run.cost)} (${run.unpricedTrials} unpriced)`
      : formatNumber(run.cost),
  ]);
  const importance = result.importance
    .filter((i) => i.parameters.length > 0)
    .map(
      (i) =>
        `${indent}  ${i.run}: ${i.parameters.map((p) => `${p.name} ${Math.round(p.importance * 100)} %`).join(', ')}`,
    );
  return [
    table(columns, rows, indent),
    '',
    `${indent}best across runs: ${formatNumber(result.bestValue)} ${metric}; left out of the ranking: ${result.excluded.length} trials`,
    `${indent}what mattered (share of the objective each parameter explains on its own):`,
    ...importance,
  ].join('\n');
}
