/** A table of counts: a row per run, a column per key, each cell named for `toJson`'s readers. */
import type { Page } from './page.js';

export interface Counts {
  /** Names the table (`data-table`) and prefixes each cell's `data-field` (`<table>:<key>`). */
  table: string;
  runs: readonly string[];
  keys: readonly string[];
  count(run: string, key: string): number;
  /** A last column with each run's sum, named `all`. */
  total?: boolean | undefined;
}

export function countTable(page: Page, counts: Counts): HTMLElement {
  const { el } = page;
  const keys = counts.total ? [...counts.keys, 'all'] : counts.keys;
  const count = (run: string, key: string) =>
    key === 'all' && counts.total
      ? counts.keys.reduce((sum, k) => sum + counts.count(run, k), 0)
      : counts.count(run, key);
  return el(
    'table',
    { class: 'numbers', 'data-table': counts.table },
    el('thead', {}, el('tr', {}, el('th', {}, 'run'), ...keys.map((key) => el('th', {}, key)))),
    el(
      'tbody',
      {},
      ...counts.runs.map((run) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, run),
          ...keys.map((key) => {
            const n = count(run, key);
            return el(
              'td',
              { 'data-run': run, 'data-field': `${counts.table}:${key}`, 'data-value': n },
              String(n),
            );
          }),
        ),
      ),
    ),
  );
}
