import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ModelArtsFake, modelartsFake } from '../../src/testing/index.js';
import { callModelArts, jobsPath, searchPath } from './helpers/modelarts-call.js';
import { jobRequest } from './helpers/modelarts-fixtures.js';
import { useModelArtsFakes } from './helpers/modelarts-msw.js';

const HOUR = 60 * 60_000;
const REGIONS = ['cn-north-4', 'cn-east-3', 'cn-south-1', 'cn-southwest-2'] as const;
const [a, b, c, d] = REGIONS.map((region) =>
  modelartsFake({ region, seed: region === 'cn-south-1' ? 8 : 7 }),
) as [ModelArtsFake, ModelArtsFake, ModelArtsFake, ModelArtsFake];
useModelArtsFakes(a, b, c, d);

/** Creates a job, lets it run, and returns everything the API says about it (request ids aside). */
async function scenario(fake: ModelArtsFake, steps = 1) {
  const created = await callModelArts(fake, 'POST', jobsPath(fake), {
    body: jobRequest({ numSamples: 6, maxConcurrent: 2 }),
  });
  const id: string = created.json.metadata.id;
  const trialIds = () => fake.state.trialsOf(id).map((t) => t.id);
  for (let i = 0; i < steps; i++) {
    fake.clock.advance((6 * HOUR) / steps);
    if (steps > 1) await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-trials'));
  }
  return {
    id,
    job: (await callModelArts(fake, 'GET', jobsPath(fake, id))).json,
    trials: (await callModelArts(fake, 'GET', jobsPath(fake, id, '/autosearch-trials'))).json,
    perTrial: await Promise.all(
      trialIds().map(
        async (t) => (await callModelArts(fake, 'GET', jobsPath(fake, id, `/autosearch-trials/${t}`))).json,
      ),
    ),
    search: (await callModelArts(fake, 'POST', searchPath(fake), { body: {} })).json,
  };
}

describe('determinism', () => {
  it('replays identically for the same seed, and differently for another', async () => {
    const first = await scenario(a);
    const second = await scenario(b);
    expect(second).toEqual(first);
    const other = await scenario(c);
    expect(other.id).not.toBe(first.id);
    expect(other.trials).not.toEqual(first.trials);
  });

  it('ends the same whether the clock jumps at once or is watched step by step', async () => {
    const atOnce = await scenario(a, 1);
    const stepwise = await scenario(d, 72);
    expect(stepwise).toEqual(atOnce);
  });

  it('runs on a clock moved by fractions of a millisecond (a jittered wait)', async () => {
    a.clock.advance(0.25);
    const created = await callModelArts(a, 'POST', jobsPath(a), {
      body: jobRequest({ numSamples: 6, maxConcurrent: 2 }),
    });
    const id: string = created.json.metadata.id;
    for (let i = 0; i < 50; i++) {
      a.clock.advance(HOUR / 7.3);
      expect((await callModelArts(a, 'GET', jobsPath(a, id, '/autosearch-trials'))).status).toBe(200);
    }
    expect(a.state.trialsOf(id)).toHaveLength(6);
  });

  it('keeps a job’s trials when other jobs are created after it', async () => {
    const alone = await scenario(a);
    await callModelArts(b, 'POST', jobsPath(b), { body: jobRequest({ numSamples: 6, maxConcurrent: 2 }) });
    await callModelArts(b, 'POST', jobsPath(b), { body: jobRequest({ name: 'later' }) });
    b.clock.advance(6 * HOUR);
    const configs = (fake: ModelArtsFake) =>
      fake.state.trialsOf(alone.id).map((t) => [t.id, t.config, t.reports]);
    expect(configs(b)).toEqual(configs(a));
  });

  it('restarts ids, tokens, request ids and the clock on reset()', async () => {
    const before = await scenario(a);
    const token = a.state.issueToken().token;
    const requestIds = a.requests.length;
    a.reset();
    expect(a.clock.now()).toBe(Date.UTC(2026, 0, 1));
    expect(a.requests).toHaveLength(0);
    expect(requestIds).toBeGreaterThan(0);
    expect(await scenario(a)).toEqual(before);
    a.reset();
    expect(a.state.issueToken().token).toBe(token);
  });

  it('keeps its invariants for any seed, sample count and concurrency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('bayes_opt_search', 'tpe_search', 'anneal_search'),
        fc.constantFrom<'max' | 'min'>('max', 'min'),
        (seed, numSamples, maxConcurrent, algorithm, mode) => {
          const fake = modelartsFake({ seed });
          const request = jobRequest({ numSamples, maxConcurrent, algorithm, mode });
          const autoSearch = (request.algorithm as { policies: { auto_search: Record<string, unknown> } })
            .policies.auto_search;
          const job = fake.state.seedJob({ autoSearch });
          fake.clock.advance(24 * HOUR);
          const ended = fake.state.job(job.id);
          const trials = fake.state.trialsOf(job.id);
          expect(trials).toHaveLength(numSamples);
          expect(ended?.phase).toBe(
            trials.some((t) => t.endStatus === 'TERMINATED') ? 'Completed' : 'Failed',
          );
          expect(ended?.endedAt).toBe(Math.max(...trials.map((t) => t.endedAt as number)));
          expect(new Set(trials.map((t) => t.id)).size).toBe(numSamples);
          for (const t of trials) {
            expect(t.id).toMatch(/^[0-9a-f]{8}$/);
            expect(t.createdAt).toBeGreaterThanOrEqual(ended?.runningAt as number);
            expect(t.runStartAt).toBeGreaterThan(t.createdAt);
            expect(t.endedAt).toBe(t.plannedEndAt);
            const iterations = t.reports.map((r) => r.iteration);
            expect(iterations).toEqual(iterations.map((_, i) => i + 1));
            if (t.endStatus === 'TERMINATED') expect(t.reports.at(-1)?.at).toBe(t.endedAt);
            for (const r of t.reports) expect(r.at).toBeLessThanOrEqual(t.endedAt as number);
            const unfinished = trials.filter(
              (o) => o.createdAt <= t.createdAt && (o.endedAt as number) > t.createdAt,
            );
            expect(unfinished.length).toBeLessThanOrEqual(maxConcurrent);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
