/** Best-so-far curves of every run on one chart: against the trial number, and against time. */
import * as Plot from '@observablehq/plot';
import { formatPercent } from '../../../compare/format.js';
import type { CurvePoint, RunCurves } from '../../../compare/types.js';
import type { ReportModel } from '../model.js';
import type { Page } from '../page.js';
import { chartFigure, emptyFigure, series } from './frame.js';

interface Axis {
  id: string;
  title: string;
  caption: string;
  points: (curves: RunCurves) => CurvePoint[];
  x: (points: readonly CurvePoint[]) => Plot.ScaleOptions;
}

export function bestByTrialChart(page: Page, model: ReportModel): HTMLElement {
  return curveChart(page, model, {
    id: 'best-by-trial',
    title: 'Best so far, by trial',
    caption:
      'The best value each run had reached after each trial, in the run’s order; a dot marks each new best.',
    points: (curves) => curves.byTrial,
    x: () => ({ label: 'trial number', nice: true }),
  });
}

export function bestByTimeChart(page: Page, model: ReportModel): HTMLElement {
  return curveChart(page, model, {
    id: 'best-by-time',
    title: 'Best so far, by time',
    caption: 'The same curves against the time since each run started, at each trial’s end.',
    points: (curves) => curves.byTime,
    x: (points) => {
      const unit = timeUnit(points.reduce((max, p) => Math.max(max, p.x), 0));
      return {
        label: `time since the run started (${unit.name})`,
        transform: (s: number) => s / unit.seconds,
        zero: true,
        nice: true,
      };
    },
  });
}

function curveChart(page: Page, model: ReportModel, axis: Axis): HTMLElement {
  const { comparison } = model;
  const drawn = model.runs.flatMap((run) => {
    const curves = comparison.curves.find((c) => c.run === run.label);
    const points = curves ? axis.points(curves) : [];
    return points.length > 0 ? [{ run, points }] : [];
  });
  const missing = model.runs.filter((run) => !drawn.some((d) => d.run === run)).map((r) => r.label);
  const caption = missing.length
    ? `${axis.caption} Not drawn (no trial to place on this axis): ${missing.join(', ')}.`
    : axis.caption;
  if (drawn.length === 0) return emptyFigure(page, { ...axis, caption }, 'No run has a trial to draw here.');
  const threshold = toleranceLine(model);
  return chartFigure(page, {
    id: axis.id,
    title: axis.title,
    caption,
    plot: {
      height: 380,
      marginLeft: 60,
      marginRight: 20,
      grid: true,
      x: axis.x(drawn.flatMap((d) => d.points)),
      y: { label: model.objectiveLabel },
      marks: [
        ...(threshold
          ? [
              Plot.ruleY([threshold.value], {
                stroke: 'currentColor',
                strokeOpacity: 0.5,
                strokeDasharray: '5 4',
              }),
              Plot.text([threshold.value], {
                y: (v: number) => v,
                text: () => threshold.label,
                // At the left, where curves are still far from the best, the label overlaps none.
                frameAnchor: 'left',
                textAnchor: 'start',
                dx: 6,
                dy: -7,
                fillOpacity: 0.7,
              }),
            ]
          : []),
        ...drawn.flatMap(({ run, points }) => [
          Plot.line(
            points,
            series(run.label, { x: 'x', y: 'best', curve: 'step-after', stroke: run.color, strokeWidth: 2 }),
          ),
          Plot.dot(
            // The last point only carries the line to the run's end: no new best there.
            points.filter((p, i) => i === 0 || p.trialId !== points[i - 1]?.trialId),
            series(run.label, { x: 'x', y: 'best', fill: run.color, r: 3.5 }),
          ),
        ]),
      ],
    },
  });
}

/** Where "within tolerance of the best across runs" begins, as the runs' reach columns count it. */
function toleranceLine(model: ReportModel): { value: number; label: string } | undefined {
  const { bestValue, tolerance, objective } = model.comparison;
  if (bestValue === undefined || tolerance === 0) return undefined;
  const band = tolerance * Math.abs(bestValue);
  return {
    value: objective.direction === 'maximize' ? bestValue - band : bestValue + band,
    label: `within ${formatPercent(tolerance)} of the best`,
  };
}

/** Seconds, minutes or hours: whichever keeps the axis' numbers short. */
function timeUnit(maxSeconds: number): { name: string; seconds: number } {
  if (maxSeconds >= 3 * 3600) return { name: 'hours', seconds: 3600 };
  if (maxSeconds >= 3 * 60) return { name: 'minutes', seconds: 60 };
  return { name: 'seconds', seconds: 1 };
}
