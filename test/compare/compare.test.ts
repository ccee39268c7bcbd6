/**
 * `compare` over generated runs, in-process: each run is a scripted provider whose `summarize` is
 * the real one over a scripted listing, and every number of the comparison is checked against a
 * plain reading of the documented rules (docs/compare.md) worked out here from the same trials.
 * The clouds' fakes over HTTP are clouds.test.ts; this is where the rules meet many more shapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompareRun, compare } from '../../src/compare/index.js';
import type { TuningProvider } from '../../src/core/contract.js';
import { summarizeExperiment } from '../../src/core/progress/summarize.js';
import type { Experiment, ObjectiveDirection, Trial, TrialStatus } from '../../src/core/types.js';
import { scriptedSource } from '../helpers/summary-source.js';
import { aTrial } from '../helpers/trial.js';

const minute = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
const RANKED: readonly TrialStatus[] = ['completed', 'early_stopped', 'stopped'];

interface Plan {
  status: TrialStatus;
  value: number | undefined;
  created: number | undefined;
  started: number | undefined;
  ended: number | undefined;
  a: number | undefined;
  b: string;
  extra: Record<string, number>;
  billable: number | undefined;
  type: string | undefined;
  count: number | undefined;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  status: fc.constantFrom<TrialStatus>('completed', 'failed', 'running', 'stopped', 'early_stopped'),
  // Few values, so ties are common; sometimes none, NaN or infinite.
  value: fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -4, max: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY) },
  ),
  created: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  started: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  ended: fc.option(fc.integer({ min: 10, max: 60 }), { nil: undefined }),
  a: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  b: fc.constantFrom('x', 'y'),
  // Names the search space does not have, in either order.
  extra: fc.constantFrom<Record<string, number>>({}, { d: 1, c: 2 }, { c: 3 }),
  billable: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
  type: fc.option(fc.constantFrom('ml.m5.xlarge', 'ml.p3.2xlarge'), { nil: undefined }),
  count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

const runPlan = fc.record({
  trials: fc.array(plan, { maxLength: 14 }),
  started: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  searchSpace: fc.boolean(),
});

function trialOf(run: string, i: number, p: Plan): Trial {
  return aTrial({
    id: `${run}-t${i}`,
    experimentId: run,
    status: p.status,
    objective: p.value === undefined ? undefined : { metric: 'score', value: p.value },
    createdAt: p.created === undefined ? undefined : minute(p.created),
    startedAt: p.started === undefined ? undefined : minute(p.started),
    endedAt: p.ended === undefined ? undefined : minute(p.ended),
    hyperParameters: { ...p.extra, b: p.b, ...(p.a === undefined ? {} : { a: p.a }) },
    usage: {
      billableSeconds: p.billable,
      instanceType: p.type,
      instanceCount: p.count,
      derived: [],
    },
  });
}

/**
 * A provider with one experiment and its trials: `get` and `summarize` (the real one) are all
 * compare uses. `calls` receives the options each is called with.
 */
function scripted(
  id: string,
  direction: ObjectiveDirection,
  trials: Trial[],
  {
    started,
    searchSpace = true,
    calls = [],
  }: { started?: number | undefined; searchSpace?: boolean; calls?: unknown[] } = {},
) {
  const experiment = {
    provider: 'sagemaker',
    id,
    name: id,
    status: 'completed',
    providerStatus: 'Completed',
    objective: { metric: 'score', direction },
    startedAt: started === undefined ? undefined : minute(started),
    searchSpace: searchSpace ? { spec: { b: {}, a: {} } } : undefined,
  } as unknown as Experiment;
  // Two pages, so a run's trials arrive as a listing's do.
  const source = scriptedSource(experiment, trials, { pages: 2, calls });
  return {
    id: 'sagemaker',
    experiments: {
      get: source.get,
      summarize: (experimentId: string, options?: Parameters<typeof summarizeExperiment>[3]) => {
        calls.push(options);
        return summarizeExperiment('sagemaker', source, experimentId, options);
      },
    },
  } as unknown as TuningProvider;
}

/** The rules, read plainly: a run's trials in order of start (ties as listed; as listed when any start is unknown). */
function inOrder(trials: Trial[]): Trial[] {
  const starts = trials.map((t) => (t.startedAt ?? t.createdAt)?.getTime());
  if (starts.some((s) => s === undefined)) return trials;
  return trials
    .map((t, i) => ({ t, i }))
    .sort((x, y) => (starts[x.i] as number) - (starts[y.i] as number) || x.i - y.i)
    .map(({ t }) => t);
}

