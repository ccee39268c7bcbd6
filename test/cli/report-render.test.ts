/**
 * renderReport on its own (no browser): the same page for the same comparison, names escaped,
 * bad options refused, scatters sampled as documented, charts with nothing to draw saying why; and
 * the sample's rules as properties over any trials.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/cli/report/index.js';
import { hashFraction, sampleTrials } from '../../src/cli/report/sample.js';
import { type Comparison, compare, type TrialRow, toJson } from '../../src/compare/index.js';
import { InvalidArgumentError } from '../../src/index.js';
import { type CloudRuns, runOnClouds } from '../compare/helpers/clouds.js';
import { handBuiltComparison } from '../compare/helpers/comparison.js';
import { expectReportNumbers, type ReportJson, readCells } from './helpers/report-numbers.js';

let clouds: CloudRuns | undefined;
let comparison: Comparison;

beforeAll(async () => {
  clouds = await runOnClouds();
  comparison = await compare(clouds.runs);
});
afterAll(() => clouds?.close());

const documentOf = (html: string) => parseHTML(html).document;
const asRows = (ids: readonly string[]) => ids.map((trialId) => ({ trialId }) as TrialRow);

describe('renderReport', () => {
  it('writes the same page for the same comparison', () => {
    expect(renderReport(comparison)).toBe(renderReport(comparison));
  });

  it('escapes every name it is given: labels, trial ids, parameter names stay text', async () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', 'a & b'];
    const labelled = await compare(
      (clouds as CloudRuns).runs.map((run, i) => ({ ...run, label: hostile[i] as string })),
    );
    const html = renderReport(labelled, { title: '</title><script>alert(3)</script>' });
    const document = documentOf(html);
    expect([...document.querySelectorAll('script, img')].map((e) => e.outerHTML)).toEqual([]);
    expect(document.title).toBe('</title><script>alert(3)</script>');
    const headers = [...document.querySelectorAll('table[data-table="summary"] thead th[data-run]')];
    expect(headers.map((th) => th.textContent)).toEqual(hostile);
    const series = new Set(
      [...document.querySelectorAll('[data-series]')].map((g) => g.getAttribute('data-series')),
    );
    expect(series).toEqual(new Set(hostile));
  });

  it('refuses bad options and an empty comparison with a typed error naming what was wrong', () => {
    for (const options of [{ pointsPerRun: 0 }, { pointsPerRun: 2.5 }, { listedPerRun: Number.NaN }]) {
      const error = (() => {
        try {
          renderReport(comparison, options);
        } catch (e) {
          return e;
        }
      })();
      expect(InvalidArgumentError.is(error), JSON.stringify(options)).toBe(true);
      expect((error as Error).message).toContain(Object.keys(options)[0]);
    }
    expect(() => renderReport({ ...comparison, runs: [] })).toThrow(/at least one run/);
  });

  it('draws at most pointsPerRun trials of a run on each scatter, and says how many of how many', () => {
    const document = documentOf(renderReport(comparison, { pointsPerRun: 4 }));
    const figures = [...document.querySelectorAll('figure[data-parameter]')];
    expect(figures.map((f) => f.getAttribute('data-parameter'))).toEqual(comparison.parameters);
    for (const figure of figures) {
      for (const run of comparison.runs) {
        const dots = figure.querySelectorAll(`[data-series="${run.label}"] circle`);
        expect(dots.length).toBeGreaterThan(0);
        expect(dots.length).toBeLessThanOrEqual(4);
      }
      const ranked = comparison.trials.filter((t) => t.excluded === undefined).length;
      expect(figure.querySelector('figcaption p')?.textContent).toMatch(
        new RegExp(`\\d+ of ${ranked} ranked trials drawn`),
      );
    }
    // Without a limit in the way, every ranked trial is a dot.
    const all = documentOf(renderReport(comparison, { pointsPerRun: 10_000 }));
    for (const run of comparison.runs) {
      const ranked = comparison.trials.filter((t) => t.run === run.label && t.excluded === undefined);
      const dots = all.querySelectorAll(`figure[data-parameter="eta"] [data-series="${run.label}"] circle`);
      expect(dots).toHaveLength(ranked.length);
    }
  });

  it('keeps each chart when it has nothing to draw, saying why', () => {
    const nothingRanked: Comparison = {
      ...comparison,
      bestValue: undefined,
      runs: comparison.runs.map((run) => ({ ...run, best: undefined, trialsToBest: undefined })),
      trials: comparison.trials.map((row) => ({ ...row, excluded: 'failed' as const })),
      curves: comparison.curves.map((curve) => ({ ...curve, byTrial: [], byTime: [] })),
      importance: comparison.importance.map((i) => ({ ...i, parameters: [] })),
      excluded: comparison.trials.map((row) => ({
        run: row.run,
        trialId: row.trialId,
        reason: 'failed' as const,
      })),
    };
    const document = documentOf(renderReport(nothingRanked));
    const empty = [...document.querySelectorAll('figure.empty')].map((f) => [
      f.getAttribute('data-chart'),
      f.querySelector('.nothing')?.textContent,
    ]);
    expect(empty).toEqual([
      ['best-by-trial', 'No run has a trial to draw here.'],
      ['best-by-time', 'No run has a trial to draw here.'],
      ['distribution', 'No run has a ranked trial.'],
      ...comparison.parameters.map((_, i) => [`parameter-${i + 1}`, 'No ranked trial has this parameter.']),
      ['importance', 'No run has enough ranked trials.'],
    ]);
    // Statuses are counted from every trial, ranked or not.
    expect(document.querySelector('figure[data-chart="status"] svg')).not.toBeNull();
  });

  it('lists up to listedPerRun excluded trials per run and counts the rest', () => {
    const document = documentOf(renderReport(comparison, { listedPerRun: 1 }));
    for (const run of comparison.runs) {
      const own = comparison.excluded.filter((e) => e.run === run.label);
      const details = document.querySelector(`details[data-run="${run.label}"]`);
      if (own.length === 0) {
        expect(details).toBeNull();
        continue;
      }
      expect(details?.querySelectorAll('li')).toHaveLength(1);
      expect(details?.querySelector('li code')?.textContent).toBe(own[0]?.trialId);
      if (own.length > 1) expect(details?.textContent).toContain(`… and ${own.length - 1} more`);
    }
  });

  it('shows the numbers toJson gives, on the clouds’ comparison (priced and not) and on one built by hand', async () => {
    const priced = await compare((clouds as CloudRuns).runs, { prices: { 'ml.m5.xlarge': 0.23 } });
    for (const shown of [comparison, priced, handBuiltComparison()]) {
      const json = JSON.parse(JSON.stringify(toJson(shown))) as ReportJson;
      expectReportNumbers(readCells(documentOf(renderReport(shown))), json);
    }
  });

  it('lists what it left out by reason, explained, and names each run’s count', () => {
    const document = documentOf(renderReport(handBuiltComparison()));
    expect([...document.querySelectorAll('ul.reasons li')].map((li) => li.textContent)).toEqual([
      'failed — the trial failed: a value it reported may be partial',
      'not-finite — objective not a finite number (NaN or ±Infinity)',
    ]);
    expect([...document.querySelectorAll('details summary')].map((s) => s.textContent)).toEqual([
      'aws: 1 trial left out',
      'pai | east: 1 trial left out',
    ]);
    expect(
      [...document.querySelectorAll('table[data-table="excluded"] thead th')].map((th) => th.textContent),
    ).toEqual(['run', 'failed', 'not-finite']);
    const none = documentOf(renderReport({ ...handBuiltComparison(), excluded: [] }));
    expect(none.querySelector('[data-table="excluded"]')?.textContent).toBe(
      'Every trial took part in the ranking.',
    );
  });

  it('labels every row and column of the runs tables, and explains the computed-value mark', () => {
    const comparison = handBuiltComparison();
    const document = documentOf(renderReport(comparison));
    const runsTable = document.querySelector('table[data-table="summary"]');
    expect(
      [...(runsTable?.querySelectorAll('tbody th[scope="row"]') ?? [])].map((th) => th.textContent),
    ).toEqual([
      'cloud',
      'experiment',
      'status',
      'best auc',
      'best trial',
      'trials',
      'ranked trials',
      'to its best',
      'to within tolerance',
      'time to within tolerance',
      'took',
      'trial time',
      'billed time',
      'cost',
      'unpriced trials',
    ]);
    const columns = [...(runsTable?.querySelectorAll('thead th[scope="col"]') ?? [])];
    expect(columns.map((th) => [th.getAttribute('data-run'), th.textContent])).toEqual([
      ['aws', 'aws'],
      ['pai | east', 'pai | east'],
    ]);
    const swatches = columns.map((th) => th.querySelector('span.swatch')?.getAttribute('style'));
    expect(swatches.every((style) => /^background:#[0-9a-f]{6}$/i.test(style ?? ''))).toBe(true);
    expect(new Set(swatches).size).toBe(2);
    const marks = [...document.querySelectorAll('td[data-field] sup')];
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect([mark.textContent, mark.getAttribute('title')]).toEqual([
        '*',
        'computed by crosstune from the trials',
      ]);
    }
    const parameters = document.querySelector('table[data-table="best-parameters"]');
    expect([...(parameters?.querySelectorAll('thead th') ?? [])].map((th) => th.textContent)).toEqual([
      'parameter',
      'aws',
      'pai | east',
    ]);
    expect(
      [...(parameters?.querySelectorAll('tbody th[scope="row"]') ?? [])].map((th) => th.textContent),
    ).toEqual(comparison.parameters);
  });

  it('explains every reason a trial was left out, and counts the ones not listed', () => {
    const base = handBuiltComparison();
    const reasons = ['no-objective', 'not-ended', 'failed', 'not-finite', 'failed'] as const;
    const excluded = reasons.map((reason, i) => ({ run: 'aws', trialId: `x-${i}`, reason }));
    const document = documentOf(renderReport({ ...base, excluded }, { listedPerRun: 2 }));
    expect([...document.querySelectorAll('ul.reasons li')].map((li) => li.textContent)).toEqual([
      'failed — the trial failed: a value it reported may be partial',
      'not-ended — running, pending or in a status crosstune does not know: its value may still change',
      'no-objective — no objective value reported',
      'not-finite — objective not a finite number (NaN or ±Infinity)',
    ]);
    const details = document.querySelectorAll('details');
    expect(details).toHaveLength(1);
    expect(details[0]?.querySelector('summary')?.textContent).toBe('aws: 5 trials left out');
    expect([...(details[0]?.querySelectorAll('ul.trials li') ?? [])].map((li) => li.textContent)).toEqual([
      'x-0 no-objective',
      'x-1 not-ended',
    ]);
    expect(details[0]?.querySelector('p')?.textContent).toBe(
      '… and 3 more (every one is in the JSON export).',
    );
    const counts = (run: string, field: string) =>
      document.querySelector(`td[data-run="${run}"][data-field="excluded:${field}"]`)?.textContent;
    expect(['failed', 'not-ended', 'no-objective', 'not-finite'].map((r) => counts('aws', r))).toEqual([
      '2',
      '1',
      '1',
      '1',
    ]);
    expect(counts('pai | east', 'failed')).toBe('0');
    // Every one listed: no "more" line.
    const all = documentOf(renderReport({ ...base, excluded }, { listedPerRun: 5 }));
    expect(all.querySelectorAll('details ul.trials li')).toHaveLength(5);
    expect(all.querySelector('details p')).toBeNull();
  });

  it('names which way is better on the objective axis', () => {
    const minimizing = {
      ...comparison,
      objective: { ...comparison.objective, direction: 'minimize' as const },
    };
    expect(renderReport(comparison)).toContain('validation:auc (↑ higher is better)');
    expect(renderReport(minimizing)).toContain('validation:auc (↓ lower is better)');
  });
});

describe('the scatter sample', () => {
  it('hashes ids with 32-bit FNV-1a, read as a fraction of 2^32', () => {
    // FNV-1a's published test vectors.
    expect(['', 'a', 'foobar'].map(hashFraction)).toEqual(
      [0x811c9dc5, 0xe40c292c, 0xbf9cf968].map((hash) => hash / 2 ** 32),
    );
  });

  it('keeps, of the others, those whose ids hash lowest; at a tie, the first listed', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `trial-${i}`);
    const lowest = (pool: readonly string[], k: number) =>
      new Set(
        pool
          .map((id, i) => ({ id, i, h: hashFraction(id) }))
          .sort((a, b) => a.h - b.h || a.i - b.i)
          .slice(0, k)
          .map(({ id }) => id),
      );
    for (const limit of [1, 7, 39]) {
      const { others } = sampleTrials(asRows(ids), new Set(), limit);
      expect(new Set(others.map((r) => r.trialId))).toEqual(lowest(ids, limit));
    }
    // Two ids with one hash (found by search: 32 bits collide within ~100,000 ids), at the cut.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `id-${i}`;
      const other = seen.get(hashFraction(id));
      if (other !== undefined) pair = [other, id];
      seen.set(hashFraction(id), id);
    }
    const [first, second] = pair;
    const below = [...seen.values()].filter((id) => hashFraction(id) < hashFraction(first)).slice(0, 3);
    const pool = [second, ...below, first];
    const { others } = sampleTrials(asRows(pool), new Set(), below.length + 1);
    expect(others.map((r) => r.trialId)).toEqual([second, ...below]);
  });

  const rowsArbitrary = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 150 })
    .chain((ids) =>
      fc.record({
        ids: fc.constant(ids),
        bests: fc.subarray(ids),
        limit: fc.integer({ min: 1, max: 160 }),
        order: fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
      }),
    );

  it('takes min(limit, n) trials, bests first, each once, in the rows’ order', () => {
    fc.assert(
      fc.property(rowsArbitrary, ({ ids, bests, limit }) => {
        const bestIds = new Set(bests);
        const { bests: kept, others } = sampleTrials(asRows(ids), bestIds, limit);
        const taken = [...kept, ...others].map((r) => r.trialId);
        expect(taken).toHaveLength(Math.min(limit, ids.length));
        expect(new Set(taken).size).toBe(taken.length);
        expect(kept.every((r) => bestIds.has(r.trialId))).toBe(true);
        expect(others.every((r) => !bestIds.has(r.trialId))).toBe(true);
        if (bests.length <= limit)
          expect(kept.map((r) => r.trialId)).toEqual(ids.filter((id) => bestIds.has(id)));
        else expect(others).toEqual([]);
        for (const part of [kept, others]) {
          const positions = part.map((r) => ids.indexOf(r.trialId));
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('picks the same trials whatever order they are listed in', () => {
    fc.assert(
      fc.property(rowsArbitrary, ({ ids, bests, limit, order }) => {
        const pickedFrom = (listing: readonly string[]) => {
          const { bests: kept, others } = sampleTrials(asRows(listing), new Set(bests), limit);
          return new Set([...kept, ...others].map((r) => r.trialId));
        };
        expect(pickedFrom(order)).toEqual(pickedFrom(ids));
      }),
    );
  });
});
