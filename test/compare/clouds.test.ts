/**
 * `compare` over the same experiment run on SageMaker, PAI and ModelArts, through the real
 * adapters against their fakes (msw at the HTTP boundary), and its three exports read back the
 * way a consumer reads them: JSON against the shipped schema, CSV by an RFC 4180 parser.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompareRun,
  type Comparison,
  compare,
  ObjectiveMismatchError,
  toCsv,
  toJson,
  toMarkdown,
} from '../../src/compare/index.js';
import { type CloudRuns, runOnClouds } from './helpers/clouds.js';

/** The operation each cloud's `experiments.get` sends. */
const GET_OPERATION: Record<string, string> = {
  sagemaker: 'DescribeHyperParameterTuningJob',
  pai: 'GetHpoExperiment',
  modelarts: 'ShowTrainingJobDetails',
};

const runs: CompareRun[] = [];
let clouds: CloudRuns | undefined;
let comparison: Comparison;

beforeAll(async () => {
  clouds = await runOnClouds();
  runs.push(...clouds.runs);
  comparison = await compare(runs, { prices: { 'ml.m5.xlarge': 0.23 } });
});
afterAll(() => clouds?.close());

describe('compare on three clouds', () => {
  it('compares by the objective every run shares', () => {
    expect(comparison.objective).toEqual({
      metric: 'validation:auc',
      direction: 'maximize',
      rule: 'shared',
      runs: ['sagemaker', 'pai', 'modelarts'].map((label) => ({
        label,
        metric: 'validation:auc',
        direction: 'maximize',
      })),
    });
    // In the first run's search-space order as its cloud reads it back (SageMaker groups ranges by type).
    const first = comparison.runs[0]?.summary.experiment.searchSpace?.spec ?? {};
    expect(comparison.parameters).toEqual(Object.keys(first));
    expect(new Set(comparison.parameters)).toEqual(new Set(['eta', 'max_depth', 'subsample', 'booster']));
  });

  it("reads each run's experiment once: the objective check and the summary share the reading", async () => {
    const before = runs.map((run) => (clouds as CloudRuns).operations(run.label as string).length);
    await compare(runs);
    runs.forEach((run, i) => {
      const sent = (clouds as CloudRuns).operations(run.label as string).slice(before[i]);
      expect(sent.filter((op) => op === GET_OPERATION[run.label as string])).toHaveLength(1);
    });
  });

  it('has one row per trial of every run, each run in its own order from 1', async () => {
    for (const { label, provider, experimentId } of runs) {
      const listed = await provider.trials.list(experimentId).toArray();
      const rows = comparison.trials.filter((row) => row.run === label);
      expect(rows.map((row) => row.trialId).sort()).toEqual(listed.map((t) => t.id).sort());
      expect(rows.map((row) => row.index)).toEqual(rows.map((_, i) => i + 1));
      for (const row of rows) {
        const trial = listed.find((t) => t.id === row.trialId);
        expect(row.objective).toBe(trial?.objective?.value);
        expect(row.hyperParameters).toEqual(trial?.hyperParameters);
        expect(row.durationSeconds).toBe(trial?.usage?.durationSeconds);
      }
    }
  });

  it("names each run's best, and the best across runs", () => {
    const ranked = comparison.trials.filter((row) => row.excluded === undefined);
    const best = Math.max(...ranked.map((row) => row.objective as number));
    expect(comparison.bestValue).toBe(best);
    for (const run of comparison.runs) {
      const own = ranked.filter((row) => row.run === run.label);
      const top = Math.max(...own.map((row) => row.objective as number));
      expect(run.best?.value).toBe(top);
      const first = own.find((row) => row.objective === top);
      expect(run.trialsToBest).toBe(first?.index);
      expect(run.best?.hyperParameters).toEqual(first?.hyperParameters);
    }
    expect(comparison.runs.some((run) => run.best?.value === best)).toBe(true);
  });

  it('lists every trial left out of the ranking, with why', () => {
    const left = comparison.trials.filter((row) => row.excluded !== undefined);
    expect(comparison.excluded).toEqual(
      left.map((row) => ({ run: row.run, trialId: row.trialId, reason: row.excluded })),
    );
    for (const row of left) {
      if (row.status === 'failed') expect(row.excluded).toBe('failed');
      else if (row.objective === undefined) expect(row.excluded).toBe('no-objective');
    }
  });

  it('prices what it can and says why it could not price the rest', () => {
    const pricing = comparison.pricing;
    expect(pricing?.prices).toEqual({ 'ml.m5.xlarge': 0.23 });
    const sagemaker = comparison.trials.filter(
      (row) => row.run === 'sagemaker' && row.billableSeconds !== undefined,
    );
    expect(sagemaker.length).toBeGreaterThan(0);
    for (const row of sagemaker)
      expect(row.cost).toBeCloseTo(((row.billableSeconds as number) * 0.23) / 3600, 12);
    const run = comparison.runs.find((r) => r.label === 'sagemaker');
    expect(run?.cost).toBeCloseTo(
      sagemaker.reduce((sum, row) => sum + (row.cost ?? 0), 0),
      12,
    );
    // PAI and ModelArts report no instance type for their trials: nothing to price by.
    for (const label of ['pai', 'modelarts']) {
      const rows = comparison.trials.filter((row) => row.run === label);
      const reasons = new Set(pricing?.unpriced.filter((u) => u.run === label).map((u) => u.reason));
      expect(reasons).toEqual(new Set(['no-instance-type']));
      expect(comparison.runs.find((r) => r.label === label)?.unpricedTrials).toBe(rows.length);
    }
  });

  it('draws best-so-far curves that only improve, by trial and (where trials have times) by time', () => {
    for (const curve of comparison.curves) {
      expect(curve.byTrial.length).toBeGreaterThan(0);
      for (const points of [curve.byTrial, curve.byTime]) {
        for (let i = 1; i < points.length; i++) {
          expect(points[i]?.x).toBeGreaterThan(points[i - 1]?.x as number);
          expect(points[i]?.best).toBeGreaterThanOrEqual(points[i - 1]?.best as number);
        }
      }
      const run = comparison.runs.find((r) => r.label === curve.run);
      expect(curve.byTrial.at(-1)?.best).toBe(run?.best?.value);
    }
    // The ModelArts trial table dates no trial: no time axis there.
    expect(comparison.curves.find((c) => c.run === 'modelarts')?.byTime).toEqual([]);
    expect(comparison.curves.find((c) => c.run === 'sagemaker')?.byTime.length).toBeGreaterThan(0);
  });

  it('exports JSON that the shipped schema accepts, and that survives a round trip', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../schema/comparison-v1.schema.json', import.meta.url), 'utf8'),
    );
    const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)) && text.endsWith('Z'));
    const validate = ajv.compile(schema);
    const json = toJson(comparison);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json.trials).toHaveLength(comparison.trials.length);
    expect(validate({ ...json, version: 2 })).toBe(false);
    expect(validate({ ...json, extra: true })).toBe(false);
  });

  it('exports CSV an RFC 4180 parser reads back, a column per hyperparameter', () => {
    const records = parse(toCsv(comparison, { table: 'trials' }), {
      columns: true,
      record_delimiter: '\r\n',
    }) as Record<string, string>[];
    expect(records).toHaveLength(comparison.trials.length);
    const [first] = comparison.trials;
    expect(records[0]).toMatchObject({
      run: first?.run,
      trial: first?.trialId,
      status: first?.status,
      'validation:auc': first?.objective === undefined ? '' : String(first.objective),
      'param:eta': String(first?.hyperParameters.eta),
      'param:booster': String(first?.hyperParameters.booster),
    });
    const runsCsv = parse(toCsv(comparison, { table: 'runs' }), { columns: true }) as Record<
      string,
      string
    >[];
    expect(runsCsv.map((r) => r.run)).toEqual(['sagemaker', 'pai', 'modelarts']);
    expect(runsCsv[0]?.['best_validation:auc']).toBe(String(comparison.runs[0]?.best?.value));
    expect(() => toCsv(comparison, { table: 'other' as 'runs' })).toThrow(/table/);
  });

  it('exports Markdown with the runs, the best hyperparameters and what mattered', () => {
    const md = toMarkdown(comparison);
    expect(md).toContain('## Comparison by validation:auc (maximize)');
    expect(md).toContain('every run optimises validation:auc (maximize)');
    for (const run of comparison.runs) expect(md).toContain(`| ${run.label} | ${run.cloud} |`);
    expect(md).toContain('### Best hyperparameters');
    expect(md).toContain('| eta |');
  });
});

