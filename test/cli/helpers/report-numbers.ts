/**
 * The report's numbers against `toJson`'s: every cell named by `data-run` and `data-field` carries
 * the exact value (`data-value`) and shows it rounded. Read from any DOM — Chromium's, for the
 * browser test, or linkedom's, for the in-process one — so both check the same thing.
 */
import { expect } from 'vitest';

/** The parts of `toJson`'s shape the report shows, as a consumer of the JSON would type them. */
export interface ReportJson {
  bestValue: number | null;
  parameters: string[];
  runs: {
    label: string;
    cloud: string;
    experimentId: string;
    experimentName: string;
    status: string;
    providerStatus: string;
    best: { trialId: string; value: number; hyperParameters: Record<string, unknown> } | null;
    trialsToBest: number | null;
    trialsToTolerance: number | null;
    secondsToTolerance: number | null;
    cost: number | null;
    unpricedTrials: number;
    summary: {
      trialCounts: { total?: number };
      durationSeconds: number | null;
      trialSeconds: number | null;
      billableSeconds: number | null;
      derived: string[];
    };
  }[];
  trials: {
    run: string;
    status: string;
    excluded: string | null;
    hyperParameters: Record<string, unknown>;
  }[];
  curves: { run: string; byTrial: unknown[]; byTime: unknown[] }[];
  importance: { run: string; parameters: { name: string; importance: number }[] }[];
  excluded: { run: string; trialId: string; reason: string }[];
  pricing: unknown;
}

/** A run's trials that take part in the ranking, as the JSON says. */
export const rankedTrials = (json: ReportJson, label: string) =>
  json.trials.filter((t) => t.run === label && t.excluded === null);

export interface ReportCell {
  run: string | null;
  field: string;
  value: string | null;
  /** The text before any mark. */
  text: string;
  /** Marked as computed by crosstune rather than reported by the cloud. */
  derived: boolean;
}

export function readCells(document: Pick<Document, 'querySelectorAll'>): ReportCell[] {
  return [...document.querySelectorAll('[data-field]')].map((e) => ({
    run: e.getAttribute('data-run'),
    field: e.getAttribute('data-field') as string,
    value: e.getAttribute('data-value'),
    text: (e.firstChild?.textContent ?? '').trim(),
    derived: e.querySelector('sup') !== null,
  }));
}

/** Which summary field a row of the runs table reads, as `derived` names it. */
const SUMMARY_FIELDS: Record<string, string> = {
  trials: 'trialCounts',
  durationSeconds: 'durationSeconds',
  trialSeconds: 'trialSeconds',
  billableSeconds: 'billableSeconds',
};

