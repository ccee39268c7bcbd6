/**
 * Every guard of the paging walks reached, and what its error tells (class, provider, operation,
 * message); every limit at, below and above it; cursors from elsewhere refused.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, PaginationError } from '../../src/core/errors.js';
import {
  concatWalks,
  encodeCursor,
  type PageWalk,
  Paginated,
  pageSizeOf,
  type TokenPage,
  tokenWalk,
} from '../../src/core/paginate.js';
import { DEFAULT_PAGE_CONCURRENCY, type IndexedPage, indexedWalk } from '../../src/core/paginate-indexed.js';
import { offsetWalk } from '../../src/core/paginate-offset.js';

const OPERATION = 'ListThings';
const keyOf = (item: string) => item;

/** The walk's error, checked to be a PaginationError carrying the walk's provider and operation. */
async function paginationError(walk: PageWalk<string>, cursor?: string): Promise<string> {
  const error = await new Paginated(walk, cursor).toArray().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(PaginationError.is(error)).toBe(true);
  expect(error).toMatchObject({ provider: 'sagemaker', operation: OPERATION });
  return (error as Error).message;
}

async function invalidArgument(walk: PageWalk<string>, cursor: string): Promise<string> {
  const error = await new Paginated(walk, cursor).toArray().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(InvalidArgumentError.is(error)).toBe(true);
  return (error as Error).message;
}

const items = (page: number, size: number) => Array.from({ length: size }, (_, i) => `p${page}-${i}`);
const cursorOf = (state: Record<string, unknown>) => encodeCursor(state as { k: string });

/** `pages` token pages of two items; `next(n)` gives page n's token (n from 1). */
function tokens(pages: number, next: (n: number) => string | undefined = (n) => `t${n}`) {
  let requests = 0;
  const walk = (maxPages?: number) =>
    tokenWalk({
      provider: 'sagemaker',
      operation: OPERATION,
      keyOf,
      maxPages,
      fetchPage: async (token): Promise<TokenPage<string>> => {
        requests++;
        const n = token === undefined ? 1 : Number(token.slice(1)) + 1;
        return { items: items(n, 2), nextToken: n < pages ? next(n) : undefined, raw: { n } };
      },
    });
  return { walk, requests: () => requests };
}

describe('tokenWalk guards', () => {
  it('stops at maxPages: a listing of exactly that many pages ends, one more is an error after maxPages requests', async () => {
    for (const pages of [2, 3])
      expect(await new Paginated(tokens(pages).walk(3)).toArray()).toHaveLength(pages * 2);
    const over = tokens(4);
    expect(await paginationError(over.walk(3))).toBe('ListThings was still returning pages after 3; stopped');
    expect(over.requests()).toBe(3);
    const one = tokens(2);
    expect(await paginationError(one.walk(1))).toBe('ListThings was still returning pages after 1; stopped');
    expect(one.requests()).toBe(1);
  });

  it('names the page after which a token came back', async () => {
    const loop = tokens(10, (n) => (n === 3 ? 't1' : `t${n}`));
    expect(await paginationError(loop.walk())).toBe(
      'ListThings returned a page token it had already returned (with page 3); the walk would loop',
    );
    expect(loop.requests()).toBe(3);
  });

  it('refuses a token that repeats the cursor it resumed from', async () => {
    const resumed = tokens(10, (n) => (n === 4 ? 't2' : `t${n}`)).walk();
    expect(await paginationError(resumed, cursorOf({ k: 'token', t: 't2' }))).toMatch(
      /^ListThings returned a page token it had already returned \(with page 2\)/,
    );
  });

  it('catches a token cycle longer than the pages it keeps within three times its length', async () => {
    // Tokens t1…t7 then t1 again, every page with new items: only the checkpoint token catches it.
    let requests = 0;
    const walk = tokenWalk({
      provider: 'sagemaker',
      operation: OPERATION,
      keyOf,
      fetchPage: async (token) => {
        requests++;
        const n = token === undefined ? 0 : Number(token.slice(1));
        return { items: [`r${requests}`], nextToken: `t${(n % 7) + 1}`, raw: null };
      },
    });
    expect(await paginationError(walk)).toMatch(/returned a page token it had already returned/);
    expect(requests).toBeLessThanOrEqual(3 * 8);
  });

  it('quotes three keys of a repeated page and counts the rest', async () => {
    const walk = tokenWalk({
      provider: 'sagemaker',
      operation: OPERATION,
      keyOf,
      fetchPage: async (token) => ({
        items: ['a', 'b', 'c', 'd', 'e'],
        nextToken: token === undefined ? 'next' : 'again',
        raw: null,
      }),
    });
    expect(await paginationError(walk)).toBe(
      'ListThings: page 2 holds only items already listed (a, b, c, … 5 in all; 5 items listed before it): ' +
        'the server repeats pages, or more than a page of items was inserted ahead of the walk between two requests',
    );
  });

  it('skips an empty page without counting it as a repeat, and lists the pages around it', async () => {
    const pages: Record<string, TokenPage<string>> = {
      start: { items: ['a'], nextToken: 'e1', raw: null },
      e1: { items: [], nextToken: 'e2', raw: null },
      e2: { items: [], nextToken: 'last', raw: null },
      last: { items: ['b'], raw: null },
    };
    const walk = tokenWalk({
      provider: 'sagemaker',
      operation: OPERATION,
      keyOf,
      fetchPage: async (token) => pages[token ?? 'start'] as TokenPage<string>,
    });
    const listed: string[] = [];
    for await (const item of new Paginated(walk)) listed.push(item);
    expect(listed).toEqual(['a', 'b']);
  });

  it('drops an item listed again on the next page, and one listed twice on the same page', async () => {
    const pages: Record<string, TokenPage<string>> = {
      start: { items: ['a', 'b', 'b'], nextToken: 'n', raw: null },
      n: { items: ['b', 'c'], raw: null },
    };
    const walk = tokenWalk({
      provider: 'sagemaker',
      operation: OPERATION,
      keyOf,
      fetchPage: async (token) => pages[token ?? 'start'] as TokenPage<string>,
    });
    const seen = [];
    for await (const page of new Paginated(walk).pages()) seen.push(page.items);
    expect(seen).toEqual([['a', 'b'], ['c']]);
  });
});

