import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { InvalidArgumentError, PaginationError } from '../../src/core/errors.js';
import { concatWalks, Paginated, type TokenPage, tokenWalk } from '../../src/core/paginate.js';
import { reachSocket } from '../helpers/socket-write.js';
import { recordingUnhandledRejections } from '../helpers/thrown.js';

/** A token-paged source over `items`, counting requests; tokens are deliberately not offsets. */
function source(items: number[], pageSize: number) {
  const calls: (string | undefined)[] = [];
  const signals: AbortSignal[] = [];
  const fetchPage = async (token: string | undefined, signal?: AbortSignal): Promise<TokenPage<number>> => {
    calls.push(token);
    if (signal) signals.push(signal);
    const start = token === undefined ? 0 : Number(token.slice(4));
    const end = Math.min(items.length, start + pageSize);
    return {
      items: items.slice(start, end),
      nextToken: end < items.length ? `tok-${end}` : undefined,
      raw: { start },
    };
  };
  return { calls, signals, fetchPage };
}

const listing = (items: number[], pageSize: number, cursor?: string) => {
  const s = source(items, pageSize);
  return {
    ...s,
    list: new Paginated(
      tokenWalk({ provider: 'sagemaker', operation: 'List', keyOf: String, fetchPage: s.fetchPage }),
      cursor,
    ),
  };
};

describe('Paginated over tokens', () => {
  it('yields every item once, in order, for any size and page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 17 }),
        async (items, size) => {
          const { list, calls } = listing(items, size);
          const seen: number[] = [];
          for await (const item of list) seen.push(item);
          expect(seen).toEqual(items);
          expect(calls.length).toBe(Math.max(1, Math.ceil(items.length / size)));
        },
      ),
    );
  });

  it('resumes from any page cursor with exactly the items after that page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 9 }),
        fc.nat(),
        async (items, size, pick) => {
          const pages = [];
          for await (const page of listing(items, size).list.pages()) pages.push(page);
          const k = pick % pages.length;
          const cursor = pages[k]?.cursor;
          const before = pages.slice(0, k + 1).flatMap((p) => p.items);
          if (cursor === undefined) {
            expect(k).toBe(pages.length - 1);
            return;
          }
          expect(await listing(items, size, cursor).list.toArray()).toEqual(items.slice(before.length));
        },
      ),
    );
  });

  it('toArray({ limit }) stops once it has enough, aborting the page it had read ahead', async () => {
    const { list, calls, signals } = listing([...Array(100).keys()], 10);
    expect(await list.toArray({ limit: 25 })).toEqual([...Array(25).keys()]);
    expect(calls).toEqual([undefined, 'tok-10', 'tok-20', 'tok-30']);
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(await listing([1, 2], 1).list.toArray({ limit: 0 })).toEqual([]);
  });

  it('map transforms items and keeps cursors', async () => {
    const pages = [];
    for await (const page of listing([1, 2, 3], 2)
      .list.map((n) => n * 10)
      .pages())
      pages.push(page);
    expect(pages.map((p) => p.items)).toEqual([[10, 20], [30]]);
    expect(pages[0]?.cursor).toBeTypeOf('string');
    expect(pages[1]?.cursor).toBeUndefined();
  });

  it('ends a walk whose token repeats with a PaginationError', async () => {
    let n = 0;
    const walk = tokenWalk({
      provider: 'sagemaker',
      operation: 'ListTrainingJobsForHyperParameterTuningJob',
      keyOf: String,
      fetchPage: async (token) => ({
        items: [n++],
        nextToken: token === undefined ? 'a' : token === 'a' ? 'b' : 'a',
        raw: {},
      }),
    });
    await expect(new Paginated(walk).toArray()).rejects.toThrow(PaginationError);
    await expect(new Paginated(walk).toArray()).rejects.toThrow(/already returned/);
  });

  it('ends an endless walk after maxPages', async () => {
    let n = 0;
    const walk = tokenWalk({
      provider: 'sagemaker',
      operation: 'List',
      keyOf: String,
      maxPages: 50,
      fetchPage: async () => ({ items: [n], nextToken: `t${++n}`, raw: {} }),
    });
    await expect(new Paginated(walk).toArray()).rejects.toThrow(/after 50; stopped/);
    expect(n).toBe(50);
  });

  it('rejects a cursor from another kind of listing or garbage', async () => {
    const { list: other } = listing([1, 2, 3], 1);
    const pages = [];
    for await (const p of other.pages()) pages.push(p);
    const concat = concatWalks([
      tokenWalk({
        provider: 'sagemaker',
        operation: 'L',
        keyOf: String,
        fetchPage: source([1], 1).fetchPage,
      }),
    ]);
    await expect(new Paginated(concat, pages[0]?.cursor).toArray()).rejects.toThrow(InvalidArgumentError);
    await expect(listing([1], 1, 'not-a-cursor').list.toArray()).rejects.toThrow(/Invalid cursor/);
  });
});

