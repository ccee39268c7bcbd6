/**
 * Fakes advance on a virtual clock rather than wall time, so a test can jump through an hour of
 * training in a microsecond and get the same timestamps on every run.
 */

/** 2026-01-01T00:00:00Z: a fixed default start keeps every run's timestamps identical. */
export const DEFAULT_FAKE_START = Date.UTC(2026, 0, 1);

/** Time as a fake sees it: moves only when a test (or a `wait` using it as scheduler) moves it. */
export interface VirtualClock {
  /** Current virtual time in milliseconds since the Unix epoch. */
  now(): number;
  /** Moves time forward by `ms` (≥ 0) and returns the new time. */
  advance(ms: number): number;
  /**
   * Jumps to an absolute time. Going backwards is refused: fakes have already acted on the
   * time they saw, and rewinding would leave finished jobs with end times in the future.
   */
  set(time: number | Date): void;
  /** Returns to the start time; only meaningful between tests, together with resetting the fakes. */
  reset(): void;
  /**
   * Lets `ms` of virtual time pass at once. With `now`, this makes the clock a scheduler for
   * `experiments.wait` and `watch` (`{ scheduler: fake.clock }`): hours of polling take no time.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Creates a clock that starts at `start` (default {@link DEFAULT_FAKE_START}); pass one clock to
 * several fakes (`clock` option) to move them together. Throws RangeError for a non-finite start.
 *
 * @example
 * ```ts
 * import { createVirtualClock, paiFake, sagemakerFake } from 'crosstune/testing';
 *
 * const clock = createVirtualClock(new Date('2026-03-01T00:00:00Z'));
 * const aws = sagemakerFake({ clock });
 * const ali = paiFake({ clock });
 * clock.advance(30 * 60_000); // half an hour passes on both
 * ```
 */
export function createVirtualClock(start: number | Date = DEFAULT_FAKE_START): VirtualClock {
  const origin = toMillis(start, 'start');
  let current = origin;
  return {
    now: () => current,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() needs a finite ms >= 0, got ${ms}`);
      current += ms;
      return current;
    },
    set(time) {
      const next = toMillis(time, 'time');
      if (next < current) {
        throw new RangeError(
          `set() cannot move the clock backwards (${new Date(next).toISOString()} < ${new Date(current).toISOString()})`,
        );
      }
      current = next;
    },
    reset() {
      current = origin;
    },
    async sleep(ms, signal) {
      signal?.throwIfAborted();
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`sleep() needs a finite ms >= 0, got ${ms}`);
      current += ms;
    },
  };
}

function toMillis(time: number | Date, label: string): number {
  const ms = time instanceof Date ? time.getTime() : time;
  if (!Number.isFinite(ms)) throw new RangeError(`${label} must be a finite epoch-millisecond value`);
  return ms;
}
