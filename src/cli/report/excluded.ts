/** The trials left out of the ranking, and why: counts per run and reason, then the trials themselves. */
import type { ExclusionReason } from '../../core/ranking.js';
import { countTable } from './counts.js';
import type { ReportModel } from './model.js';
import type { Page } from './page.js';

const REASONS: ReadonlyArray<readonly [ExclusionReason, string]> = [
  ['failed', 'the trial failed: a value it reported may be partial'],
  ['not-ended', 'running, pending or in a status crosstune does not know: its value may still change'],
  ['no-objective', 'no objective value reported'],
  ['not-finite', 'objective not a finite number (NaN or ±Infinity)'],
];

export function excludedSection(page: Page, model: ReportModel, listedPerRun: number): HTMLElement[] {
  const { el } = page;
  const { excluded } = model.comparison;
  if (excluded.length === 0)
    return [el('p', { 'data-table': 'excluded' }, 'Every trial took part in the ranking.')];
  const counts = new Map<string, number>();
  for (const e of excluded)
    counts.set(`${e.run}\u0000${e.reason}`, (counts.get(`${e.run}\u0000${e.reason}`) ?? 0) + 1);
  const reasons = REASONS.filter(([reason]) => excluded.some((e) => e.reason === reason));
  const table = countTable(page, {
    table: 'excluded',
    runs: model.runs.map((run) => run.label),
    keys: reasons.map(([reason]) => reason),
    count: (run, reason) => counts.get(`${run}\u0000${reason}`) ?? 0,
  });
  const legend = el(
    'ul',
    { class: 'reasons' },
    ...reasons.map(([reason, why]) => el('li', {}, el('code', {}, reason), ` — ${why}`)),
  );
  const lists = model.runs.flatMap((run) => {
    const own = excluded.filter((e) => e.run === run.label);
    if (own.length === 0) return [];
    const shown = own.slice(0, listedPerRun);
    return [
      el(
        'details',
        { 'data-run': run.label },
        el('summary', {}, `${run.label}: ${own.length} trial${own.length === 1 ? '' : 's'} left out`),
        el(
          'ul',
          { class: 'trials' },
          ...shown.map((e) => el('li', {}, el('code', {}, e.trialId), ` ${e.reason}`)),
        ),
        own.length > shown.length &&
          el('p', {}, `… and ${own.length - shown.length} more (every one is in the JSON export).`),
      ),
    ];
  });
  return [table, legend, ...lists];
}
