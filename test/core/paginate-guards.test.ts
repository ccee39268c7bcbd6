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
import { rankedThenRest } from '../../src/core/paginate-ranked.js';
import { repeatFilter } from '../../src/core/paginate-repeats.js';
import { reachSocket } from '../helpers/socket-write.js';

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

  it('remembers the first token for good: a server that starts over many pages later is caught at once', async () => {
    const restart = tokens(20, (n) => (n === 10 ? 't1' : `t${n}`));
    expect(await paginationError(restart.walk())).toBe(
      'ListThings returned a page token it had already returned (with page 10); the walk would loop',
    );
    expect(restart.requests()).toBe(10);
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

describe('indexedWalk: a total told once, and what runs ahead', () => {
  /** Pages of `pageSize` over `total` items; only the first answer tells the total. */
  const toldOnce = (total: number, pageSize: number, short?: number) =>
    numbered(total, pageSize, { claims: (index) => (index === 0 ? total : undefined), short });

  it('holds for later pages that do not repeat it: ends at it, and a short page before it is an error', async () => {
    const exact = toldOnce(4, 2);
    expect(await new Paginated(indexedOver(exact, 2, { concurrency: 1 })).toArray()).toHaveLength(4);
    expect(exact.requested).toEqual([0, 1]);
    expect(await paginationError(indexedOver(toldOnce(6, 2, 1), 2, { concurrency: 1 }))).toBe(
      'ListThings: page 2 had 1 items of 2 before the end; items moved',
    );
  });

  it('without a total, asks for no page ahead of the one handed over', async () => {
    const untold = numbered(6, 2, { claims: () => undefined });
    const pages = new Paginated(indexedOver(untold, 2, { concurrency: 1 })).pages();
    expect((await pages.next()).value?.items).toEqual(['i0', 'i1']);
    expect(untold.requested).toEqual([0]);
    await pages.return(undefined);
  });

  /** A source whose requests reach the socket as node:http's do (test/helpers/socket-write.ts). */
  function leaving(concurrency: number, hold: (index: number) => boolean = () => false) {
    const log: string[] = [];
    const walk = indexedWalk<string>({
      provider: 'sagemaker',
      operation: OPERATION,
      pageSize: 1,
      concurrency,
      keyOf,
      fetchPage: (index) => {
        void reachSocket(() => log.push(`sent ${index}`));
        if (hold(index)) return new Promise<IndexedPage<string>>(() => undefined);
        return new Promise((resolve) =>
          setTimeout(() => resolve({ items: [`x${index}`], total: 3, raw: null }), 5),
        );
      },
      read: (page) => {
        log.push(`read ${page.items[0]}`);
        return page.items;
      },
    });
    return { log, walk };
  }

  it('one page at a time: the next request has left before the page in hand is read', async () => {
    const { log, walk } = leaving(1);
    expect(await new Paginated(walk).toArray()).toEqual(['x0', 'x1', 'x2']);
    expect(log.indexOf('sent 1')).toBeLessThan(log.indexOf('read x0'));
    expect(log.indexOf('sent 2')).toBeLessThan(log.indexOf('read x1'));
  });

  it('several in flight: the requests started for a page have left before it is read', async () => {
    const { log, walk } = leaving(2);
    expect(await new Paginated(walk).toArray()).toEqual(['x0', 'x1', 'x2']);
    expect(log.slice(0, 4)).toEqual(['sent 0', 'sent 1', 'sent 2', 'read x0']);
  });

  it('several in flight: a page is handed over as soon as it is in, without waiting on the next', async () => {
    const { walk } = leaving(2, (index) => index > 0);
    const pages = new Paginated(walk).pages();
    const first = await Promise.race([
      pages.next().then((step) => step.value?.items),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500)),
    ]);
    expect(first).toEqual(['x0']);
  });
});

