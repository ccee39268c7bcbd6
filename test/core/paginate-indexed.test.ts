import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/core/errors.js';
import { Paginated } from '../../src/core/paginate.js';
import { type IndexedPage, indexedWalk } from '../../src/core/paginate-indexed.js';
import { recordingUnhandledRejections } from '../helpers/thrown.js';

/** A page-addressed source over a list that may change between requests; it records concurrency. */
function source(
  initial: number[],
  pageSize: number,
  options: { withTotal?: boolean; latencyMs?: number } = {},
) {
  let items = initial;
  const requested: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage = async (index: number): Promise<IndexedPage<number>> => {
    requested.push(index);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, options.latencyMs ?? 0));
    inFlight--;
    const slice = items.slice(index * pageSize, (index + 1) * pageSize);
    return { items: slice, total: options.withTotal === false ? undefined : items.length, raw: { index } };
  };
  return {
    fetchPage,
    requested,
    maxInFlight: () => maxInFlight,
    change: (next: number[]) => {
      items = next;
    },
  };
}

const walkOf = (s: ReturnType<typeof source>, pageSize: number, concurrency?: number) =>
  indexedWalk({
    provider: 'pai',
    operation: 'ListHpoTrials',
    pageSize,
    concurrency,
    keyOf: String,
    fetchPage: s.fetchPage,
  });

describe('indexedWalk', () => {
  it('yields every item once in order, with one request per page and bounded concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer(), { maxLength: 80 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (items, pageSize, concurrency, withTotal) => {
          const s = source(items, pageSize, { withTotal });
          expect(await new Paginated(walkOf(s, pageSize, concurrency)).toArray()).toEqual(items);
          const pages = Math.max(1, Math.ceil(items.length / pageSize));
          // Without a total, a full last page needs one more (empty) request to see the end.
          const expected =
            withTotal || items.length % pageSize !== 0 || items.length === 0 ? pages : pages + 1;
          expect([...s.requested].sort((a, b) => a - b)).toEqual([...Array(expected).keys()]);
          expect(s.maxInFlight()).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fetches later pages concurrently once the total is known', async () => {
    const s = source([...Array(100).keys()], 10, { latencyMs: 5 });
    expect(await new Paginated(walkOf(s, 10, 4)).toArray()).toHaveLength(100);
    expect(s.maxInFlight()).toBe(4);
  });

  it('resumes from any page cursor with exactly the rest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        fc.nat(),
        async (items, pageSize, pick) => {
          const pages = [];
          for await (const p of new Paginated(walkOf(source(items, pageSize), pageSize)).pages())
            pages.push(p);
          const k = pick % pages.length;
          const cursor = pages[k]?.cursor;
          if (cursor === undefined) return;
          const rest = await new Paginated(walkOf(source(items, pageSize), pageSize), cursor).toArray();
          expect(rest).toEqual(pages.slice(k + 1).flatMap((p) => p.items));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('ends with a PaginationError when the total shrinks mid-walk', async () => {
    const s = source([...Array(30).keys()], 10, { latencyMs: 1 });
    const pages = new Paginated(walkOf(s, 10, 1)).pages();
    await pages.next();
    s.change([...Array(25).keys()]);
    await expect(pages.next()).rejects.toThrow(PaginationError);
  });

  it('follows a total that grows to its new end', async () => {
    const s = source([...Array(20).keys()], 10, { latencyMs: 1 });
    const seen: number[] = [];
    for await (const page of new Paginated(walkOf(s, 10, 1)).pages()) {
      seen.push(...page.items);
      if (seen.length === 10) s.change([...Array(35).keys()]);
    }
    expect(seen).toEqual([...Array(35).keys()]);
  });

  it('aborts prefetched requests when the caller stops early', async () => {
    const signals: AbortSignal[] = [];
    const walk = indexedWalk({
      provider: 'pai',
      operation: 'ListHpoTrials',
      pageSize: 10,
      concurrency: 3,
      keyOf: String,
      fetchPage: async (index, signal) => {
        signals.push(signal);
        return { items: [...Array(10).keys()].map((i) => index * 10 + i), total: 100, raw: {} };
      },
    });
    expect(await new Paginated(walk).toArray({ limit: 5 })).toEqual([0, 1, 2, 3, 4]);
    expect(signals.length).toBeGreaterThan(1);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});

describe('indexedWalk prefetch', () => {
  it('reports a prefetched page that failed when the walk reaches it, not before', async () => {
    await recordingUnhandledRejections(async (rejections) => {
      const walk = indexedWalk({
        provider: 'pai',
        operation: 'ListHpoTrials',
        pageSize: 1,
        keyOf: String,
        fetchPage: async (index) => {
          if (index === 2) throw new Error('page 3 failed');
          return { items: [index], total: 3, raw: null };
        },
      });
      const pages = new Paginated(walk).pages();
      expect((await pages.next()).value?.items).toEqual([0]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
      expect((await pages.next()).value?.items).toEqual([1]);
      await expect(pages.next()).rejects.toThrow('page 3 failed');
    });
  });
});

describe('indexedWalk read', () => {
  /** Pages of two numbers from `items`; `log` records each request and each page read, in order. */
  function reading(items: number[], concurrency: number) {
    const log: string[] = [];
    const walk = indexedWalk<number, string>({
      provider: 'pai',
      operation: 'ListHpoTrials',
      pageSize: 2,
      concurrency,
      keyOf: String,
      fetchPage: async (index) => {
        log.push(`request ${index}`);
        return { items: items.slice(index * 2, index * 2 + 2), total: items.length, raw: { index } };
      },
      read: (page) => {
        log.push(`read ${(page.raw as { index: number }).index}`);
        return page.items.map((n) => `#${n}`);
      },
    });
    return { log, walk };
  }

  it('reads a page one walking page by page only once the next page is asked for', async () => {
    const { log, walk } = reading([1, 2, 3, 4, 5], 1);
    expect(await new Paginated(walk).toArray()).toEqual(['#1', '#2', '#3', '#4', '#5']);
    expect(log).toEqual(['request 0', 'request 1', 'read 0', 'request 2', 'read 1', 'read 2']);
  });

  it('hands over what read makes of exactly the items the repeat filter kept', async () => {
    const shifted = [1, 2, 2, 3, 4, 5];
    const { walk } = reading(shifted, 1);
    // Page 2 repeats item 2, shifted back by an insertion: it is dropped, read or not.
    expect(await new Paginated(walk).toArray()).toEqual(['#1', '#2', '#3', '#4', '#5']);
  });

  it('reports what read throws when the caller reaches that page', async () => {
    const walk = indexedWalk<number, number>({
      provider: 'pai',
      operation: 'ListHpoTrials',
      pageSize: 2,
      concurrency: 1,
      keyOf: String,
      fetchPage: async (index) => ({ items: [index * 2, index * 2 + 1], total: 4, raw: null }),
      read: (page) => {
        if (page.items[0] === 2) throw new Error('page 2 is malformed');
        return page.items;
      },
    });
    const pages = new Paginated(walk).pages();
    expect((await pages.next()).value?.items).toEqual([0, 1]);
    await expect(pages.next()).rejects.toThrow('page 2 is malformed');
  });
});
