/**
 * Page-number paging (`PageNumber`/`PageSize`/`TotalCount`): concurrent prefetch once the total
 * is known, in-order yield, guards, cursors, and the filters and sorts PAI cannot do itself.
 */
import { delay, HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError, PaginationError } from '../../src/index.js';
import { BASE, client, experimentItem, failure, trialItem, usePaiServer } from './helpers/env.js';

const env = usePaiServer();

/** A paged source over `items`; records each page asked for and how many were in flight at once. */
function pagedSource<T>(
  path: string,
  key: string,
  items: () => T[],
  options: { latencyMs?: number; total?: (page: number) => number | undefined } = {},
) {
  const asked: number[] = [];
  const answeredFirst: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const handler = http.get(`${BASE}${path}`, async ({ request }) => {
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('PageNumber'));
    const size = Number(url.searchParams.get('PageSize'));
    asked.push(page);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await delay(options.latencyMs ?? 20);
    inFlight--;
    answeredFirst.push(page);
    const all = items();
    const total = options.total ? options.total(page) : all.length;
    return HttpResponse.json({ TotalCount: total, [key]: all.slice((page - 1) * size, page * size) });
  });
  env.server.use(handler);
  // A trial listing first reads its experiment, whose objective names the trials'.
  const experiment = /^\/hpo\/experiment\/([^/]+)\/trials$/.exec(path)?.[1];
  if (experiment)
    env.server.use(
      http.get(`${BASE}/hpo/experiment/${experiment}`, () => HttpResponse.json(experimentItem(experiment))),
    );
  return { asked, maxInFlight: () => maxInFlight, answeredFirst };
}

/** The requests of a walk that listed trials (not the experiment read before them). */
async function trialRequests() {
  return (await env.settled()).filter((r) => r.url.pathname.endsWith('/trials'));
}

const experiments = (n: number) => Array.from({ length: n }, (_, i) => experimentItem(`e${i}`));
const trials = (n: number, overrides: (i: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: n }, (_, i) => trialItem(`t${i}`, overrides(i)));

describe('experiments.list', () => {
  it('fetches page 1 alone, then the later pages concurrently (bounded), yielding in order', async () => {
    const source = pagedSource('/hpo/experiments', 'Experiments', () => experiments(23));
    const listed = await client({ pageConcurrency: 3 }).experiments.list({ pageSize: 5 }).toArray();
    expect(listed.map((e) => e.id)).toEqual(experiments(23).map((e) => e.ExperimentId));
    expect(source.asked[0]).toBe(1);
    expect(source.answeredFirst[0]).toBe(1);
    expect([...source.asked].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(source.maxInFlight()).toBe(3);
  });

  it('walks one page at a time with pageConcurrency 1', async () => {
    const source = pagedSource('/hpo/experiments', 'Experiments', () => experiments(12));
    expect(await client({ pageConcurrency: 1 }).experiments.list({ pageSize: 3 }).toArray()).toHaveLength(12);
    expect(source.asked).toEqual([1, 2, 3, 4]);
    expect(source.maxInFlight()).toBe(1);
  });

  it('ends with a PaginationError when the total shrinks during the walk', async () => {
    pagedSource('/hpo/experiments', 'Experiments', () => experiments(20), {
      total: (page) => (page === 1 ? 20 : 14),
    });
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const e of client().experiments.list({ pageSize: 5 })) seen.push(e.id);
      })(),
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error.message).toMatch(/the total shrank from 20 to 14/);
    expect(seen).toHaveLength(5);
  });

  it('sends the query as PAI spells it, and the workspace of the client', async () => {
    pagedSource('/hpo/experiments', 'Experiments', () => []);
    await client({ workspaceId: 'ws-9' })
      .experiments.list({
        nameContains: 'churn',
        createdAfter: new Date('2024-03-01T00:00:00Z'),
        createdBefore: new Date('2024-04-01T12:30:00Z'),
        sortBy: 'createdAt',
        sortOrder: 'desc',
        status: 'running',
        pageSize: 7,
      })
      .toArray();
    const queries = (await env.settled()).map((r) => Object.fromEntries(r.url.searchParams));
    expect(queries).toEqual(
      ['RUNNING', 'NO_MORE_TRIAL'].map((Status) => ({
        Name: 'churn',
        MinCreateTime: '2024-03-01 00:00:00',
        MaxCreateTime: '2024-04-01 12:30:00',
        SortBy: 'create_time',
        Order: 'DESC',
        Status,
        WorkspaceId: 'ws-9',
        IncludeConfigData: 'True',
        PageNumber: '1',
        PageSize: '7',
      })),
    );
  });

  it('lists every PAI word of a neutral status, and nothing for one PAI has no word for', async () => {
    env.server.use(
      http.get(`${BASE}/hpo/experiments`, ({ request }) => {
        const status = new URL(request.url).searchParams.get('Status');
        return HttpResponse.json({
          TotalCount: 1,
          Experiments: [experimentItem(`id-${status}`, { Status: status })],
        });
      }),
    );
    const stopped = await client().experiments.list({ status: 'stopped' }).toArray();
    expect(stopped.map((e) => [e.id, e.status])).toEqual([
      ['id-EARLY_STOPPED', 'stopped'],
      ['id-USER_CANCELED', 'stopped'],
      ['id-SYS_CANCELED', 'stopped'],
    ]);
    env.requests.length = 0;
    expect(await client().experiments.list({ status: 'stopping' }).toArray()).toEqual([]);
    expect(env.requests).toHaveLength(0);
  });

  it('resumes from a page cursor with exactly the rest', async () => {
    pagedSource('/hpo/experiments', 'Experiments', () => experiments(9));
    const pages = [];
    for await (const page of client().experiments.list({ pageSize: 4 }).pages()) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 1]);
    expect(pages[2]?.cursor).toBeUndefined();
    const rest = await client().experiments.list({ pageSize: 4, cursor: pages[0]?.cursor }).toArray();
    expect(rest.map((e) => e.id)).toEqual(['e4', 'e5', 'e6', 'e7', 'e8']);
  });

  it('refuses a page size PAI would not take and a sort it cannot do, before sending', () => {
    expect(() => client().experiments.list({ pageSize: 0 })).toThrow(InvalidArgumentError);
    expect(() => client().experiments.list({ pageSize: 101 })).toThrow(/from 1 to 100/);
    expect(() => client().experiments.list({ sortBy: 'name' })).toThrow(InvalidArgumentError);
    expect(env.requests).toHaveLength(0);
  });
});

