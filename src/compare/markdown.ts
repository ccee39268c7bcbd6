/** `toMarkdown(comparison)`: the comparison as a GitHub-flavoured Markdown report. */
import { formatNumber, formatPercent, formatSeconds, formatValue, oneLine } from './format.js';
import type { Comparison } from './types.js';

const cell = (text: string) => oneLine(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|');

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (right.has(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function counts<T extends string>(items: readonly T[]): string {
  const by = new Map<T, number>();
  for (const item of items) by.set(item, (by.get(item) ?? 0) + 1);
  return [...by].map(([key, n]) => `${n} ${key}`).join(', ');
}

/**
 * A comparison as a Markdown report: the objective rule, a table of runs (best, trials and time
 * to reach it, cost), the best hyperparameters and what mattered per run.
 *
 * @example
 * ```ts
 * import { compare, toMarkdown } from 'crosstune/compare';
 * import { sagemaker } from 'crosstune/sagemaker';
 *
 * const comparison = await compare([{ provider: sagemaker({ region: 'us-east-1' }), experimentId: 'xgb-auc' }]);
 * console.log(toMarkdown(comparison));
 * ```
 */
export function toMarkdown(comparison: Comparison): string {
  const { objective, runs } = comparison;
  const metric = objective.metric;
  const rule =
    objective.rule === 'shared'
      ? `every run optimises ${metric} (${objective.direction})`
      : `mapped by the caller: ${objective.runs.map((r) => `${r.label} → ${r.metric}`).join(', ')}`;
  const priced = comparison.pricing !== undefined;
  const out: string[] = [
    `## Comparison by ${metric} (${objective.direction})`,
    '',
    `Rule: ${rule}. Tolerance: ${formatPercent(comparison.tolerance)} of the best value across runs (${formatNumber(comparison.bestValue)}).`,
    '',
    table(
      [
        'run',
        'cloud',
        'status',
        `best ${metric}`,
        'best trial',
        'trials',
        'to best',
        'to within tolerance',
        'took',
        'trial time',
        'billed',
        ...(priced ? ['cost', 'unpriced'] : []),
      ],
      runs.map((run) => [
        run.label,
        run.cloud,
        run.status,
        formatNumber(run.best?.value),
        run.best?.trialId ?? '-',
        String(run.summary.trialCounts.total ?? '-'),
        run.trialsToBest === undefined ? '-' : `${run.trialsToBest} trials`,
        run.trialsToTolerance === undefined
          ? 'not reached'
          : `${run.trialsToTolerance} trials${run.secondsToTolerance === undefined ? '' : `, ${formatSeconds(run.secondsToTolerance)}`}`,
        formatSeconds(run.summary.durationSeconds),
        formatSeconds(run.summary.trialSeconds),
        formatSeconds(run.summary.billableSeconds),
        ...(priced ? [formatNumber(run.cost), String(run.unpricedTrials)] : []),
      ]),
      new Set([3, 5, 8, 9, 10, 11, 12]),
    ),
  ];
  if (comparison.parameters.length > 0) {
    out.push(
      '',
      '### Best hyperparameters',
      '',
      table(
        ['parameter', ...runs.map((r) => r.label)],
        comparison.parameters.map((name) => [
          name,
          ...runs.map((r) => {
            const value = r.best?.hyperParameters[name];
            return value === undefined ? '-' : formatValue(value);
          }),
        ]),
        new Set(),
      ),
    );
  }
  const ranked = comparison.importance.filter((i) => i.parameters.length > 0);
  if (ranked.length > 0) {
    out.push(
      '',
      '### What mattered',
      '',
      // Stryker disable next-line OptionalChaining: `ranked` is not empty here.
      `Share of the objective's variation each parameter explains on its own (${ranked[0]?.method}).`,
      '',
      table(
        ['run', 'trials', 'parameters, most important first'],
        ranked.map((i) => [
          i.run,
          String(i.trials),
          i.parameters.map((p) => `${p.name} ${formatPercent(p.importance)}`).join(', '),
        ]),
        new Set([1]),
      ),
    );
  }
  if (comparison.excluded.length > 0) {
    out.push('', `Left out of the ranking: ${counts(comparison.excluded.map((e) => e.reason))}.`);
  }
  if (comparison.pricing && comparison.pricing.unpriced.length > 0) {
    out.push('', `Not priced: ${counts(comparison.pricing.unpriced.map((u) => u.reason))}.`);
  }
  return `${out.join('\n')}\n`;
}