describe('offsetWalk: the first page asked again', () => {
  /** Items are objects here, as on a real cloud: a missing item has no key to read. */
  const objectWalk = (fetchAt: (offset: number, request: number) => string[], pageSize = 3) => {
    let requests = 0;
    const walk = offsetWalk<{ id: string }, string>({
      provider: 'sagemaker',
      operation: OPERATION,
      pageSize,
      keyOf: (item) => item.id,
      read: (page) => page.items.map((item) => item.id),
      fetchAt: async (offset) => {
        const ids = fetchAt(offset, ++requests);
        return { items: ids.map((id) => ({ id })), total: 10, raw: null };
      },
    });
    return { walk, requests: () => requests };
  };

  it('looks again when that page changed anywhere, not only at its head, and gives up after three looks', async () => {
    // Page offsets; page 0's last item is a new one on every request.
    const { walk, requests } = objectWalk((offset, request) =>
      offset === 0 ? ['a', 'b', `c${request}`] : ['d', 'e', 'f'],
    );
    const error = await new Paginated(walk).toArray().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'sagemaker',
      operation: OPERATION,
      message: 'ListThings: the first page kept changing while the walk asked what offset counts',
    });
    expect(requests()).toBe(9);
  });

  it('looks again when it came back shorter', async () => {
    // The first look's second answer for offset 0 lost its last item; the next look is stable.
    const { walk } = objectWalk((offset, request) => {
      if (offset === 0) return request === 3 ? ['a', 'b'] : ['a', 'b', 'c'];
      if (offset === 1) return ['b', 'c', 'd'];
      return ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].slice(offset, offset + 3);
    });
    expect(await new Paginated(walk).toArray()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
  });
});

describe('rankedThenRest', () => {
  interface Item {
    id: string;
    objective?: number;
  }
  const walkOver = (items: Item[]): PageWalk<string> =>
    async function* () {
      yield { items: items.map((item) => item.id), cursor: undefined, raw: null };
    };

  /** The cloud's ranked listing, then all items; `later` gained their objective between the two. */
  function listing(ranked: Item[], all: Item[]) {
    const parts: Record<string, Item[]> = { ranked, unranked: all };
    const walk: PageWalk<string> = (cursor) =>
      rankedThenRest<Item, string>(
        cursor,
        (part, keep) => {
          const items = parts[part];
          if (!items) throw new Error(`no such part: ${part}`);
          return async function* (inner) {
            for await (const page of walkOver(items.filter(keep))(inner)) yield page;
          };
        },
        { key: (item) => item.id, ranked: (item) => item.objective !== undefined },
      );
    return walk;
  }

  it('from the start: the ranked items, then every other once, one that gained its objective meanwhile included', async () => {
    const a = { id: 'a', objective: 0.9 };
    const b = { id: 'b', objective: 0.5 };
    const late = { id: 'late', objective: 0.7 };
    const walk = listing([a, b], [{ id: 'none' }, b, late, a]);
    expect(await new Paginated(walk).toArray()).toEqual(['a', 'b', 'none', 'late']);
  });

  it('resumed in the rest: the items without an objective', async () => {
    const a = { id: 'a', objective: 0.9 };
    const walk = listing([a], [{ id: 'none' }, a, { id: 'late', objective: 0.7 }]);
    const cursor = cursorOf({ k: 'concat', i: 1 });
    expect(await new Paginated(walk, cursor).toArray()).toEqual(['none']);
  });
});

describe('repeatFilter', () => {
  it('an empty page has no fresh items and does not count as a repeat', () => {
    const fresh = repeatFilter(keyOf, (message) => new PaginationError(message));
    expect(fresh(['a', 'b'], 'page 1')).toEqual(['a', 'b']);
    expect(fresh([], 'page 2')).toEqual([]);
    expect(fresh(['b', 'c'], 'page 3')).toEqual(['c']);
  });
});

describe('Paginated as an async iterator', () => {
  it('return() ends the walk (its requests aborted) and says it is done', async () => {
    const signals: AbortSignal[] = [];
    const walk = tokenWalk<string>({
      provider: 'sagemaker',
      operation: OPERATION,
      keyOf,
      fetchPage: async (token, signal) => {
        signals.push(signal);
        const n = token === undefined ? 1 : Number(token.slice(1)) + 1;
        return { items: items(n, 2), nextToken: `t${n}`, raw: null };
      },
    });
    const iterator = new Paginated(walk)[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: 'p1-0' });
    expect(await iterator.return?.()).toEqual({ done: true, value: undefined });
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});