describe('cursors from elsewhere', () => {
  const token = tokens(3).walk();
  const indexed = indexedWalk<string>({
    provider: 'sagemaker',
    operation: OPERATION,
    pageSize: 2,
    keyOf,
    fetchPage: async (index) => ({ items: items(index, 2), total: 6, raw: null }),
  });

  it('refuses, before any request, a cursor of another strategy or kind, garbage, and JSON that is no cursor', async () => {
    const message = 'Invalid cursor: it was not issued by this listing';
    expect(await invalidArgument(token, cursorOf({ k: 'index', i: 1 }))).toBe(message);
    expect(await invalidArgument(indexed, cursorOf({ k: 'token', t: 't1' }))).toBe(message);
    expect(await invalidArgument(token, 'not-a-cursor')).toBe(message);
    for (const json of ['5', 'null', '"token"', '[]']) {
      expect(await invalidArgument(token, Buffer.from(json).toString('base64url'))).toBe(message);
    }
  });

  it('refuses a page-number cursor that names no page', async () => {
    for (const i of [-1, 1.5, '2', null]) {
      expect(await paginationError(indexed, cursorOf({ k: 'index', i }))).toBe(
        'ListThings: the cursor does not name a page',
      );
    }
    expect(await new Paginated(indexed, cursorOf({ k: 'index', i: 2 })).toArray()).toEqual(items(2, 2));
  });

  it('refuses a chained cursor that points outside the chain', async () => {
    const chain = concatWalks([token, tokens(1).walk()]);
    for (const i of [-1, 2, 0.5, 'x']) {
      expect(await invalidArgument(chain, cursorOf({ k: 'concat', i }))).toBe(
        'Invalid cursor: it points past the end of the listing',
      );
    }
    expect(await new Paginated(chain, cursorOf({ k: 'concat', i: 1 })).toArray()).toEqual(items(1, 2));
    expect(
      await new Paginated(
        chain,
        cursorOf({ k: 'concat', i: 0, c: cursorOf({ k: 'token', t: 't2' }) }),
      ).toArray(),
    ).toEqual([...items(3, 2), ...items(1, 2)]);
  });
});

/** A page-number source over `total` items (its answer's total may be set apart). */
function numbered(
  total: number,
  pageSize: number,
  options: { claims?: (index: number) => number | undefined; short?: number } = {},
) {
  const requested: number[] = [];
  const fetchPage = async (index: number): Promise<IndexedPage<string>> => {
    requested.push(index);
    const all = Array.from({ length: total }, (_, i) => `i${i}`);
    let page = all.slice(index * pageSize, (index + 1) * pageSize);
    if (index === options.short) page = page.slice(1);
    return { items: page, total: options.claims ? options.claims(index) : total, raw: { index } };
  };
  return { fetchPage, requested };
}

