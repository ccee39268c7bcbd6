import type { ProviderId } from '../errors.js';

/**
 * One event per HTTP attempt. It never carries headers, bodies or credentials, so it is safe to
 * log as it is.
 */
export interface AttemptEvent {
  provider: ProviderId;
  operation: string;
  /** 1 for the first attempt. */
  attempt: number;
  durationMs: number;
  httpStatus?: number | undefined;
  requestId?: string | undefined;
  /** Class name of the error this attempt ended with, e.g. `ThrottlingError`. */
  errorClass?: string | undefined;
  /** The cloud's error code, e.g. `ThrottlingException`. */
  errorCode?: string | undefined;
  /** Set when another attempt follows, after this many milliseconds. */
  retryDelayMs?: number | undefined;
}

/** Observers of a client's HTTP traffic (the `hooks` client option). */
export interface Hooks {
  /** Called after every attempt, retried or not; an exception it throws is ignored. */
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
}

/** A hook that throws must not break the call it observes. */
export function emit(hooks: Hooks | undefined, event: AttemptEvent): void {
  try {
    // Stryker disable next-line OptionalChaining: calling a hook that is not there throws a TypeError, caught below as any hook's exception is.
    hooks?.onAttempt?.(event);
  } catch {
    // Observability is best effort.
  }
}
