/**
 * Read-ahead of raw pages: the next page is requested as soon as the current one's answer is in,
 * before the caller works on it; and a PAI listing walked one page at a time still asks for every
 * page once, with never more than one request in flight, and nothing past the end.
 */
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAhead } from '../../src/core/read-ahead.js';
import { pai } from '../../src/providers/pai/index.js';

describe('readAhead', () => {
  /** A fetcher that records when each key was asked for. */
  function recorder() {
    const asked: number[] = [];
    const fetch = async (key: number, _signal: AbortSignal) => {
      asked.push(key);
      if (key === 99) throw new Error('page 99 is broken');
      return { key };
    };
    return { asked, fetch };
  }

  it('asks for the next key as soon as a page is in, and hands it over when asked', async () => {
    const { asked, fetch } = recorder();
    const page = readAhead(fetch);
    const signal = new AbortController().signal;
    expect(await page(0, signal, () => 1)).toEqual({ key: 0 });
    // The caller has not asked for page 1 yet: it is already requested.
    expect(asked).toEqual([0, 1]);
    expect(await page(1, signal, () => undefined)).toEqual({ key: 1 });
    expect(asked).toEqual([0, 1]);
  });

  it('fetches a key that is not the one read ahead as usual; reports a read-ahead failure when asked', async () => {
    const { asked, fetch } = recorder();
    const page = readAhead(fetch);
    const signal = new AbortController().signal;
    await page(0, signal, () => 99);
    expect(await page(5, signal, () => undefined)).toEqual({ key: 5 });
    expect(asked).toEqual([0, 99, 5]);
    await page(0, signal, () => 99);
    await expect(page(99, signal, () => undefined)).rejects.toThrow('page 99 is broken');
  });

  it('reads nothing ahead for an aborted walk, nor for another walk’s signal', async () => {
    const { asked, fetch } = recorder();
    const page = readAhead(fetch);
    const walk = new AbortController();
    const other = new AbortController();
    await page(0, walk.signal, () => 1);
    await page(1, other.signal, () => undefined);
    expect(asked).toEqual([0, 1, 1]);
    walk.abort();
    await page(2, walk.signal, () => 3);
    expect(asked).toEqual([0, 1, 1, 2]);
  });
});

describe('a PAI listing walked one page at a time', () => {
  const BASE = 'https://paiautoml.cn-hangzhou.aliyuncs.com/api/automl/v1';
  const TOTAL = 45;
  let inFlight = 0;
  let most = 0;
  const asked: number[] = [];
  const server = setupServer(
    // The listing reads the experiment's objective first.
    http.get(`${BASE}/hpo/experiment/e1`, () =>
      HttpResponse.json({ RequestId: 'r', ExperimentId: 'e1', Name: 'e1', Status: 'FINISHED' }),
    ),
    http.get(`${BASE}/hpo/experiment/e1/trials`, async ({ request }) => {
      const url = new URL(request.url);
      const number = Number(url.searchParams.get('PageNumber'));
      const size = Number(url.searchParams.get('PageSize'));
      asked.push(number);
      inFlight++;
      most = Math.max(most, inFlight);
      await delay(5);
      inFlight--;
      const first = (number - 1) * size;
      const trials = Array.from({ length: Math.max(0, Math.min(size, TOTAL - first)) }, (_, i) => ({
        TrialId: `t${first + i}`,
        ExperimentId: 'e1',
        Status: 'SUCCEEDED',
      }));
      return HttpResponse.json({ RequestId: 'r', TotalCount: TOTAL, Trials: trials });
    }),
  );
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    asked.length = 0;
    most = 0;
  });
  afterAll(() => server.close());

  it('asks for each page once, one at a time, and not past the last', async () => {
    const cloud = pai({
      region: 'cn-hangzhou',
      credentials: { accessKeyId: 'LTAIreadahead', accessKeySecret: 'read-ahead-secret' },
      pageConcurrency: 1,
    });
    const trials = await cloud.trials.list('e1', { pageSize: 10 }).toArray();
    expect(trials).toHaveLength(TOTAL);
    expect(asked).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(1);
  });
});
