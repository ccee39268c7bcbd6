/**
 * The three paging walks (token, page number, offset) against simulated servers whose listing
 * changes between requests or which misbehave: no item is yielded twice, no walk ends early
 * without an error, and a server that repeats itself is stopped within a few requests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/core/errors.js';
import { Paginated } from '../../src/core/paginate.js';
import { RECENT_PAGES, RecentKeys } from '../../src/core/paginate-repeats.js';
import {
  churn,
  insertions,
  ListingServer,
  type Misbehaviour,
  STRATEGIES,
  walkOver,
} from './helpers/listing-server.js';

/** Every item the walk yielded, and how it ended. */
async function run(walk: ReturnType<typeof walkOver>) {
  const yielded: string[] = [];
  try {
    for await (const item of new Paginated(walk)) yielded.push(item);
    return { yielded, error: undefined };
  } catch (error) {
    return { yielded, error };
  }
}

const strategy = fc.constantFrom(...STRATEGIES);

describe('paging walks over a listing that changes between requests', () => {
  it('list every item there from start to end exactly once when items are only inserted (fewer than a page at a time)', async () => {
    await fc.assert(
      fc.asyncProperty(
        strategy,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 2, max: 8 }),
        fc.gen(),
        async (kind, count, pageSize, gen) => {
          const changes = gen(insertions, pageSize, RECENT_PAGES * pageSize - 1);
          const server = new ListingServer(count, pageSize, changes);
          const { yielded, error } = await run(walkOver(kind, server, pageSize));
          expect(new Set(yielded).size).toBe(yielded.length);
          if (error !== undefined) {
            // Only the offset walk's question (what does offset count?) can fail on a moving head.
            expect(kind).toMatch(/^offset/);
            expect((error as Error).message).toMatch(/first page kept changing/);
            return;
          }
          for (let i = 0; i < count; i++) expect(yielded).toContain(`item-${i}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never yield an item twice, and end with a PaginationError or at the end, when items are inserted and deleted anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        strategy,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.gen(),
        async (kind, count, pageSize, gen) => {
          const changes = gen(churn, pageSize, RECENT_PAGES * pageSize - 1);
          const server = new ListingServer(count, pageSize, changes);
          const { yielded, error } = await run(walkOver(kind, server, pageSize));
          expect(new Set(yielded).size).toBe(yielded.length);
          if (error !== undefined) expect(PaginationError.is(error)).toBe(true);
          expect(server.requests).toBeLessThan(count + 40);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('paging walks over a server that repeats itself', () => {
  const expectStopped = (error: unknown) => {
    expect(PaginationError.is(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'pai', operation: 'ListThings' });
    expect((error as Error).message).toMatch(
      /ListThings.*(holds only items already listed|page token it had already returned|same page came back|first page kept changing)/,
    );
  };

  it('stop a server that starts over or repeats its last answer at the first page it repeats, yielding nothing twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        strategy,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom<'restart' | 'repeat'>('restart', 'repeat'),
        fc.integer({ min: 1, max: 12 }),
        async (kind, pages, pageSize, fault, from) => {
          // Always more pages than the fault needs, so that a page is asked for after it starts.
          const count = (pages + from + 1) * pageSize;
          const server = new ListingServer(count, pageSize, [], { kind: fault, from });
          const { yielded, error } = await run(walkOver(kind, server, pageSize));
          expectStopped(error);
          expect(new Set(yielded).size).toBe(yielded.length);
          // The repeated page, the pages in flight beside it (3), and the offset walk's probe (2).
          expect(server.requests).toBeLessThanOrEqual(from + 1 + 3 + 2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stop a server cycling through pages: at once, with nothing twice, when the cycle fits the pages kept; within about three times its length otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(
        strategy,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        async (kind, pageSize, from, pages) => {
          const fault: Misbehaviour = { kind: 'cycle', from, pages };
          const server = new ListingServer((from + pages) * pageSize, pageSize, [], fault);
          const { yielded, error } = await run(walkOver(kind, server, pageSize));
          expectStopped(error);
          if (pages <= RECENT_PAGES || from === 0) {
            expect(new Set(yielded).size).toBe(yielded.length);
            expect(server.requests).toBeLessThanOrEqual(from + pages + 1 + 3 + 2);
          }
          expect(server.requests).toBeLessThanOrEqual(3 * (from + pages + 1) + 3 + 2);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('RecentKeys', () => {
  const page = (n: number) => new Set([`a${n}`, `b${n}`]);

  it('keeps the first page, the last pages and the checkpoint page, and forgets the rest', () => {
    const recent = new RecentKeys();
    for (let n = 1; n <= 12; n++) recent.remember(page(n));
    // First page; checkpoint page 8 (the last power of two); the last RECENT_PAGES: 9–12.
    const kept = [1, 8, 9, 10, 11, 12];
    for (let n = 1; n <= 12; n++) {
      expect(recent.has(`a${n}`)).toBe(kept.includes(n));
      expect(recent.has(`b${n}`)).toBe(kept.includes(n));
    }
    expect(RECENT_PAGES).toBe(4);
  });

  it('still knows a page beyond the last ones only while it is the checkpoint: the last power of two', () => {
    const recent = new RecentKeys();
    const held: number[] = [];
    for (let n = 1; n <= 40; n++) {
      recent.remember(page(n));
      // Beyond the last pages and the first, only the checkpoint is still known.
      const old = n - RECENT_PAGES;
      if (old > 1 && recent.has(`a${old}`)) held.push(old);
    }
    expect([...new Set(held)]).toEqual([8, 16, 32]);
  });
});
