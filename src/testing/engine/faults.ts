/**
 * Fault injection shared by every cloud fake. The registry only decides *whether* a fault applies
 * to a request; each cloud renders throttling and server errors in its own wire form (see
 * `respondWithFault`).
 */

export type FaultKind = 'throttle' | 'server-error' | 'reset' | 'delay' | 'truncated' | 'empty' | 'non-json';

export const FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'server-error',
  'reset',
  'delay',
  'truncated',
  'empty',
  'non-json',
];

/** A fault to inject: what goes wrong, for which operation, how many times. */
export interface FaultSpec {
  /**
   * - `throttle`: the cloud's rate-limit error.
   * - `server-error`: the cloud's 5xx error (`status` picks which, e.g. 500 or 503).
   * - `reset`: a network error, as if the connection was reset.
   * - `delay`: waits `delayMs` of real time, then answers normally (use it to trip client timeouts).
   * - `truncated`: the request is served, then the body is cut in half.
   * - `empty`: the request is served, then answered with its status and an empty body.
   * - `non-json`: an HTML error page from a gateway in front of the service (default 502).
   */
  kind: FaultKind;
  /** Only requests for this operation (e.g. `CreateHyperParameterTuningJob`); default: any. */
  operation?: string;
  /** How many matching requests fail; default 1, `Infinity` for every one. */
  times?: number;
  /** HTTP status override for `throttle`, `server-error` and `non-json`. */
  status?: number;
  /** Real milliseconds to wait for `delay`. */
  delayMs?: number;
}

/** A queued fault, as `FaultInjector`'s `pending` and `take` give it. */
export interface Fault {
  readonly kind: FaultKind;
  readonly operation: string | undefined;
  readonly status: number | undefined;
  readonly delayMs: number | undefined;
  /** Matching requests still to fail. */
  readonly remaining: number;
}

interface MutableFault {
  kind: FaultKind;
  operation: string | undefined;
  status: number | undefined;
  delayMs: number | undefined;
  remaining: number;
}

/**
 * A fake's queue of faults (`fake.faults`): each matching request takes one, until its `times`
 * are used up.
 *
 * @example
 * ```ts
 * import { sagemakerFake } from 'crosstune/testing/sagemaker';
 *
 * const fake = sagemakerFake();
 * fake.faults.inject({ kind: 'throttle', operation: 'DescribeHyperParameterTuningJob', times: 2 });
 * fake.faults.inject({ kind: 'reset' }); // the next request of any operation
 * ```
 */
export class FaultInjector {
  readonly #faults: MutableFault[] = [];

  /** Queues a fault. Faults are matched in the order they were injected. */
  inject(spec: FaultSpec): void {
    if (!FAULT_KINDS.includes(spec.kind)) throw new TypeError(`Unknown fault kind: ${String(spec.kind)}`);
    const times = spec.times ?? 1;
    if (!(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times >= 1))) {
      throw new RangeError(`times must be a positive integer or Infinity, got ${times}`);
    }
    if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0)) {
      throw new RangeError(`delayMs must be a finite number >= 0, got ${spec.delayMs}`);
    }
    if (
      spec.status !== undefined &&
      !(Number.isInteger(spec.status) && spec.status >= 200 && spec.status <= 599)
    ) {
      throw new RangeError(`status must be an HTTP status code, got ${spec.status}`);
    }
    this.#faults.push({
      kind: spec.kind,
      operation: spec.operation,
      status: spec.status,
      delayMs: spec.delayMs,
      remaining: times,
    });
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#faults.length = 0;
  }

  /** Faults that have not been used up yet. */
  get pending(): readonly Fault[] {
    return this.#faults.map((f) => ({ ...f }));
  }

  /** Consumes one use of the first fault that matches `operation`, if any. */
  take(operation: string | undefined): Fault | undefined {
    const index = this.#faults.findIndex((f) => f.operation === undefined || f.operation === operation);
    const fault = this.#faults[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    return { ...fault };
  }
}
