/**
 * A simulated listing server for the paging walks' property tests: items in one order, pages cut
 * by record offset, and between requests the listing changes (items inserted or deleted at any
 * place) or the server misbehaves (starts over, repeats its last answer, cycles through pages).
 * The three walks (token, page number, offset) are built over it by `walkOver`.
 */
import fc from 'fast-check';
import type { PageWalk } from '../../../src/core/paginate.js';
import { tokenWalk } from '../../../src/core/paginate.js';
import { indexedWalk } from '../../../src/core/paginate-indexed.js';
import { offsetWalk } from '../../../src/core/paginate-offset.js';

/** Applied right after one request is answered; `at` and `deleteAt` are fractions of the listing. */
export interface Change {
  insert: number;
  at: number;
  delete: number;
  deleteAt: number;
}

export type Misbehaviour =
  /** From request `from` on, answers as if asked for the first page. */
  | { kind: 'restart'; from: number }
  /** From request `from` on, answers what it answered last. */
  | { kind: 'repeat'; from: number }
  /** Pages `from`…`from + pages - 1` honestly, then those again, forever; never an end. */
  | { kind: 'cycle'; from: number; pages: number };

export type Strategy = 'token' | 'indexed' | 'offset-record' | 'offset-page';
export const STRATEGIES: readonly Strategy[] = ['token', 'indexed', 'offset-record', 'offset-page'];

export class ListingServer {
  items: string[];
  requests = 0;
  readonly #pageSize: number;
  readonly #changes: readonly Change[];
  readonly #fault: Misbehaviour | undefined;
  #last: string[] = [];
  #created = 0;
  readonly #tokens = new Map<string, number>();

  constructor(count: number, pageSize: number, changes: readonly Change[] = [], fault?: Misbehaviour) {
    this.items = Array.from({ length: count }, (_, i) => `item-${i}`);
    this.#pageSize = pageSize;
    this.#changes = changes;
    this.#fault = fault;
  }

  get misbehaving(): boolean {
    return this.#fault !== undefined && this.requests >= this.#fault.from;
  }

  /** The page starting at record `start`, the total the server claims, and whether more follow. */
  answer(start: number): { items: string[]; total: number; more: boolean } {
    const s = this.#pageSize;
    const fault = this.misbehaving ? this.#fault : undefined;
    let from = start;
    if (fault?.kind === 'restart') from = 0;
    if (fault?.kind === 'cycle') {
      const first = fault.from * s;
      from = start < first ? start : first + ((start - first) % (fault.pages * s));
    }
    const items = fault?.kind === 'repeat' ? this.#last : this.items.slice(from, from + s);
    this.#last = items;
    // A cycling server always claims one page more than asked for: "TotalCount one page ahead".
    const total = fault?.kind === 'cycle' ? Math.max(this.items.length, start + 2 * s) : this.items.length;
    const more = fault !== undefined || start + s < this.items.length;
    this.requests++;
    const change = this.#changes[this.requests - 1];
    if (change) this.#apply(change);
    return { items, total, more };
  }

  /** A token standing for record `start`; a misbehaving server hands out a fresh one every time. */
  tokenFor(start: number, fresh: boolean): string {
    const token = fresh ? `fresh-${this.requests}` : `at-${start}`;
    this.#tokens.set(token, start);
    return token;
  }

  startOf(token: string): number {
    return this.#tokens.get(token) ?? Number.NaN;
  }

  #apply(change: Change): void {
    const removeAt = Math.floor(change.deleteAt * this.items.length);
    this.items.splice(removeAt, change.delete);
    const at = Math.floor(change.at * (this.items.length + 1));
    const created = Array.from({ length: change.insert }, () => `new-${this.#created++}`);
    this.items.splice(at, 0, ...created);
  }
}

/** One of the three walks over `server`, pages of `pageSize`, items keyed by themselves. */
export function walkOver(
  strategy: Strategy,
  server: ListingServer,
  pageSize: number,
  concurrency = 3,
): PageWalk<string> {
  const common = { provider: 'pai' as const, operation: 'ListThings', keyOf: (item: string) => item };
  if (strategy === 'token') {
    return tokenWalk({
      ...common,
      fetchPage: async (token) => {
        const start = token === undefined ? 0 : server.startOf(token);
        const page = server.answer(start);
        const next = page.more ? server.tokenFor(start + pageSize, server.misbehaving) : undefined;
        return { items: page.items, nextToken: next, raw: {} };
      },
    });
  }
  if (strategy === 'indexed') {
    return indexedWalk({
      ...common,
      pageSize,
      concurrency,
      fetchPage: async (index) => {
        const { items, total } = server.answer(index * pageSize);
        return { items, total, raw: {} };
      },
    });
  }
  const meaning = strategy === 'offset-page' ? 'page' : 'record';
  return offsetWalk({
    ...common,
    pageSize,
    concurrency,
    fetchAt: async (offset) => {
      const { items, total } = server.answer(meaning === 'page' ? offset * pageSize : offset);
      return { items, total, raw: {} };
    },
  });
}

/** Changes between requests that only insert, fewer than `perRequest` at a time, `most` in all. */
export function insertions(perRequest: number, most: number): fc.Arbitrary<Change[]> {
  return fc
    .array(
      fc.record({
        insert: fc.nat({ max: Math.max(0, perRequest - 1) }),
        at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      }),
      { maxLength: 40 },
    )
    .map((list) => {
      let left = most;
      return list.map(({ insert, at }) => {
        const n = Math.min(insert, left);
        left -= n;
        return { insert: n, at, delete: 0, deleteAt: 0 };
      });
    });
}

/** Changes that insert and delete anywhere, `most` insertions in all. */
export function churn(pageSize: number, most: number): fc.Arbitrary<Change[]> {
  const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
  return fc
    .array(
      fc.record({
        insert: fc.nat({ max: pageSize * 2 }),
        at: fraction,
        delete: fc.nat({ max: pageSize * 2 }),
        deleteAt: fraction,
      }),
      { maxLength: 40 },
    )
    .map((list) => {
      let left = most;
      return list.map((change) => {
        const insert = Math.min(change.insert, left);
        left -= insert;
        return { ...change, insert };
      });
    });
}
