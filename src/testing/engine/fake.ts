/** The shape every cloud's fake has, so a test written against one reads the same against the others. */
import type { HttpHandler } from 'msw';
import { createVirtualClock, type VirtualClock } from './clock.js';
import { FaultInjector } from './faults.js';
import { type LoggedRequest, RequestLog } from './request-log.js';
import { deriveRng, type Rng } from './rng.js';

/** The seed every fake uses unless given one: the same runs, test after test. */
export const DEFAULT_FAKE_SEED = 42;

/** What every cloud's fake has: msw handlers, its endpoint and region, clock, faults, request log and store. */
export interface CloudFake<State> {
  /** Pass to msw: `setupServer(...fake.handlers)`, or serve them with `startLoopbackServer`. */
  readonly handlers: HttpHandler[];
  /** The URL the fake answers on (the cloud's real endpoint by default). */
  readonly endpoint: string;
  /** The region requests must be signed for. */
  readonly region: string;
  /** Advance it to make trials progress. */
  readonly clock: VirtualClock;
  /** `fake.faults.inject({ kind: 'throttle', operation: '<the cloud's operation>', times: 2 })`. */
  readonly faults: FaultInjector;
  /** Every request received, in order, secrets redacted. */
  readonly requests: readonly LoggedRequest[];
  /** Read or seed the fake's store directly. */
  readonly state: State;
  /** Empties the store, faults and log, restarts ids, and rewinds the clock if the fake made it. */
  reset(): void;
}

/** What every fake assembles the same way: its clock, faults, request log and request-id stream. */
export interface FakeParts {
  readonly clock: VirtualClock;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  /** The stream request ids are drawn from; the same sequence after every `reset()`. */
  requestIds(): Rng;
  /** Clears faults and log, restarts the request ids, rewinds the clock if the fake made it. */
  reset(): void;
}

export function fakeParts(cloud: string, seed: number, clock?: VirtualClock): FakeParts {
  const own = clock === undefined;
  const theClock = clock ?? createVirtualClock();
  const faults = new FaultInjector();
  const log = new RequestLog();
  let ids = deriveRng(seed, cloud, 'request-ids');
  return {
    clock: theClock,
    faults,
    log,
    requestIds: () => ids,
    reset() {
      faults.clear();
      log.clear();
      ids = deriveRng(seed, cloud, 'request-ids');
      if (own) theClock.reset();
    },
  };
}

/**
 * The fake every cloud returns, from its parts: `reset()` empties the state and the parts, then
 * whatever else the cloud keeps (a signature verifier's replay memory, issued access keys).
 */
export function assembleFake<State extends { reset(): void }>(
  parts: FakeParts,
  fake: { handlers: HttpHandler[]; endpoint: URL; region: string; state: State },
  alsoReset: readonly ({ reset(): void } | undefined)[] = [],
): CloudFake<State> {
  const { state } = fake;
  return {
    handlers: fake.handlers,
    // The origin as given, without the trailing slash a URL's href always has.
    endpoint: fake.endpoint.href.replace(/\/$/, ''),
    region: fake.region,
    clock: parts.clock,
    faults: parts.faults,
    requests: parts.log.entries,
    state,
    reset() {
      state.reset();
      for (const other of alsoReset) other?.reset();
      parts.reset();
    },
  };
}
