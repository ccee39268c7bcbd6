/**
 * Token paging end to end against servers that misbehave: fresh NextTokens over pages already
 * listed, pages that cycle, and training jobs launched at the head of the listing mid-walk.
 * The real adapter (signer, transport, schemas, normalizer); msw in front of the fake.
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/index.js';
import { client, failure, forwardToFake, operationOf, requestsFor, useFakeServer } from './helpers/env.js';

const { fake, server } = useFakeServer();
const ENDPOINT = `${fake.endpoint}/`;
const LIST_TRIALS = 'ListTrainingJobsForHyperParameterTuningJob';
const LIST_JOBS = 'ListHyperParameterTuningJobs';

/** Tokens these tests hand out; a request carrying one is answered here, never by the fake. */
const minted = (n: number) => `minted-${n}`;

/**
 * Answers `operation`: the n-th answer (0-based) is `rewrite(page, n, earlier)`, where `page` is
 * the fake's real answer to the request, or undefined when the request carried a minted token
 * (the fake would refuse it). Counts the requests.
 */
function rewriting(
  operation: string,
  rewrite: (
    page: Record<string, unknown> | undefined,
    n: number,
    earlier: readonly Record<string, unknown>[],
  ) => Record<string, unknown>,
) {
  const answers: Record<string, unknown>[] = [];
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      if (operationOf(request) !== operation) return undefined;
      const { NextToken } = (await request.clone().json()) as { NextToken?: string };
      const page = NextToken?.startsWith('minted-')
        ? undefined
        : ((await (await forwardToFake(fake, request)).json()) as Record<string, unknown>);
      const answer = rewrite(page, answers.length, answers);
      answers.push(answer);
      return HttpResponse.json(answer, { headers: { 'x-amzn-RequestId': `rid-${answers.length}` } });
    }),
  );
  return { requests: () => answers.length };
}

function seedJob(name: string, trials: number) {
  fake.state.seedTuningJob({ name, maxNumberOfTrainingJobs: 100 });
  return fake.state.seedTrainingJobs(name, trials);
}

describe('trials.list against a misbehaving NextToken server', () => {
  it('stops a server handing out fresh tokens over the first page at the second request', async () => {
    const names = seedJob('endless-trials', 12);
    const served = rewriting(LIST_TRIALS, (page, n, earlier) => ({
      ...(page ?? earlier[0]),
      NextToken: minted(n),
    }));
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const trial of client().trials.list('endless-trials', { pageSize: 5 }))
          seen.push(trial.id);
      })(),
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'sagemaker', operation: LIST_TRIALS });
    expect(error.message).toMatch(
      new RegExp(
        `^${LIST_TRIALS}: page 2 holds only items already listed \\(.+, … 5 in all; 5 items listed before it\\)`,
      ),
    );
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen.every((id) => names.includes(id))).toBe(true);
    expect(served.requests()).toBe(2);
  });

  it('stops a server cycling through three pages at the first page it repeats', async () => {
    seedJob('cycling-trials', 15);
    // The fake's own pages 1–3 (the last of them given a token), then those again.
    const served = rewriting(LIST_TRIALS, (page, n, earlier) => ({
      ...(page ?? earlier[n % 3]),
      NextToken: n < 2 ? page?.NextToken : minted(n),
    }));
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const trial of client().trials.list('cycling-trials', { pageSize: 5 }))
          seen.push(trial.id);
      })(),
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error.message).toMatch(/page 4 holds only items already listed/);
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
    expect(served.requests()).toBe(4);
  });

  it('yields each training job once when jobs are launched at the head between pages', async () => {
    const names = seedJob('growing', 12);
    const seen: string[] = [];
    const listing = client().trials.list('growing', { pageSize: 4, sortBy: 'createdAt', sortOrder: 'desc' });
    for await (const page of listing.pages()) {
      seen.push(...page.items.map((t) => t.id));
      // Newest first: each launch shifts every listed job back by one.
      fake.state.seedTrainingJobs('growing', 2);
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const name of names) expect(seen).toContain(name);
    // Positional tokens over a listing that grew: some jobs came back on a later page.
    const requests = requestsFor(fake, LIST_TRIALS).length;
    expect(requests).toBeGreaterThan(3);
  });
});

describe('experiments.list against a misbehaving NextToken server', () => {
  it('stops a server that starts over with every token at the second request', async () => {
    for (let i = 0; i < 7; i++) fake.state.seedTuningJob({ name: `restart-${i}` });
    const served = rewriting(LIST_JOBS, (page, n, earlier) => ({
      ...(page ?? earlier[0]),
      NextToken: minted(n),
    }));
    const error = await failure(client().experiments.list({ pageSize: 3 }).toArray());
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'sagemaker', operation: LIST_JOBS });
    expect(error.message).toMatch(/^ListHyperParameterTuningJobs: page 2 holds only items already listed/);
    expect(served.requests()).toBe(2);
  });

  it('stops a token that comes back after three pages, asking nothing more', async () => {
    for (let i = 0; i < 9; i++) fake.state.seedTuningJob({ name: `loop-${i}` });
    // The fake's own pages; the fourth hands back the token the first one gave.
    const served = rewriting(LIST_JOBS, (page, n, earlier) => ({
      ...page,
      NextToken: n === 3 ? earlier[0]?.NextToken : page?.NextToken,
    }));
    const error = await failure(client().experiments.list({ pageSize: 2 }).toArray());
    expect(PaginationError.is(error)).toBe(true);
    expect(error.message).toBe(
      'ListHyperParameterTuningJobs returned a page token it had already returned (with page 4); the walk would loop',
    );
    expect(served.requests()).toBe(4);
  });
});