const indexedOver = (
  source: ReturnType<typeof numbered>,
  pageSize: number,
  extra: { maxPages?: number; concurrency?: number } = {},
) =>
  indexedWalk<string>({
    provider: 'sagemaker',
    operation: OPERATION,
    pageSize,
    keyOf,
    fetchPage: source.fetchPage,
    ...extra,
  });

describe('indexedWalk guards and limits', () => {
  it('ends on a page short of pageSize before the last with a PaginationError naming it', async () => {
    const source = numbered(12, 5, { short: 1 });
    expect(await paginationError(indexedOver(source, 5, { concurrency: 1 }))).toBe(
      'ListThings: page 2 had 4 items of 5 before the end; items moved',
    );
  });

  it('says by how much the total shrank', async () => {
    const source = numbered(12, 5, { claims: (index) => (index === 0 ? 12 : 11) });
    expect(await paginationError(indexedOver(source, 5, { concurrency: 1 }))).toBe(
      'ListThings: the total shrank from 12 to 11 during the walk; items moved, so some would be missed',
    );
    // The same total, or one that grows, is no shrink.
    const steady = numbered(12, 5, { claims: (index) => 12 + index });
    expect(await new Paginated(indexedOver(steady, 5, { concurrency: 1 })).toArray()).toHaveLength(12);
  });

  it('stops at maxPages: exactly that many pages end, one more is an error', async () => {
    expect(await new Paginated(indexedOver(numbered(6, 2), 2, { maxPages: 3 })).toArray()).toHaveLength(6);
    expect(await paginationError(indexedOver(numbered(7, 2), 2, { maxPages: 3 }))).toBe(
      'ListThings: still returning pages after 3; stopped',
    );
  });

  it('asks one page for a total of zero or at most a page, two for one item more, none past the last', async () => {
    for (const [total, requests] of [
      [0, 1],
      [4, 1],
      [5, 2],
      [8, 2],
      [9, 3],
    ] as const) {
      const source = numbered(total, 4);
      expect(await new Paginated(indexedOver(source, 4)).toArray()).toHaveLength(total);
      expect(source.requested.sort()).toEqual([...Array(requests).keys()]);
    }
  });

  it('walks pageSize 1 to the end, and a page of exactly pageSize without a total asks one page more', async () => {
    const single = numbered(3, 1);
    expect(await new Paginated(indexedOver(single, 1)).toArray()).toEqual(['i0', 'i1', 'i2']);
    const untold = numbered(4, 4, { claims: () => undefined });
    expect(await new Paginated(indexedOver(untold, 4)).toArray()).toHaveLength(4);
    expect(untold.requested).toEqual([0, 1]);
  });

  it('fetches four pages at once by default, and one at a time for a concurrency of 0 or less', async () => {
    expect(DEFAULT_PAGE_CONCURRENCY).toBe(4);
    let inFlight = 0;
    let most = 0;
    const slow = (concurrency?: number) =>
      indexedWalk<string>({
        provider: 'sagemaker',
        operation: OPERATION,
        pageSize: 1,
        keyOf,
        concurrency,
        fetchPage: async (index) => {
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
          return { items: [`x${index}`], total: 10, raw: null };
        },
      });
    expect(await new Paginated(slow()).toArray()).toHaveLength(10);
    expect(most).toBe(4);
    for (const concurrency of [0, -3]) {
      most = 0;
      expect(await new Paginated(slow(concurrency)).toArray()).toHaveLength(10);
      expect(most).toBe(1);
    }
  });
});

