/** What mattered: each parameter's share of the objective's explained variation, per run (from compare). */
import * as Plot from '@observablehq/plot';
import type { ReportModel } from '../model.js';
import type { Page } from '../page.js';
import { chartFigure, emptyFigure, series } from './frame.js';

export function importanceChart(page: Page, model: ReportModel): HTMLElement {
  const { comparison } = model;
  const drawn = model.runs.flatMap((run) => {
    const importance = comparison.importance.find((i) => i.run === run.label);
    return importance && importance.parameters.length > 0 ? [{ run, importance }] : [];
  });
  const missing = model.runs.filter((run) => !drawn.some((d) => d.run === run)).map((run) => run.label);
  const method = comparison.importance[0]?.method;
  const chart = {
    id: 'importance',
    title: 'What mattered',
    headed: false,
    caption: [
      'The share of the objective’s variation each parameter explains on its own, per run. ',
      'Main effects only: parameters that matter only together each score low.',
      method ? ` Method: ${method}.` : '',
      missing.length ? ` Too few ranked trials (fewer than 3) to say: ${missing.join(', ')}.` : '',
    ].join(''),
  };
  if (drawn.length === 0) return emptyFigure(page, chart, 'No run has enough ranked trials.');
  const names = comparison.parameters.filter((name) =>
    drawn.some((d) => d.importance.parameters.some((p) => p.name === name)),
  );
  const labels = drawn.map((d) => d.run.label);
  return chartFigure(page, {
    ...chart,
    plot: {
      height: 40 + names.length * (12 + 18 * labels.length),
      marginLeft: 130,
      marginRight: 60,
      x: { label: 'share of the explained variation (%)', domain: [0, 100], grid: true },
      y: { axis: null, domain: labels },
      fy: { label: null, domain: names, padding: 0.15 },
      marks: drawn.flatMap(({ run, importance }) => {
        const options = {
          x: (p: { importance: number }) => p.importance * 100,
          y: () => run.label,
          fy: 'name',
        };
        return [
          Plot.barX(importance.parameters, series(run.label, { ...options, fill: run.color })),
          Plot.text(
            importance.parameters,
            series(run.label, {
              ...options,
              text: (p: { importance: number }) => percent(p.importance),
              textAnchor: 'start' as const,
              dx: 4,
              fill: 'currentColor',
            }),
          ),
        ];
      }),
    },
  });
}

/** One decimal: importance is a hint, and more digits would claim a precision it does not have. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
