/** The objective's distribution per run: histograms on one shared value axis, one row per run. */
import * as Plot from '@observablehq/plot';
import type { ReportModel } from '../model.js';
import type { Page } from '../page.js';
import { chartFigure, emptyFigure, series } from './frame.js';

const BINS = 40;

export function distributionChart(page: Page, model: ReportModel): HTMLElement {
  const chart = {
    id: 'distribution',
    title: 'Distribution of the objective',
    headed: false,
    caption: 'How many ranked trials of each run reached each value, in bins shared by all runs.',
  };
  const drawn = model.runs.filter((run) => run.ranked.length > 0);
  if (drawn.length === 0) return emptyFigure(page, chart, 'No run has a ranked trial.');
  const domain = valueDomain(drawn.flatMap((run) => run.ranked.map((row) => row.objective as number)));
  return chartFigure(page, {
    ...chart,
    plot: {
      height: 40 + 110 * drawn.length,
      marginLeft: 60,
      marginRight: 110,
      grid: true,
      x: { label: model.objectiveLabel, domain },
      y: { label: 'trials' },
      fy: { label: null, domain: drawn.map((run) => run.label) },
      marks: [
        Plot.frame({ strokeOpacity: 0.15 }),
        ...drawn.map((run) =>
          Plot.rectY(
            run.ranked,
            Plot.binX(
              { y: 'count' },
              series(run.label, {
                x: 'objective',
                fy: () => run.label,
                fill: run.color,
                fillOpacity: 0.85,
                inset: 0.5,
                // The same domain and count give every run the same bin edges, so bars line up.
                domain,
                thresholds: BINS,
              }),
            ),
          ),
        ),
      ],
    },
  });
}

/** The values' extent, widened around a single value so that one value still makes a bin. */
function valueDomain(values: readonly number[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (low < high) return [low, high];
  const pad = Math.abs(low) * 0.01 || 1;
  return [low - pad, high + pad];
}
