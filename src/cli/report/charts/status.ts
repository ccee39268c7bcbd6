/** How each run's trials ended (or stand): a stacked bar per run, and the counts as a table. */
import * as Plot from '@observablehq/plot';
import type { TrialStatus } from '../../../core/types.js';
import { countTable } from '../counts.js';
import type { ReportModel } from '../model.js';
import type { Page } from '../page.js';
import { STATUS_COLORS } from '../palette.js';
import { chartFigure, emptyFigure, series } from './frame.js';

interface StatusCount {
  run: string;
  status: TrialStatus;
  count: number;
}

export function statusSection(page: Page, model: ReportModel): HTMLElement[] {
  const counts = statusCounts(model);
  const present = STATUS_COLORS.filter(([status]) => counts.some((c) => c.status === status));
  const chart = {
    id: 'status',
    title: 'Trial status',
    headed: false,
    caption: 'Every trial of each run by its status as crosstune reads it.',
  };
  if (counts.length === 0) return [emptyFigure(page, chart, 'No run has a trial.')];
  const labels = model.runs.map((run) => run.label);
  const figure = chartFigure(page, {
    ...chart,
    plot: {
      height: 50 + 44 * labels.length,
      marginLeft: 110,
      x: { label: 'trials', grid: true },
      y: { label: null, domain: labels },
      color: {
        legend: true,
        domain: present.map(([status]) => status),
        range: present.map(([, color]) => color),
      },
      marks: model.runs.map((run) =>
        Plot.barX(
          counts.filter((c) => c.run === run.label),
          Plot.stackX(series(run.label, { x: 'count', y: 'run', fill: 'status', inset: 0.5 })),
        ),
      ),
    },
  });
  const table = countTable(page, {
    table: 'status',
    runs: labels,
    keys: present.map(([status]) => status),
    count: (run, status) => counts.find((c) => c.run === run && c.status === status)?.count ?? 0,
    total: true,
  });
  return [figure, table];
}

function statusCounts(model: ReportModel): StatusCount[] {
  return model.runs.flatMap((run) => {
    const byStatus = new Map<TrialStatus, number>();
    for (const row of run.rows) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
    return STATUS_COLORS.flatMap(([status]) => {
      const count = byStatus.get(status);
      return count ? [{ run: run.label, status, count }] : [];
    });
  });
}
