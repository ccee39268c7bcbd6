import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../src/testing/engine/faults.js';
import { randomUuid } from '../../src/testing/engine/rng.js';
import { createVirtualClock, DEFAULT_FAKE_START, deriveRng } from '../../src/testing/index.js';

describe('virtual clock', () => {
  it('starts at 2026-01-01T00:00:00Z unless told otherwise', () => {
    expect(new Date(createVirtualClock().now()).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(createVirtualClock(new Date('2030-05-01T00:00:00Z')).now()).toBe(Date.UTC(2030, 4, 1));
  });

  it('advances, jumps forward, refuses to go back, and resets to its start', () => {
    const clock = createVirtualClock();
    expect(clock.advance(1_500)).toBe(DEFAULT_FAKE_START + 1_500);
    clock.set(DEFAULT_FAKE_START + 10_000);
    expect(clock.now()).toBe(DEFAULT_FAKE_START + 10_000);
    expect(() => clock.set(DEFAULT_FAKE_START)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    clock.reset();
    expect(clock.now()).toBe(DEFAULT_FAKE_START);
  });
});

describe('seeded streams', () => {
  it('repeat for the same seed and path, and differ across seeds and paths', () => {
    const draw = (rng: () => number) => Array.from({ length: 5 }, rng);
    expect(draw(deriveRng(1, 'job', 3))).toEqual(draw(deriveRng(1, 'job', 3)));
    expect(draw(deriveRng(2, 'job', 3))).not.toEqual(draw(deriveRng(1, 'job', 3)));
    expect(draw(deriveRng(1, 'job', 4))).not.toEqual(draw(deriveRng(1, 'job', 3)));
    // Path parts are kept apart: ('ab', 'c') is not ('a', 'bc').
    expect(draw(deriveRng(1, 'ab', 'c'))).not.toEqual(draw(deriveRng(1, 'a', 'bc')));
  });

  it('stay in [0, 1) and spread evenly', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), (seed, path) => {
        const xs = Array.from({ length: 2_000 }, deriveRng(seed, path));
        expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...xs)).toBeLessThan(1);
        const buckets = new Array<number>(10).fill(0);
        for (const x of xs) buckets[Math.floor(x * 10)] = (buckets[Math.floor(x * 10)] ?? 0) + 1;
        expect(Math.min(...buckets)).toBeGreaterThan(120);
      }),
      { numRuns: 25 },
    );
  });

  it('make version-4-shaped uuids', () => {
    const rng = deriveRng(9, 'ids');
    for (let i = 0; i < 50; i++) {
      expect(randomUuid(rng)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
});

describe('fault registry', () => {
  it('matches in injection order, by operation or for any, and counts down', () => {
    const faults = new FaultInjector();
    faults.inject({ kind: 'throttle', operation: 'Describe', times: 2 });
    faults.inject({ kind: 'server-error' });
    expect(faults.take('List')?.kind).toBe('server-error');
    expect(faults.take('List')).toBeUndefined();
    expect(faults.take('Describe')).toMatchObject({ kind: 'throttle', remaining: 1 });
    expect(faults.take('Describe')).toMatchObject({ kind: 'throttle', remaining: 0 });
    expect(faults.take('Describe')).toBeUndefined();
  });

  it('keeps an Infinity fault until cleared', () => {
    const faults = new FaultInjector();
    faults.inject({ kind: 'reset', times: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 100; i++) expect(faults.take(undefined)?.kind).toBe('reset');
    faults.clear();
    expect(faults.take(undefined)).toBeUndefined();
  });

  it('rejects nonsense', () => {
    const faults = new FaultInjector();
    expect(() => faults.inject({ kind: 'delay', delayMs: -5 })).toThrow(RangeError);
    expect(() => faults.inject({ kind: 'server-error', status: 99 })).toThrow(RangeError);
    expect(() => faults.inject({ kind: 'throttle', times: 1.5 })).toThrow(RangeError);
  });
});
