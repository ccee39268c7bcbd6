/**
 * The runs side by side: one column per run with what it reached, how soon and at what cost, and
 * its best hyperparameters. Every cell carries the exact value (`data-value`) behind the rounded
 * text, named by run and field, as `toJson` names it.
 */
import { formatNumber, formatSeconds, formatValue } from '../../compare/format.js';
import type { RunResult } from '../../compare/types.js';
import type { SummaryField } from '../../core/progress/summarize.js';
import type { ReportModel } from './model.js';
import type { Page } from './page.js';

interface Field {
  field: string;
  label: string;
  /** The summary field this reads, marked when crosstune computed it. */
  summary?: SummaryField;
  value(run: RunResult): { text: string; exact?: number | string | undefined };
}

const count = (n: number | undefined, unit: string) => ({
  text: n === undefined ? '-' : `${n} ${unit}`,
  exact: n,
});
const seconds = (s: number | undefined) => ({ text: formatSeconds(s), exact: s });

function fields(model: ReportModel): Field[] {
  const { metric } = model.comparison.objective;
  const priced = model.comparison.pricing !== undefined;
  return [
    { field: 'cloud', label: 'cloud', value: (run) => ({ text: run.cloud }) },
    {
      field: 'experiment',
      label: 'experiment',
      value: (run) => ({ text: run.experimentName, exact: run.experimentId }),
    },
    {
      field: 'status',
      label: 'status',
      value: (run) => ({ text: `${run.status} (${run.providerStatus})`, exact: run.status }),
    },
    {
      field: 'bestValue',
      label: `best ${metric}`,
      value: (run) => ({ text: formatNumber(run.best?.value), exact: run.best?.value }),
    },
    { field: 'bestTrial', label: 'best trial', value: (run) => ({ text: run.best?.trialId ?? '-' }) },
    {
      field: 'trials',
      label: 'trials',
      summary: 'trialCounts',
      value: (run) => count(run.summary.trialCounts.total, 'trials'),
    },
    {
      field: 'ranked',
      label: 'ranked trials',
      value: (run) => count(model.runs.find((r) => r.label === run.label)?.ranked.length, 'trials'),
    },
    { field: 'trialsToBest', label: 'to its best', value: (run) => count(run.trialsToBest, 'trials') },
    {
      field: 'trialsToTolerance',
      label: 'to within tolerance',
      value: (run) =>
        run.trialsToTolerance === undefined
          ? { text: 'not reached' }
          : count(run.trialsToTolerance, 'trials'),
    },
    {
      field: 'secondsToTolerance',
      label: 'time to within tolerance',
      value: (run) => seconds(run.secondsToTolerance),
    },
    {
      field: 'durationSeconds',
      label: 'took',
      summary: 'durationSeconds',
      value: (run) => seconds(run.summary.durationSeconds),
    },
    {
      field: 'trialSeconds',
      label: 'trial time',
      summary: 'trialSeconds',
      value: (run) => seconds(run.summary.trialSeconds),
    },
    {
      field: 'billableSeconds',
      label: 'billed time',
      summary: 'billableSeconds',
      value: (run) => seconds(run.summary.billableSeconds),
    },
    ...(priced
      ? [
          {
            field: 'cost',
            label: 'cost',
            value: (run: RunResult) => ({ text: formatNumber(run.cost), exact: run.cost }),
          },
          {
            field: 'unpricedTrials',
            label: 'unpriced trials',
            value: (run: RunResult) => count(run.unpricedTrials, 'trials'),
          },
        ]
      : []),
  ];
}

export function summaryTable(page: Page, model: ReportModel): HTMLElement {
  const { el } = page;
  const runs = model.comparison.runs;
  const header = el(
    'tr',
    {},
    el('th', {}, ''),
    ...runs.map((run, i) =>
      el(
        'th',
        { scope: 'col', 'data-run': run.label },
        el('span', { class: 'swatch', style: `background:${model.runs[i]?.color}` }),
        run.label,
      ),
    ),
  );
  const body = fields(model).map((field) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, field.label),
      ...runs.map((run) => {
        const { text, exact } = field.value(run);
        const derived = field.summary !== undefined && run.summary.derived.includes(field.summary);
        return el(
          'td',
          { 'data-run': run.label, 'data-field': field.field, 'data-value': exact },
          text,
          derived &&
            exact !== undefined &&
            el('sup', { title: 'computed by crosstune from the trials' }, '*'),
        );
      }),
    ),
  );
  return el(
    'table',
    { class: 'summary', 'data-table': 'summary' },
    el('thead', {}, header),
    el('tbody', {}, ...body),
  );
}

export function bestParametersTable(page: Page, model: ReportModel): HTMLElement {
  const { el } = page;
  const runs = model.comparison.runs;
  return el(
    'table',
    { class: 'summary', 'data-table': 'best-parameters' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', {}, 'parameter'),
        ...runs.map((run) => el('th', { scope: 'col', 'data-run': run.label }, run.label)),
      ),
    ),
    el(
      'tbody',
      {},
      ...model.comparison.parameters.map((name) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, name),
          ...runs.map((run) => {
            const value = run.best?.hyperParameters[name];
            const text = value === undefined ? '-' : formatValue(value);
            return el(
              'td',
              {
                'data-run': run.label,
                'data-field': `param:${name}`,
                'data-value': value === undefined ? undefined : String(value),
              },
              text,
            );
          }),
        ),
      ),
    ),
  );
}
