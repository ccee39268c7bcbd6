/**
 * How every chart is framed: an Observable Plot figure drawn into the page's server-side DOM,
 * with a heading and a caption, and each run's marks tagged so a reader (or a test) can tell the
 * series apart: `data-series="<run label>"` on the mark's group.
 */
import * as Plot from '@observablehq/plot';
import type { Page } from '../page.js';

export interface Chart {
  /** Names the figure (`data-chart`) and anchors it. */
  id: string;
  title: string;
  /** Whether the title is shown as the figure's heading (not where the section's heading says it). */
  headed?: boolean | undefined;
  /** What to read from it, and what it leaves out. */
  caption: string;
  plot: Plot.PlotOptions;
}

export function chartFigure(page: Page, chart: Chart): HTMLElement {
  const svg = Plot.plot({
    document: page.document,
    width: 960,
    style: { fontSize: '12px', fontFamily: 'inherit' },
    ariaLabel: chart.title,
    ...chart.plot,
  });
  return page.el(
    'figure',
    { class: 'chart', id: chart.id, 'data-chart': chart.id },
    caption(page, chart),
    svg,
  );
}

/** A chart that has nothing to draw: the figure stays, saying why, so the report's outline does not move. */
export function emptyFigure(page: Page, chart: Omit<Chart, 'plot'>, why: string): HTMLElement {
  return page.el(
    'figure',
    { class: 'chart empty', id: chart.id, 'data-chart': chart.id },
    caption(page, chart),
    page.el('p', { class: 'nothing' }, why),
  );
}

function caption(page: Page, chart: Omit<Chart, 'plot'>): HTMLElement {
  return page.el(
    'figcaption',
    {},
    chart.headed !== false && page.el('h3', {}, chart.title),
    page.el('p', {}, chart.caption),
  );
}

/**
 * Mark options for one run's marks: the mark's group is named after the run for screen readers and
 * tagged with it. (Plot's own `ariaLabel` option is a channel, read from the data, not a name.)
 */
export function series<T extends Plot.MarkOptions>(run: string, options: T): T {
  return {
    ...options,
    render: (index, scales, values, dimensions, context, next) => {
      const group = next?.(index, scales, values, dimensions, context) ?? null;
      group?.setAttribute('data-series', run);
      group?.setAttribute('aria-label', run);
      return group;
    },
  };
}

/** The legend of the runs' colours, drawn by Plot as swatches. */
export function runLegend(page: Page, runs: readonly { label: string; color: string }[]): Element {
  const options: Plot.LegendScales & { document: Document } = {
    // Plot's legend reads `document` as plot() does; its type declarations leave it out.
    document: page.document,
    color: { type: 'ordinal', domain: runs.map((r) => r.label), range: runs.map((r) => r.color) },
    className: 'runs-legend',
    style: { fontSize: '13px' },
  };
  return Plot.legend(options);
}
