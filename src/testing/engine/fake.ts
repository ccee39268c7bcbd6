/** The shape every cloud's fake has, so a test written against one reads the same against the others. */
import type { HttpHandler } from 'msw';
import type { VirtualClock } from './clock.js';
import type { FaultInjector } from './faults.js';
import type { LoggedRequest } from './request-log.js';

/** The seed every fake uses unless given one: the same runs, test after test. */
export const DEFAULT_FAKE_SEED = 42;

export interface CloudFake<State> {
  /** Pass to msw: `setupServer(...fake.handlers)`, or serve them with `startLoopbackServer`. */
  readonly handlers: HttpHandler[];
  readonly endpoint: string;
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
