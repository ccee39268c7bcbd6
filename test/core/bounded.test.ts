/** `mapBounded`: every item mapped once, results in the items' order, never more than `limit` at once. */
import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../src/core/bounded.js';

/** Maps each item after `delay(item)` ms, recording the most calls in flight at once. */
function tracked(delay: (item: number) => number) {
  const seen = { active: 0, most: 0, calls: [] as number[] };
  const fn = async (item: number) => {
    seen.calls.push(item);
    seen.most = Math.max(seen.most, ++seen.active);
    await new Promise((resolve) => setTimeout(resolve, delay(item)));
    seen.active--;
    return item * 10;
  };
  return { seen, fn };
}

describe('mapBounded', () => {
  it('keeps the items’ order whatever order the calls end in, with at most limit in flight', async () => {
    const { seen, fn } = tracked((item) => (item % 2 === 0 ? 15 : 1));
    expect(await mapBounded([0, 1, 2, 3, 4, 5, 6], 3, fn)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(seen.most).toBe(3);
    expect(seen.calls.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('one at a time for a limit below 1; no more workers than items; nothing for no items', async () => {
    for (const limit of [0, -2]) {
      const { seen, fn } = tracked(() => 1);
      expect(await mapBounded([1, 2, 3], limit, fn)).toEqual([10, 20, 30]);
      expect(seen.most).toBe(1);
    }
    const { seen, fn } = tracked(() => 1);
    expect(await mapBounded([1, 2], 8, fn)).toEqual([10, 20]);
    expect(seen.calls).toEqual([1, 2]);
    expect(await mapBounded([], 4, fn)).toEqual([]);
  });
});
