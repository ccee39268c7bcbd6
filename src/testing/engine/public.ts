/** What every fake shares and a test names: the virtual clock, faults, the request log, the loopback server. */

/** The JSON objects the fakes record and are seeded with. */
export type { JsonObject } from '../../core/fields.js';
export { type LoopbackServer, startLoopbackServer } from '../loopback.js';
export { createVirtualClock, DEFAULT_FAKE_START, type VirtualClock } from './clock.js';
export { type CloudFake, DEFAULT_FAKE_SEED } from './fake.js';
export { DEFAULT_FAULT_DELAY_MS } from './fault-response.js';
export { type Fault, FaultInjector, type FaultKind, type FaultSpec } from './faults.js';
export type { LoggedRequest } from './request-log.js';
export { deriveRng, type Rng } from './rng.js';
