/**
 * Offset paging end to end against servers that repeat themselves: one that ignores `offset`
 * (caught by the walk's question, or by the repeated page when the meaning is configured), one
 * that starts repeating a page mid-walk, and jobs created at the head between pages. The real
 * adapter (signer, transport, schemas, normalizer); msw in front of the fake.
 */
import { getResponse, HttpResponse, http, type RequestHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/index.js';
import { modelartsFake } from '../../src/testing/index.js';
import { jobRequest } from '../testing/helpers/modelarts-fixtures.js';
import { client as clientOf, useFakeServer } from './helpers/env.js';

const fake = modelartsFake({ seed: 11, offsetMeaning: { trials: 'record', searches: 'page' } });
const server = useFakeServer(fake);

const client = (extra: Parameters<typeof clientOf>[1] = {}) => clientOf(fake, extra);
const SEARCHES = `${fake.endpoint}/v2/${fake.projectId}/training-job-searches`;
const TRIALS = `${fake.endpoint}/v2/${fake.projectId}/training-jobs/:id/autosearch-trials`;

/**
 * Answers `method url` with `rewrite(answer, n, earlier)`: the fake's real answer to the n-th
 * request (0-based), rewritten. Counts the requests.
 */
function rewriting(
  method: 'get' | 'post',
  url: string,
  rewrite: (
    answer: Record<string, unknown>,
    n: number,
    earlier: readonly Record<string, unknown>[],
  ) => Record<string, unknown>,
) {
  const answers: Record<string, unknown>[] = [];
  server.use(
    http[method](url, async ({ request }) => {
      const real = await getResponse(fake.handlers as RequestHandler[], request);
      const answer = rewrite((await real?.json()) as Record<string, unknown>, answers.length, answers);
      answers.push(answer);
      return HttpResponse.json(answer);
    }),
  );
  return { requests: () => answers.length };
}

const seedJobs = (n: number) => {
  for (let i = 0; i < n; i++)
    fake.state.seedJob({ name: `job-${i}`, createdAt: fake.clock.now() - (n - i) * 60_000 });
};

describe('experiments.list against a server that ignores offset', () => {
  it('is stopped by the walk’s question (offset 1 answered like offset 0) after three requests', async () => {
    seedJobs(12);
    const served = rewriting('post', SEARCHES, (answer, _n, earlier) => earlier[0] ?? answer);
    const error = await failure(client().experiments.list({ pageSize: 5 }).toArray());
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'modelarts', operation: 'ListTrainingJobs' });
    expect(error.message).toBe(
      'ListTrainingJobs: the same page came back for offset 0 and offset 1; the server ignores the offset',
    );
    expect(served.requests()).toBe(3);
  });

  it('is stopped at the first repeated page when what offset counts is configured', async () => {
    seedJobs(12);
    const served = rewriting('post', SEARCHES, (answer, _n, earlier) => earlier[0] ?? answer);
    const seen: string[] = [];
    const cloud = client({ offsetMeaning: { searches: 'page' } });
    const error = await failure(
      (async () => {
        for await (const e of cloud.experiments.list({ pageSize: 5 })) seen.push(e.name);
      })(),
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error.message).toMatch(
      /^ListTrainingJobs: page 2 holds only items already listed \(.+, … 5 in all; 5 items listed before it\)/,
    );
    expect(seen).toEqual(['job-11', 'job-10', 'job-9', 'job-8', 'job-7']);
    expect(served.requests()).toBe(2);
  });

  it('lists each job once when jobs are created at the head between pages (newest first)', async () => {
    seedJobs(12);
    const seen: string[] = [];
    let created = 0;
    for await (const page of client({ offsetMeaning: { searches: 'page' } })
      .experiments.list({ pageSize: 4 })
      .pages()) {
      seen.push(...page.items.map((e) => e.name));
      fake.state.seedJob({ name: `late-${created++}` });
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 0; i < 12; i++) expect(seen).toContain(`job-${i}`);
  });
});

describe('trials.list against a server that starts repeating mid-walk', () => {
  it('is stopped at the first repeated page, with every earlier trial listed once', async () => {
    const request = jobRequest({ numSamples: 12, maxConcurrent: 12 });
    const autoSearch = (request.algorithm as { policies: { auto_search: Record<string, unknown> } }).policies
      .auto_search;
    const job = fake.state.seedJob({ name: 'repeats', autoSearch, createdAt: fake.clock.now() - 86_400_000 });
    // Pages 1 and 2 as they are, then page 2 again and again, its total always one page ahead.
    const served = rewriting('get', TRIALS, (answer, n, earlier) =>
      n < 2 ? answer : { ...(earlier[1] as Record<string, unknown>), total: (n + 2) * 4 },
    );
    const seen: string[] = [];
    const cloud = client({ pageConcurrency: 1, offsetMeaning: { trials: 'record' } });
    const error = await failure(
      (async () => {
        for await (const trial of cloud.trials.list(job.id, { pageSize: 4 })) seen.push(trial.id);
      })(),
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'modelarts', operation: 'ShowAutoSearchTrials' });
    expect(error.message).toMatch(
      /^ShowAutoSearchTrials: page 3 holds only items already listed \(.+; 8 items/,
    );
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(served.requests()).toBe(3);
  });
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the call to fail with an Error');
}
