/** The report assembled: a header, then one section per question a reader brings to it. */
import { formatNumber, formatPercent } from '../../compare/format.js';
import type { Comparison } from '../../compare/types.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { bestByTimeChart, bestByTrialChart } from './charts/curves.js';
import { distributionChart } from './charts/distribution.js';
import { runLegend } from './charts/frame.js';
import { importanceChart } from './charts/importance.js';
import { parameterCharts } from './charts/parameters.js';
import { statusSection } from './charts/status.js';
import { excludedSection } from './excluded.js';
import { reportModel } from './model.js';
import { createPage } from './page.js';
import { STYLE } from './style.js';
import { bestParametersTable, summaryTable } from './summary.js';

export interface ReportOptions {
  /** The page's title (default: what the runs were compared by). */
  title?: string | undefined;
  /**
   * Trials per run each hyperparameter scatter draws at most (default 300): those that set a new
   * best first, then a fixed sample picked by trial id. Histograms and curves use every trial.
   */
  pointsPerRun?: number | undefined;
  /** Excluded trials listed by id per run (default 200); the rest are counted. */
  listedPerRun?: number | undefined;
}

export function renderReport(comparison: Comparison, options: ReportOptions = {}): string {
  const pointsPerRun = positiveInteger('pointsPerRun', options.pointsPerRun ?? 300);
  const listedPerRun = positiveInteger('listedPerRun', options.listedPerRun ?? 200);
  if (comparison.runs.length === 0)
    throw new InvalidArgumentError('renderReport needs a comparison of at least one run');
  const model = reportModel(comparison);
  const page = createPage();
  const { el, document } = page;
  const { objective } = comparison;
  const title = options.title ?? `Tuning runs compared by ${objective.metric}`;

  document.head.append(
    el('meta', { charset: 'utf-8' }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('meta', { name: 'color-scheme', content: 'light dark' }),
    el('meta', { name: 'generator', content: 'crosstune' }),
    page.title(title),
    el('style', {}, STYLE),
  );
  const rule =
    objective.rule === 'shared'
      ? `Every run optimises ${objective.metric} (${objective.direction}).`
      : `Compared by ${objective.metric} (${objective.direction}) as the caller mapped it: ${objective.runs.map((r) => `${r.label} → ${r.metric}`).join(', ')}.`;
  const ranked = model.runs.reduce((n, run) => n + run.ranked.length, 0);
  document.body.append(
    el(
      'header',
      {},
      el('h1', {}, title),
      el(
        'p',
        { class: 'lead' },
        `${rule} Best across runs: `,
        el(
          'strong',
          { 'data-field': 'bestValue', 'data-value': comparison.bestValue },
          formatNumber(comparison.bestValue),
        ),
        `; within tolerance means within ${formatPercent(comparison.tolerance)} of it. ${comparison.trials.length} trials, ${ranked} ranked.`,
      ),
      runLegend(page, model.runs),
    ),
    el(
      'section',
      { id: 'runs' },
      el('h2', {}, 'Runs'),
      summaryTable(page, model),
      el('p', { class: 'note' }, '* computed by crosstune from the trials; the cloud does not report it.'),
      comparison.parameters.length > 0 && el('h3', {}, 'Best hyperparameters'),
      comparison.parameters.length > 0 && bestParametersTable(page, model),
    ),
    el(
      'section',
      { id: 'progress' },
      el('h2', {}, 'Progress'),
      bestByTrialChart(page, model),
      bestByTimeChart(page, model),
    ),
    el(
      'section',
      { id: 'objective' },
      el('h2', {}, 'Distribution of the objective'),
      distributionChart(page, model),
    ),
    el(
      'section',
      { id: 'parameters' },
      el('h2', {}, 'Hyperparameters against the objective'),
      el(
        'p',
        { class: 'note' },
        `Each ranked trial's value of a parameter against its objective; ringed dots set a new best. A run with more than ${pointsPerRun} ranked trials shows ${pointsPerRun}: every new best, then a fixed sample of the others.`,
      ),
      el('div', { class: 'grid' }, ...parameterCharts(page, model, pointsPerRun)),
    ),
    el('section', { id: 'importance' }, el('h2', {}, 'What mattered'), importanceChart(page, model)),
    el('section', { id: 'status' }, el('h2', {}, 'Trial status'), ...statusSection(page, model)),
    el(
      'section',
      { id: 'excluded' },
      el('h2', {}, 'Left out of the ranking'),
      ...excludedSection(page, model, listedPerRun),
    ),
    el(
      'footer',
      {},
      `Made by crosstune from ${comparison.runs.length} run${comparison.runs.length === 1 ? '' : 's'}. Charts drawn with Observable Plot.`,
    ),
  );
  return page.html();
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`renderReport: ${name} must be an integer >= 1, got ${value}`);
  }
  return value;
}
