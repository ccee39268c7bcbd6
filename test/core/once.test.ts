import { describe, expect, it } from 'vitest';
import { once } from '../../src/core/once.js';

describe('once', () => {
  it('builds on the first call only and hands the same value back after', () => {
    let builds = 0;
    const get = once(() => ({ n: ++builds }));
    expect(builds).toBe(0);
    const first = get();
    expect(first).toEqual({ n: 1 });
    expect(get()).toBe(first);
    expect(builds).toBe(1);
    const zero = once(() => {
      builds++;
      return 0;
    });
    expect([zero(), zero()]).toEqual([0, 0]);
    expect(builds).toBe(2);
  });
});