describe('concatWalks', () => {
  it('chains walks and resumes in the right one from any cursor', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(fc.integer(), { maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat(),
        async (parts, size, pick) => {
          const make = () =>
            concatWalks(
              parts.map((items, i) =>
                tokenWalk({
                  provider: 'pai',
                  operation: 'L',
                  kind: `t${i}`,
                  keyOf: String,
                  fetchPage: source(items, size).fetchPage,
                }),
              ),
            );
          const pages = [];
          for await (const p of new Paginated(make()).pages()) pages.push(p);
          expect(pages.flatMap((p) => p.items)).toEqual(parts.flat());
          const k = pick % pages.length;
          const cursor = pages[k]?.cursor;
          if (cursor === undefined) return;
          const rest = await new Paginated(make(), cursor).toArray();
          expect(rest).toEqual(pages.slice(k + 1).flatMap((p) => p.items));
        },
      ),
    );
  });
});

describe('token paging under a test’s fake timers', () => {
  it('still walks every page (the read-ahead does not wait on a faked timer)', async () => {
    vi.useFakeTimers();
    try {
      const { list } = listing(
        Array.from({ length: 10 }, (_, i) => i),
        3,
      );
      expect(await list.toArray()).toEqual(Array.from({ length: 10 }, (_, i) => i));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('token paging read-ahead', () => {
  /** Page `n` of three, two items each; `sent` logs when a request would reach the socket. */
  function transport(options: { hold?: string } = {}) {
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetchPage = async (token: string | undefined): Promise<TokenPage<number>> => {
      await reachSocket(() => sent.push(token ?? 'first'));
      if (options.hold !== undefined && token === options.hold) await held;
      const n = token === undefined ? 1 : Number(token.slice(1));
      return { items: [n * 10, n * 10 + 1], nextToken: n < 3 ? `p${n + 1}` : undefined, raw: null };
    };
    return { sent, release, fetchPage };
  }
  const walkOver = (t: ReturnType<typeof transport>) =>
    tokenWalk({ provider: 'sagemaker', operation: 'List', keyOf: String, fetchPage: t.fetchPage });

  it('has the next page’s request on its way before the current page is handed over', async () => {
    const t = transport();
    const pages = new Paginated(walkOver(t)).pages();
    expect((await pages.next()).value?.items).toEqual([10, 11]);
    expect(t.sent).toEqual(['first', 'p2']);
    expect((await pages.next()).value?.items).toEqual([20, 21]);
    expect(t.sent).toEqual(['first', 'p2', 'p3']);
    await pages.return(undefined);
  });

  it('hands a page over without waiting for the next one to arrive', async () => {
    const t = transport({ hold: 'p2' });
    const pages = new Paginated(walkOver(t)).pages();
    const first = await Promise.race([
      pages.next(),
      new Promise((resolve) => setTimeout(() => resolve('waited for page 2'), 5000)),
    ]);
    expect((first as IteratorResult<{ items: number[] }>).value?.items).toEqual([10, 11]);
    t.release();
    expect((await pages.next()).value?.items).toEqual([20, 21]);
    await pages.return(undefined);
  });

  it('reports a page read ahead that failed when the caller asks for it, not before', async () => {
    await recordingUnhandledRejections(async (rejections) => {
      const walk = tokenWalk({
        provider: 'sagemaker',
        operation: 'List',
        keyOf: String,
        fetchPage: async (token) => {
          if (token === 'p2') throw new Error('page 2 failed');
          return { items: [1], nextToken: 'p2', raw: null };
        },
      });
      const pages = new Paginated(walk).pages();
      expect((await pages.next()).value?.items).toEqual([1]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
      await expect(pages.next()).rejects.toThrow('page 2 failed');
    });
  });

  it('aborts the page read ahead when the caller leaves a for-await loop', async () => {
    const signals: AbortSignal[] = [];
    const walk = tokenWalk({
      provider: 'sagemaker',
      operation: 'List',
      keyOf: String,
      fetchPage: async (token, signal) => {
        signals.push(signal);
        const n = token === undefined ? 1 : Number(token);
        return { items: [n], nextToken: String(n + 1), raw: null };
      },
    });
    for await (const item of new Paginated(walk)) if (item === 2) break;
    expect(signals).toHaveLength(3);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});