describe('trials.list', () => {
  it('filters by status client-side, keeping full pages for the walk', async () => {
    const statuses = ['SUCCEEDED', 'FAILED', 'RUNNING', 'FINISHED', 'EARLY_STOPPED'];
    pagedSource('/hpo/experiment/exp1/trials', 'Trials', () =>
      trials(11, (i) => ({ Status: statuses[i % statuses.length] })),
    );
    const completed = await client().trials.list('exp1', { status: 'completed', pageSize: 3 }).toArray();
    expect(completed.map((t) => [t.id, t.providerStatus])).toEqual([
      ['t0', 'SUCCEEDED'],
      ['t3', 'FINISHED'],
      ['t5', 'SUCCEEDED'],
      ['t8', 'FINISHED'],
      ['t10', 'SUCCEEDED'],
    ]);
    const queries = (await trialRequests()).map((r) => Object.fromEntries(r.url.searchParams));
    expect(queries.every((q) => q.Status === undefined && q.SortBy === undefined)).toBe(true);
  });

  it('walks to a short page when PAI leaves TotalCount out', async () => {
    const source = pagedSource('/hpo/experiment/exp1/trials', 'Trials', () => trials(7), {
      total: () => undefined,
    });
    expect(await client().trials.list('exp1', { pageSize: 3 }).toArray()).toHaveLength(7);
    expect(source.asked).toEqual([1, 2, 3]);
  });

  it('sorts by creation time with CREATE_TIME and the order asked', async () => {
    pagedSource('/hpo/experiment/exp1/trials', 'Trials', () => trials(2));
    await client().trials.list('exp1', { sortBy: 'createdAt', sortOrder: 'desc' }).toArray();
    const [sent] = await trialRequests();
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toMatchObject({
      SortBy: 'CREATE_TIME',
      Order: 'DESC',
    });
    expect(() => client().trials.list('exp1', { sortBy: 'status' })).toThrow(InvalidArgumentError);
  });

  it('sorts by objective best first by the experiment direction, trials without one last', async () => {
    const all = trials(6, (i) =>
      i % 2 === 0 ? { FinalMetric: String(i / 10), Metric: '' } : { FinalMetric: '', Metric: '' },
    );
    env.server.use(
      http.get(`${BASE}/hpo/experiment/exp1`, () =>
        HttpResponse.json({
          ExperimentId: 'exp1',
          // Only the direction is read: a search space the neutral form cannot hold is no obstacle.
          SearchSpace: "{'foo': 'bar'}",
          HpoExperimentConfiguration: {
            yml_config: { tuner: { name: 'TPE', class_args: { optimize_mode: 'minimize' } } },
          },
        }),
      ),
      http.get(`${BASE}/hpo/experiment/exp1/trials`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        // PAI's own FINAL_METRIC order: here, trials without a final metric first.
        const sorted =
          q.get('SortBy') === 'FINAL_METRIC'
            ? [...all].sort((a, b) => Number(a.FinalMetric || -1) - Number(b.FinalMetric || -1))
            : all;
        return HttpResponse.json({ TotalCount: sorted.length, Trials: sorted.slice(0, 10) });
      }),
    );
    const listed = await client().trials.list('exp1', { sortBy: 'objective' }).toArray();
    expect(listed.map((t) => [t.id, t.objective?.value])).toEqual([
      ['t0', 0],
      ['t2', 0.2],
      ['t4', 0.4],
      ['t1', undefined],
      ['t3', undefined],
      ['t5', undefined],
    ]);
    const sent = (await env.settled()).map(
      (r) =>
        `${r.url.pathname.split('/').pop()} ${r.url.searchParams.get('SortBy') ?? ''} ${r.url.searchParams.get('Order') ?? ''}`,
    );
    expect(sent).toEqual(['exp1  ', 'trials FINAL_METRIC ASC', 'trials CREATE_TIME ASC']);
  });

  it('sorts by objective in the order asked, whatever the experiment direction', async () => {
    pagedSource('/hpo/experiment/exp1/trials', 'Trials', () => trials(2));
    await client().trials.list('exp1', { sortBy: 'objective', sortOrder: 'desc' }).toArray();
    const sent = await trialRequests();
    expect(sent.map((r) => r.url.searchParams.get('SortBy'))).toEqual(['FINAL_METRIC', 'CREATE_TIME']);
    expect(sent[0]?.url.searchParams.get('Order')).toBe('DESC');
  });
});