describe('objectives that differ', () => {
  it('are not mixed: a typed error naming each run’s objective', async () => {
    const [sm] = runs;
    const minimizing: CompareRun = {
      provider: {
        ...sm?.provider,
        experiments: {
          ...sm?.provider.experiments,
          get: async (id: string) => ({
            ...(await sm?.provider.experiments.get(id)),
            objective: { metric: 'validation:auc', direction: 'minimize' },
          }),
        },
      } as CompareRun['provider'],
      experimentId: sm?.experimentId as string,
      label: 'flipped',
    };
    const error = await compare([runs[0] as CompareRun, minimizing]).catch((e: unknown) => e);
    expect(ObjectiveMismatchError.is(error)).toBe(true);
    expect((error as ObjectiveMismatchError).objectives).toEqual([
      { label: 'sagemaker', metric: 'validation:auc', direction: 'maximize' },
      { label: 'flipped', metric: 'validation:auc', direction: 'minimize' },
    ]);
    expect((error as Error).message).toMatch(/pass options.objective/);
  });

  it('are compared under a mapping the caller gives, by another metric where named', async () => {
    const mapped = await compare(runs.slice(0, 2), {
      objective: { metric: 'auc', direction: 'maximize', metrics: { pai: 'default' } },
    });
    expect(mapped.objective).toMatchObject({ metric: 'auc', rule: 'mapped' });
    expect(mapped.objective.runs).toEqual([
      { label: 'sagemaker', metric: 'validation:auc', direction: 'maximize' },
      { label: 'pai', metric: 'default', direction: 'maximize' },
    ]);
    // PAI's `default` is its weighted sum: with one weight of 1, the objective itself.
    const pai = mapped.trials.filter((row) => row.run === 'pai');
    const own = comparison.trials.filter((row) => row.run === 'pai');
    expect(pai.map((row) => row.objective)).toEqual(own.map((row) => row.objective));
  });

  it('refuse a mapping in the other direction than a run optimises', async () => {
    const error = await compare(runs, { objective: { metric: 'auc', direction: 'minimize' } }).catch(
      (e) => e,
    );
    expect(ObjectiveMismatchError.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/maximizes validation:auc, but the comparison minimizes auc/);
  });

  it('refuse bad options before reading anything', async () => {
    await expect(compare([])).rejects.toThrow(/at least one run/);
    await expect(compare(runs, { tolerance: -1 })).rejects.toThrow(/tolerance/);
    await expect(compare(runs, { concurrency: 0 })).rejects.toThrow(/concurrency/);
    await expect(compare(runs, { prices: { x: Number.NaN } })).rejects.toThrow(/prices.x/);
    await expect(compare([runs[0] as CompareRun, runs[0] as CompareRun])).rejects.toThrow(
      /labelled sagemaker/,
    );
    await expect(
      compare(runs, { objective: { metric: 'a', direction: 'maximize', metrics: { nobody: 'x' } } }),
    ).rejects.toThrow(/nobody/);
  });
});
