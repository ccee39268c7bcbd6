/**
 * Each hyperparameter against the objective: one scatter per parameter, every run's trials on it.
 * A numeric parameter is a plain scatter (log-scaled where the search space samples it so); a
 * categorical one is a strip per value, the runs side by side within it.
 */
import * as Plot from '@observablehq/plot';
import type { TrialRow } from '../../../compare/types.js';
import type { HyperParameterValue } from '../../../core/types.js';
import type { ReportModel, RunView } from '../model.js';
import type { Page } from '../page.js';
import { hashFraction, sampleTrials } from '../sample.js';
import { chartFigure, emptyFigure, series } from './frame.js';

interface Drawn {
  run: RunView;
  /** Trials that set a new best: always drawn, ringed. */
  bests: TrialRow[];
  others: TrialRow[];
}

/** One figure per parameter, in the comparison's parameter order. */
export function parameterCharts(page: Page, model: ReportModel, pointsPerRun: number): HTMLElement[] {
  return model.comparison.parameters.map((name, i) => {
    const figure = parameterChart(page, model, name, `parameter-${i + 1}`, pointsPerRun);
    figure.setAttribute('data-parameter', name);
    return figure;
  });
}

function parameterChart(
  page: Page,
  model: ReportModel,
  name: string,
  id: string,
  pointsPerRun: number,
): HTMLElement {
  let ranked = 0;
  const drawn: Drawn[] = model.runs.flatMap((run) => {
    const rows = run.ranked.filter((row) => row.hyperParameters[name] !== undefined);
    ranked += rows.length;
    if (rows.length === 0) return [];
    const curve = model.comparison.curves.find((c) => c.run === run.label);
    return [{ run, ...sampleTrials(rows, new Set(curve?.byTrial.map((p) => p.trialId)), pointsPerRun) }];
  });
  const shown = drawn.reduce((n, d) => n + d.bests.length + d.others.length, 0);
  const values = drawn.flatMap((d) => [...d.bests, ...d.others].map((row) => row.hyperParameters[name]));
  const numeric = values.every((value) => typeof value === 'number');
  const log = numeric && values.every((value) => (value as number) > 0) && sampledOnLogScale(model, name);
  const caption = `${numeric ? (log ? 'Log scale. ' : '') : 'Runs side by side within each value. '}${shown < ranked ? `${shown} of ${ranked} ranked trials drawn.` : `${ranked} ranked trials.`}`;
  const chart = { id, title: name, caption };
  if (drawn.length === 0) return emptyFigure(page, chart, 'No ranked trial has this parameter.');
  const value = (row: TrialRow) => row.hyperParameters[name];
  const common = {
    width: 470,
    height: 320,
    marginLeft: 60,
    marginBottom: 40,
    grid: true,
    y: { label: model.objectiveLabel },
  };
  const marks = (
    x: (row: TrialRow) => number | HyperParameterValue | undefined,
    fx?: (row: TrialRow) => string,
  ) =>
    drawn.flatMap(({ run, bests, others }) => [
      Plot.dot(
        others,
        series(run.label, { x, fx, y: 'objective', fill: run.color, fillOpacity: 0.5, r: 2.5 }),
      ),
      Plot.dot(
        bests,
        series(run.label, {
          x,
          fx,
          y: 'objective',
          fill: run.color,
          stroke: 'currentColor',
          strokeWidth: 1.2,
          r: 4.5,
        }),
      ),
    ]);
  if (numeric) {
    return chartFigure(page, {
      ...chart,
      plot: {
        ...common,
        x: {
          label: name,
          nice: true,
          // A log axis' default labels use SI prefixes (20m for 0.02): plain numbers instead.
          ...(log ? { type: 'log' as const, tickFormat: '~g' } : {}),
        },
        marks: marks(value),
      },
    });
  }
  // Categorical: each value a facet; within it each run a strip at its own place, jittered by trial id.
  const position = new Map(drawn.map((d, i) => [d.run.label, i]));
  const strip = (row: TrialRow) => (position.get(row.run) ?? 0) + (hashFraction(row.trialId) - 0.5) * 0.6;
  return chartFigure(page, {
    ...chart,
    plot: {
      ...common,
      x: { axis: null, domain: [-0.5, drawn.length - 0.5] },
      fx: { label: name, domain: categoryOrder(model, name, values), padding: 0.1 },
      marks: [Plot.frame({ strokeOpacity: 0.15 }), ...marks(strip, (row) => String(value(row)))],
    },
  });
}

/** Whether any run's search space samples `name` on a log scale. */
function sampledOnLogScale(model: ReportModel, name: string): boolean {
  return model.comparison.runs.some((run) => {
    const param = run.summary.experiment.searchSpace?.spec[name];
    if (!param) return false;
    if (param.kind === 'lognormal') return true;
    return (param.kind === 'float' || param.kind === 'int') && param.scale === 'log';
  });
}

/** The search space's order of a choice's values where a run states one; the rest after, sorted. */
function categoryOrder(model: ReportModel, name: string, values: readonly unknown[]): string[] {
  const seen = new Set(values.map(String));
  const stated = model.comparison.runs.flatMap((run) => {
    const param = run.summary.experiment.searchSpace?.spec[name];
    return param?.kind === 'choice' ? param.values.map(String) : [];
  });
  const ordered = [...new Set(stated)].filter((v) => seen.has(v));
  return [...ordered, ...[...seen].filter((v) => !ordered.includes(v)).sort()];
}