describe('a server that repeats itself or moves items between pages', () => {
  const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
  // A trial listing first reads its experiment, whose objective names the trials'.
  beforeEach(() => {
    env.server.use(http.get(`${BASE}/hpo/experiment/exp1`, () => HttpResponse.json(experimentItem('exp1'))));
  });

  it('stops a server that ignores PageNumber at the first repeated page, listing page 1 once', async () => {
    let served = 0;
    env.server.use(
      http.get(`${BASE}/hpo/experiments`, () => {
        served++;
        return HttpResponse.json({ TotalCount: 10, Experiments: experiments(10).slice(0, 3) });
      }),
    );
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const e of client().experiments.list({ pageSize: 3 })) seen.push(e.id);
      })(),
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'pai', operation: 'ListHpoExperiments' });
    expect(error.message).toBe(
      'ListHpoExperiments: page 2 holds only items already listed (e0, e1, e2; 3 items listed before it): ' +
        'the server repeats pages, or more than a page of items was inserted ahead of the walk between two requests',
    );
    expect(seen).toEqual(['e0', 'e1', 'e2']);
    // Page 1, then pages 2–4 asked for together (default concurrency 4, 4 pages in all).
    expect(served).toBe(4);
  });

  it('stops a TotalCount always one page ahead over pages already listed', async () => {
    let served = 0;
    env.server.use(
      http.get(`${BASE}/hpo/experiment/exp1/trials`, ({ request }) => {
        served++;
        const page = Number(new URL(request.url).searchParams.get('PageNumber'));
        // Pages 1 and 2 for ever, the total one page beyond the page asked for.
        const start = ((page - 1) % 2) * 2;
        return HttpResponse.json({ TotalCount: (page + 1) * 2, Trials: trials(4).slice(start, start + 2) });
      }),
    );
    const error = await failure(
      client({ pageConcurrency: 1 }).trials.list('exp1', { pageSize: 2 }).toArray(),
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'pai', operation: 'ListHpoTrials' });
    expect(error.message).toMatch(/^ListHpoTrials: page 3 holds only items already listed \(t0, t1; 4 items/);
    expect(served).toBe(3);
  });

  it('lists each trial once when trials are created at the head between pages', async () => {
    for (const pageConcurrency of [1, 4]) {
      const all = trials(11);
      let created = 0;
      env.server.use(
        http.get(`${BASE}/hpo/experiment/exp1/trials`, ({ request }) => {
          const url = new URL(request.url);
          const page = Number(url.searchParams.get('PageNumber'));
          const size = Number(url.searchParams.get('PageSize'));
          const answer = { TotalCount: all.length, Trials: all.slice((page - 1) * size, page * size) };
          // Newest first: a trial created after each answer shifts the others back by one.
          all.unshift(trialItem(`new${created++}`));
          return HttpResponse.json(answer);
        }),
      );
      const listed = ids(await client({ pageConcurrency }).trials.list('exp1', { pageSize: 3 }).toArray());
      expect(new Set(listed).size).toBe(listed.length);
      for (const trial of trials(11)) expect(listed).toContain(trial.TrialId);
    }
  });
});