const rankedValue = (t: Trial) =>
  RANKED.includes(t.status) && Number.isFinite(t.objective?.value)
    ? (t.objective?.value as number)
    : undefined;

const better = (a: number, b: number | undefined, direction: ObjectiveDirection) =>
  b === undefined || (direction === 'maximize' ? a > b : a < b);

const within = (v: number, best: number, tolerance: number, direction: ObjectiveDirection) =>
  direction === 'maximize' ? v >= best - tolerance * Math.abs(best) : v <= best + tolerance * Math.abs(best);

function reason(t: Trial) {
  if (t.status === 'failed') return 'failed';
  if (!RANKED.includes(t.status)) return 'not-ended';
  if (t.objective?.value === undefined) return 'no-objective';
  return 'not-finite';
}

const PRICES = { 'ml.m5.xlarge': 0.23, 'ml.p3.2xlarge': 3.825 };

describe('compare, against the documented rules', () => {
  it('ranks, orders, prices and times every run as the rules say', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(runPlan, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<ObjectiveDirection>('maximize', 'minimize'),
        fc.constantFrom(0, 0.01, 0.5),
        fc.boolean(),
        async (plans, direction, tolerance, priced) => {
          const labels = plans.map((_, r) => `run${r}`);
          const listed = plans.map((p, r) => p.trials.map((t, i) => trialOf(labels[r] as string, i, t)));
          const runs: CompareRun[] = plans.map((p, r) => ({
            provider: scripted(labels[r] as string, direction, listed[r] as Trial[], p),
            experimentId: labels[r] as string,
            label: labels[r],
          }));
          const comparison = await compare(runs, { tolerance, prices: priced ? PRICES : undefined });

          const ordered = listed.map(inOrder);
          // One row per trial: runs in the order given, each in its own order, numbered from 1.
          expect(comparison.trials.map((row) => [row.run, row.trialId, row.index])).toEqual(
            ordered.flatMap((trials, r) => trials.map((t, i) => [labels[r], t.id, i + 1])),
          );
          const all = ordered.flat();
          let bestValue: number | undefined;
          for (const t of all) {
            const v = rankedValue(t);
            if (v !== undefined && better(v, bestValue, direction)) bestValue = v;
          }
          expect(comparison.bestValue).toBe(bestValue);
          expect(comparison.excluded).toEqual(
            all
              .filter((t) => rankedValue(t) === undefined)
              .map((t) => ({ run: t.experimentId, trialId: t.id, reason: reason(t) })),
          );
          // The first run's search-space order (b, a) for the names it has, then the others by name.
          const present = new Set(all.flatMap((t) => Object.keys(t.hyperParameters)));
          const spaced = plans.some((p) => p.searchSpace) ? ['b', 'a'].filter((n) => present.has(n)) : [];
          expect(comparison.parameters).toEqual([
            ...spaced,
            ...[...present].filter((n) => !spaced.includes(n)).sort(),
          ]);

          comparison.runs.forEach((run, r) => {
            const trials = ordered[r] as Trial[];
            let best: Trial | undefined;
            for (const t of trials) {
              const v = rankedValue(t);
              if (v !== undefined && better(v, best && rankedValue(best), direction)) best = t;
            }
            expect(run.best).toEqual(
              best && { trialId: best.id, value: rankedValue(best), hyperParameters: best.hyperParameters },
            );
            expect(run.trialsToBest).toBe(best && trials.indexOf(best) + 1);
            const reached = (t: Trial) => {
              const v = rankedValue(t);
              return v !== undefined && bestValue !== undefined && within(v, bestValue, tolerance, direction);
            };
            const first = trials.findIndex(reached);
            expect(run.trialsToTolerance).toBe(first < 0 ? undefined : first + 1);
            // By time: trials with an end, by end (ties in run order), from the run's start (else its first trial's).
            const started = plans[r]?.started;
            const from = started === undefined ? run.summary.firstTrialAt : minute(started);
            const byEnd = trials
              .filter((t) => t.endedAt !== undefined)
              .map((t, i) => ({ t, i }))
              .sort((x, y) => (x.t.endedAt as Date).getTime() - (y.t.endedAt as Date).getTime() || x.i - y.i)
              .map(({ t }) => t);
            const firstByTime = byEnd.find(reached);
            expect(run.secondsToTolerance).toBe(
              from === undefined || firstByTime === undefined
                ? undefined
                : ((firstByTime.endedAt as Date).getTime() - from.getTime()) / 1000,
            );
            // Cost: billed seconds × instances × price per hour, for trials with all four.
            const costs = trials.map((t) => {
              const u = t.usage;
              const price =
                u?.instanceType === undefined ? undefined : PRICES[u.instanceType as keyof typeof PRICES];
              return price === undefined || u?.instanceCount === undefined || u.billableSeconds === undefined
                ? undefined
                : (u.billableSeconds * u.instanceCount * price) / 3600;
            });
            const pricedCosts = costs.filter((c) => c !== undefined);
            expect(run.cost).toBe(
              priced && pricedCosts.length > 0 ? pricedCosts.reduce((a, c) => a + c, 0) : undefined,
            );
            expect(run.unpricedTrials).toBe(priced ? costs.length - pricedCosts.length : 0);
            const rows = comparison.trials.filter((row) => row.run === run.label);
            expect(rows.map((row) => row.cost)).toEqual(priced ? costs : costs.map(() => undefined));

            const importance = comparison.importance[r];
            const ranked = trials.filter((t) => rankedValue(t) !== undefined);
            expect(importance?.trials).toBe(ranked.length);
            // Every name the run's trials have, once there are three ranked trials to go by.
            const names = new Set(trials.flatMap((t) => Object.keys(t.hyperParameters)));
            expect(importance?.parameters.map((p) => p.name).sort()).toEqual(
              ranked.length < 3 ? [] : [...names].sort(),
            );
            const curve = comparison.curves[r];
            expect(curve?.byTrial.at(-1)).toEqual(
              best && {
                x: trials.length,
                best: rankedValue(best),
                trialId: best.id,
              },
            );
          });
          if (priced) {
            expect(comparison.pricing?.unpriced.map((u) => u.trialId)).toEqual(
              comparison.trials.filter((row) => row.cost === undefined).map((row) => row.trialId),
            );
          } else expect(comparison.pricing).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('compare, at its edges', () => {
  const trials = [1, 2, 3].map((value, i) =>
    trialOf('e', i, {
      status: 'completed',
      value,
      created: i,
      started: i,
      ended: 20 + i,
      a: i,
      b: 'x',
      extra: {},
      billable: 60,
      type: 'ml.m5.xlarge',
      count: 1,
    }),
  );
  const run = (calls?: unknown[]): CompareRun => ({
    provider: scripted('e', 'maximize', trials, { calls }),
    experimentId: 'e',
  });

  it('takes the edges of what it allows: one run at a time, no tolerance, a price of 0', async () => {
    const comparison = await compare([run()], {
      concurrency: 1,
      tolerance: 0,
      prices: { 'ml.m5.xlarge': 0 },
    });
    expect(comparison.runs[0]?.cost).toBe(0);
    expect(comparison.runs[0]?.trialsToTolerance).toBe(3);
  });

  it('refuses a fractional concurrency and a negative or infinite price, naming it', async () => {
    await expect(compare([run()], { concurrency: 1.5 })).rejects.toThrow(
      /concurrency must be an integer >= 1, got 1.5/,
    );
    await expect(compare([run()], { prices: { 'ml.m5.xlarge': -1 } })).rejects.toThrow(
      /prices.ml.m5.xlarge must be a finite price per instance-hour >= 0, got -1/,
    );
    await expect(compare([run()], { prices: { big: Number.POSITIVE_INFINITY } })).rejects.toThrow(
      /prices.big/,
    );
  });

  it('times nothing in a run with no start to count from', async () => {
    const untimed = trials.map((t) => ({ ...t, createdAt: undefined, startedAt: undefined }));
    const comparison = await compare([{ provider: scripted('e', 'maximize', untimed), experimentId: 'e' }]);
    expect(comparison.runs[0]?.secondsToTolerance).toBeUndefined();
    expect(comparison.curves[0]?.byTime).toEqual([]);
    expect(comparison.runs[0]?.trialsToTolerance).toBe(3);
  });

  it('labels a run by its cloud and experiment when not told', async () => {
    const comparison = await compare([run()]);
    expect(comparison.runs.map((r) => r.label)).toEqual(['sagemaker:e']);
    expect(new Set(comparison.trials.map((row) => row.run))).toEqual(new Set(['sagemaker:e']));
  });

  it("passes the caller's signal, timeout and retry to every call it makes", async () => {
    const calls: unknown[] = [];
    const signal = new AbortController().signal;
    const retry = { maxAttempts: 2 };
    await compare([run(calls)], { signal, timeoutMs: 1234, retry });
    expect(calls).toHaveLength(2);
    for (const options of calls) expect(options).toMatchObject({ signal, timeoutMs: 1234, retry });
  });
});
