/**
 * A PAI listing walked one page at a time (its total unknown until the first answer) asks for
 * every page once, with never more than one request in flight, and nothing past the end. How a
 * walk asks for the next page before reading the current one is tested in paginate*.test.ts.
 */
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pai } from '../../src/providers/pai/index.js';

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
