import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/core/errors.js';
import { Paginated } from '../../src/core/paginate.js';
import { type OffsetMeaning, offsetWalk } from '../../src/core/paginate-offset.js';

type Behaviour = OffsetMeaning | 'ignores-offset' | 'clamps-to-last-page';

/** A server holding `count` items that reads `offset` its own way. */
function server(count: number, behaviour: Behaviour, withTotal: boolean) {
  const items = Array.from({ length: count }, (_, i) => `item-${i}`);
  const offsets: number[] = [];
  const fetchAt = async (offset: number, limit: number) => {
    offsets.push(offset);
    let start = offset;
    if (behaviour === 'page') start = offset * limit;
    if (behaviour === 'ignores-offset') start = 0;
    if (behaviour === 'clamps-to-last-page')
      start = Math.min(offset * limit, Math.max(0, (Math.ceil(count / limit) - 1) * limit));
    return {
      items: items.slice(start, start + limit),
      total: withTotal ? count : undefined,
      raw: { offset },
    };
  };
  return { items, offsets, fetchAt };
}

function listing(s: ReturnType<typeof server>, pageSize: number, meaning?: OffsetMeaning) {
  return offsetWalk<string>({
    provider: 'modelarts',
    operation: 'ListThings',
    pageSize,
    meaning,
    concurrency: 3,
    keyOf: (item) => item,
    fetchAt: (offset) => s.fetchAt(offset, pageSize),
  });
}

describe('offsetWalk', () => {
  it('yields every item exactly once, in order, whichever way the server counts offsets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom<OffsetMeaning>('record', 'page'),
        fc.boolean(),
        async (count, pageSize, meaning, withTotal) => {
          const s = server(count, meaning, withTotal);
          const out = await new Paginated(listing(s, pageSize)).toArray();
          expect(out).toEqual(s.items);
          // Two probe requests at most beyond the pages themselves (offset=1, then offset=0 again),
          // plus the empty page that ends a walk without a total.
          expect(s.offsets.length).toBeLessThanOrEqual(Math.ceil(count / pageSize) + 3);
        },
      ),
    );
  });

  it('resumes from any page cursor without repeating or skipping items', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom<OffsetMeaning>('record', 'page'),
        fc.nat(),
        async (count, pageSize, meaning, pick) => {
          const s = server(count, meaning, true);
          const pages = [];
          for await (const page of new Paginated(listing(s, pageSize)).pages()) pages.push(page);
          const at = pick % pages.length;
          const cursor = pages[at]?.cursor;
          const before = pages.slice(0, at + 1).flatMap((p) => p.items);
          const fresh = server(count, meaning, true);
          const after = cursor ? await new Paginated(listing(fresh, pageSize), cursor).toArray() : [];
          expect([...before, ...after]).toEqual(s.items);
          // The cursor carries what the offset means: no page before it is asked for again.
          if (cursor) expect(fresh.offsets).not.toContain(0);
        },
      ),
    );
  });

  it('probes (offset=1, then offset=0 again) only when a second page exists, and reuses page two under page offsets', async () => {
    const small = server(5, 'record', true);
    expect(await new Paginated(listing(small, 10)).toArray()).toHaveLength(5);
    expect(small.offsets).toEqual([0]);

    const paged = server(25, 'page', true);
    await new Paginated(listing(paged, 10)).toArray();
    expect(paged.offsets.sort()).toEqual([0, 0, 1, 2]);

    const records = server(25, 'record', true);
    await new Paginated(listing(records, 10)).toArray();
    expect(records.offsets.sort((a, b) => a - b)).toEqual([0, 0, 1, 10, 20]);
  });

  it('ends with a PaginationError when the server ignores the offset', async () => {
    const s = server(30, 'ignores-offset', true);
    const error = await new Paginated(listing(s, 10)).toArray().catch((e: unknown) => e);
    expect(PaginationError.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/same page came back for offset 0 and offset 1/);
  });

  it('ends with a PaginationError, not a loop, when a server repeats its last page', async () => {
    const s = server(30, 'clamps-to-last-page', false);
    const error = await new Paginated(listing(s, 10, 'page')).toArray().catch((e: unknown) => e);
    expect(PaginationError.is(error)).toBe(true);
    expect((error as Error).message).toMatch(/holds only items already listed/);
  });

  it('lists every item once when items are created at the head mid-walk (newest first)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 6, max: 60 }),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom<OffsetMeaning>('record', 'page'),
        fc.integer({ min: 1, max: 5 }),
        async (count, pageSize, meaning, createdAfterRequest) => {
          // Newest first: a new item shifts every other one back by one position.
          const items = Array.from({ length: count }, (_, i) => `old-${i}`);
          let requests = 0;
          const walk = offsetWalk<string>({
            provider: 'modelarts',
            operation: 'ListThings',
            pageSize,
            keyOf: (item) => item,
            fetchAt: async (offset) => {
              requests++;
              const start = meaning === 'page' ? offset * pageSize : offset;
              const page = { items: items.slice(start, start + pageSize), total: items.length, raw: null };
              if (requests === createdAfterRequest) items.unshift(`new-${requests}`);
              return page;
            },
          });
          const out = await new Paginated(walk).toArray();
          expect(new Set(out).size).toBe(out.length);
          for (let i = 0; i < count; i++) expect(out).toContain(`old-${i}`);
        },
      ),
    );
  });

  it('refuses a cursor that does not say what offset counts', async () => {
    const forged = Buffer.from(JSON.stringify({ k: 'offset', i: 3, m: 'bogus' })).toString('base64url');
    const error = await new Paginated(listing(server(30, 'record', true), 10), forged)
      .toArray()
      .catch((e: unknown) => e);
    expect(PaginationError.is(error)).toBe(true);
  });

  it('refuses a cursor from another listing', async () => {
    const s = server(3, 'page', true);
    await expect(new Paginated(listing(s, 2), 'bm90LWEtY3Vyc29y').toArray()).rejects.toThrow(/cursor/);
  });
});