export function expectReportNumbers(cells: readonly ReportCell[], json: ReportJson): void {
  const cell = (run: string | null, field: string) => {
    const found = cells.filter((c) => c.run === run && c.field === field);
    expect(found, `${run} ${field}`).toHaveLength(1);
    return found[0] as ReportCell;
  };
  /** The exact value behind the cell, and its text read as a number, to the 6 digits shown. */
  const expectNumber = (run: string | null, field: string, value: number | null, suffix = '') => {
    const c = cell(run, field);
    if (value === null) {
      expect(c.value, `${run} ${field}`).toBeNull();
      expect(c.text, `${run} ${field}`).toMatch(/^(-|not reached)$/);
      return;
    }
    expect(Number(c.value), `${run} ${field}`).toBe(value);
    expect(c.text.endsWith(suffix), `${run} ${field}: ${c.text}`).toBe(true);
    const shown = Number(c.text.slice(0, c.text.length - suffix.length));
    expect(Math.abs(shown - value), `${run} ${field}: ${c.text}`).toBeLessThanOrEqual(Math.abs(value) * 5e-6);
  };
  /** A span: the exact seconds behind it, shown as `1h 02m`, `4m 05s` or `12s`. */
  const expectSeconds = (run: string, field: string, value: number | null) => {
    const c = cell(run, field);
    expect(c.value === null ? null : Number(c.value), `${run} ${field}`).toBe(value);
    expect(c.text, `${run} ${field}`).toMatch(value === null ? /^-$/ : /^(\d+h \d\dm|\d+m \d\ds|\d+s)$/);
  };

  expectNumber(null, 'bestValue', json.bestValue);
  for (const run of json.runs) {
    expect(cell(run.label, 'cloud')).toMatchObject({ text: run.cloud, value: null });
    expect(cell(run.label, 'experiment')).toMatchObject({
      text: run.experimentName,
      value: run.experimentId,
    });
    expect(cell(run.label, 'status')).toMatchObject({
      text: `${run.status} (${run.providerStatus})`,
      value: run.status,
    });
    expectNumber(run.label, 'bestValue', run.best?.value ?? null);
    expect(cell(run.label, 'bestTrial').text).toBe(run.best?.trialId ?? '-');
    expectNumber(run.label, 'trials', run.summary.trialCounts.total ?? null, ' trials');
    expectNumber(run.label, 'ranked', rankedTrials(json, run.label).length, ' trials');
    expectNumber(run.label, 'trialsToBest', run.trialsToBest, ' trials');
    if (run.trialsToTolerance === null) expect(cell(run.label, 'trialsToTolerance').text).toBe('not reached');
    else expectNumber(run.label, 'trialsToTolerance', run.trialsToTolerance, ' trials');
    expectSeconds(run.label, 'secondsToTolerance', run.secondsToTolerance);
    expectSeconds(run.label, 'durationSeconds', run.summary.durationSeconds);
    expectSeconds(run.label, 'trialSeconds', run.summary.trialSeconds);
    expectSeconds(run.label, 'billableSeconds', run.summary.billableSeconds);
    for (const [field, summaryField] of Object.entries(SUMMARY_FIELDS)) {
      const c = cell(run.label, field);
      expect(c.derived, `${run.label} ${field} marked as computed`).toBe(
        run.summary.derived.includes(summaryField) && c.value !== null,
      );
    }
    if (json.pricing === null) {
      expect(cells.filter((c) => c.field === 'cost' || c.field === 'unpricedTrials')).toEqual([]);
    } else {
      expectNumber(run.label, 'cost', run.cost);
      expectNumber(run.label, 'unpricedTrials', run.unpricedTrials, ' trials');
    }
    for (const name of json.parameters) {
      const value = run.best?.hyperParameters[name];
      const c = cell(run.label, `param:${name}`);
      expect(c.value, `${run.label} param:${name}`).toBe(value === undefined ? null : String(value));
      if (value === undefined) expect(c.text).toBe('-');
      else if (typeof value !== 'number') expect(c.text).toBe(String(value));
      else expect(Math.abs(Number(c.text) - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-6);
    }
    const rows = json.trials.filter((t) => t.run === run.label);
    for (const status of new Set(json.trials.map((t) => t.status))) {
      expectNumber(run.label, `status:${status}`, rows.filter((t) => t.status === status).length);
    }
    expectNumber(run.label, 'status:all', rows.length);
    for (const reason of new Set(json.excluded.map((e) => e.reason))) {
      expectNumber(
        run.label,
        `excluded:${reason}`,
        json.excluded.filter((e) => e.run === run.label && e.reason === reason).length,
      );
    }
  }
  // Nothing named twice or left unchecked: every cell is one of those above.
  const checked = new Set([
    'bestValue',
    'bestTrial',
    'trials',
    'ranked',
    'trialsToBest',
    'trialsToTolerance',
    'secondsToTolerance',
    'durationSeconds',
    'trialSeconds',
    'billableSeconds',
    'cost',
    'unpricedTrials',
    'cloud',
    'experiment',
    'status',
  ]);
  const unchecked = cells.filter((c) => !checked.has(c.field) && !/^(param|status|excluded):/.test(c.field));
  expect(unchecked).toEqual([]);
}