describe('offsetWalk guards', () => {
  const walkOf = (fetchAt: (offset: number) => IndexedPage<string>, pageSize = 3) =>
    offsetWalk<string>({
      provider: 'sagemaker',
      operation: OPERATION,
      pageSize,
      keyOf,
      fetchAt: async (offset) => fetchAt(offset),
    });

  it('gives up when the first page keeps changing, after three looks of three requests', async () => {
    let requests = 0;
    const walk = walkOf((offset) => {
      requests++;
      // A new item at the head before every request.
      const all = Array.from({ length: 20 + requests }, (_, i) => `i${20 + requests - i}`);
      return { items: all.slice(offset, offset + 3), total: all.length, raw: null };
    });
    expect(await paginationError(walk)).toBe(
      'ListThings: the first page kept changing while the walk asked what offset counts',
    );
    expect(requests).toBe(9);
  });

  it('refuses an answer to offset 1 that overlaps the first page out of order', async () => {
    const walk = walkOf((offset) => ({
      items: offset === 1 ? ['c', 'x', 'y'] : ['a', 'b', 'c'],
      total: 9,
      raw: null,
    }));
    expect(await paginationError(walk)).toBe(
      'ListThings: the answer to offset 1 overlaps the first page out of order; items moved during the walk',
    );
  });

  it('refuses a resumed cursor that does not say what offset counts', async () => {
    const walk = walkOf(() => ({ items: ['a'], raw: null }));
    for (const m of [undefined, '', 'records']) {
      expect(await paginationError(walk, cursorOf({ k: 'offset', i: 1, m }))).toBe(
        'ListThings: the cursor does not say what offset counts',
      );
    }
  });

  it('asks nothing more when the first page is the whole listing: short, or as long as the total', async () => {
    for (const total of [2, 3, undefined]) {
      const offsets: number[] = [];
      const walk = walkOf((offset) => {
        offsets.push(offset);
        const all = ['a', 'b', 'c'].slice(0, total ?? 2);
        return { items: all.slice(offset, offset + 3), total, raw: null };
      });
      expect(await new Paginated(walk).toArray()).toEqual(['a', 'b', 'c'].slice(0, total ?? 2));
      expect(offsets).toEqual([0]);
    }
  });

  it('takes an empty answer to offset 1 after a full first page as the end, by page offsets', async () => {
    const offsets: number[] = [];
    const walk = walkOf((offset) => {
      offsets.push(offset);
      return { items: offset === 0 ? ['a', 'b', 'c'] : [], raw: null };
    });
    expect(await new Paginated(walk).toArray()).toEqual(['a', 'b', 'c']);
    expect(offsets).toEqual([0, 1, 0]);
  });

  it('walks pageSize 1 without asking what offset counts, and its cursors resume', async () => {
    const all = ['a', 'b', 'c', 'd'];
    const offsets: number[] = [];
    const walk = walkOf((offset) => {
      offsets.push(offset);
      return { items: all.slice(offset, offset + 1), total: 4, raw: null };
    }, 1);
    const pages = [];
    for await (const page of new Paginated(walk).pages()) pages.push(page);
    expect(pages.map((p) => p.items)).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(offsets.sort()).toEqual([0, 1, 2, 3]);
    expect(await new Paginated(walk, pages[1]?.cursor).toArray()).toEqual(['c', 'd']);
  });
});

describe('pageSizeOf', () => {
  it('takes 1 to max, gives the fallback when none is asked, and names what it refuses', () => {
    expect(pageSizeOf({}, 100, 50)).toBe(50);
    expect(pageSizeOf({ pageSize: undefined }, 100, undefined)).toBeUndefined();
    expect(pageSizeOf({ pageSize: 1 }, 100, 50)).toBe(1);
    expect(pageSizeOf({ pageSize: 100 }, 100, 50)).toBe(100);
    for (const bad of [0, 101, 1.5, -1, Number.NaN]) {
      expect(() => pageSizeOf({ pageSize: bad }, 100, 50)).toThrow(
        new InvalidArgumentError(`pageSize must be an integer from 1 to 100, got ${bad}`),
      );
    }
  });
});

describe('Paginated', () => {
  it('asks nothing for toArray({ limit }) of 0 or less, and stops at the limit on a page boundary', async () => {
    const source = numbered(10, 5);
    const list = new Paginated(indexedOver(source, 5, { concurrency: 1 }));
    expect(await list.toArray({ limit: 0 })).toEqual([]);
    expect(await list.toArray({ limit: -2 })).toEqual([]);
    expect(source.requested).toEqual([]);
    expect(await list.toArray({ limit: 5 })).toHaveLength(5);
    // Page 2 was asked for ahead (concurrency 1: one page ahead), page 3 never.
    expect(source.requested).toEqual([0, 1]);
  });

  it('keeps its cursor through map', async () => {
    const cursor = cursorOf({ k: 'index', i: 1 });
    const list = new Paginated(indexedOver(numbered(6, 2), 2), cursor).map((item) => item.toUpperCase());
    expect(await list.toArray()).toEqual(['I2', 'I3', 'I4', 'I5']);
  });
});
