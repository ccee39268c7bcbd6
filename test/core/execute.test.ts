import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AbortError,
  ConflictError,
  NetworkError,
  ServiceError,
  ThrottlingError,
  TimeoutError,
  ValidationError,
} from '../../src/core/errors.js';
import { decodeJson } from '../../src/core/http/decode.js';
import type { CloudErrors } from '../../src/core/http/error-mapper.js';
import { type ExecutionContext, execute, type OperationPlan } from '../../src/core/http/execute.js';
import type { AttemptEvent } from '../../src/core/http/hooks.js';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from '../../src/core/http/retry.js';
import { answersInTurn } from './helpers/answers.js';

const server = setupServer();
beforeAll(() => server.listen());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const URL_ = 'https://api.example.test/op';
const fast = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 };

function context(events: AttemptEvent[] = [], extra: Partial<ExecutionContext> = {}): ExecutionContext {
  return {
    provider: 'sagemaker',
    transport: {},
    retry: fast,
    hooks: { onAttempt: (e) => events.push(e) },
    errors: NO_CODES,
    ...extra,
  };
}

/** A cloud whose error answers carry no code: the shared defaults classify them by status. */
const NO_CODES: CloudErrors = { requestIdHeaders: ['x-request-id'], read: () => ({}), codes: {} };

function plan(extra: Partial<OperationPlan<{ ok: boolean }>> = {}): OperationPlan<{ ok: boolean }> {
  return {
    operation: 'Op',
    idempotent: true,
    request: async () => ({
      method: 'POST',
      url: URL_,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }),
    decode: (response, details) => decodeJson(response, z.object({ ok: z.boolean() }), details),
    ...extra,
  };
}

/** Answers with the given responses in turn (the last one repeats); returns the request count. */
const sequence = answersInTurn(server, URL_);

const ok = () => HttpResponse.json({ ok: true }, { headers: { 'x-request-id': 'rid-ok' } });

describe('execute: retries by the shared policy', () => {
  it('retries 500/502/503/504, 429 and resets, then succeeds; one hook event per attempt', async () => {
    const events: AttemptEvent[] = [];
    const count = sequence(
      () => new HttpResponse('x', { status: 503 }),
      () => HttpResponse.error(),
      () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } }),
      ok,
    );
    await expect(execute(context(events, { retry: { ...fast, maxAttempts: 5 } }), plan())).resolves.toEqual({
      ok: true,
    });
    expect(count()).toBe(4);
    expect(events.map((e) => [e.attempt, e.errorClass, e.httpStatus])).toEqual([
      [1, 'ServiceError', 503],
      [2, 'NetworkError', undefined],
      [3, 'ThrottlingError', 429],
      [4, undefined, 200],
    ]);
    expect(events[3]?.requestId).toBe('rid-ok');
    expect(events.slice(0, 3).every((e) => typeof e.retryDelayMs === 'number')).toBe(true);
    expect(events[3]?.retryDelayMs).toBeUndefined();
  });

  it('does not retry a validation error', async () => {
    const count = sequence(() => new HttpResponse('{}', { status: 400 }));
    await expect(execute(context(), plan())).rejects.toThrow(ValidationError);
    expect(count()).toBe(1);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const count = sequence(() => new HttpResponse('x', { status: 500 }));
    await expect(execute(context([], { retry: { ...fast, maxAttempts: 3 } }), plan())).rejects.toThrow(
      ServiceError,
    );
    expect(count()).toBe(3);
  });

  it('per-call retry: false makes a single attempt', async () => {
    const count = sequence(() => new HttpResponse('x', { status: 500 }));
    await expect(execute(context(), plan(), { retry: false })).rejects.toThrow(ServiceError);
    expect(count()).toBe(1);
  });

  it('stops when the next wait would pass maxElapsedMs (a long Retry-After)', async () => {
    const count = sequence(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '30' } }));
    const started = Date.now();
    const error = await execute(context([], { retry: { ...fast, maxElapsedMs: 1000 } }), plan()).catch(
      (e) => e,
    );
    expect(ThrottlingError.is(error)).toBe(true);
    expect(error.retryAfterMs).toBe(30_000);
    expect(count()).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('times out an attempt, retries it, and reports TimeoutError when all time out', async () => {
    server.use(
      http.post(URL_, async () => {
        await new Promise((r) => setTimeout(r, 300));
        return ok();
      }),
    );
    const events: AttemptEvent[] = [];
    const error = await execute(context(events, { retry: { ...fast, maxAttempts: 2 } }), plan(), {
      timeoutMs: 40,
    }).catch((e) => e);
    expect(TimeoutError.is(error)).toBe(true);
    expect(events.map((e) => e.errorClass)).toEqual(['TimeoutError', 'TimeoutError']);
  });

  it('an abort stops the call at once, also during a backoff wait', async () => {
    sequence(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '10' } }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 50);
    const started = Date.now();
    const error = await execute(context([], { retry: { ...fast, maxElapsedMs: 60_000 } }), plan(), {
      signal: controller.signal,
    }).catch((e) => e);
    expect(AbortError.is(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    const pre = new AbortController();
    pre.abort();
    await expect(execute(context(), plan(), { signal: pre.signal })).rejects.toThrow(AbortError);
  });

  it('a truncated JSON body is a retryable ResponseFormatError', async () => {
    const count = sequence(() => new HttpResponse('{"ok": tr', { status: 200 }), ok);
    await expect(execute(context(), plan())).resolves.toEqual({ ok: true });
    expect(count()).toBe(2);
  });

  it('uses an injected fetch instead of the global one', async () => {
    const seen: string[] = [];
    const fetch = async (url: string) => {
      seen.push(url);
      return Response.json({ ok: true });
    };
    await expect(execute(context([], { transport: { fetch } }), plan())).resolves.toEqual({ ok: true });
    expect(seen).toEqual([URL_]);
  });
});

describe('execute: non-idempotent calls', () => {
  it('after an ambiguous failure, reconciles before sending again and returns what it finds', async () => {
    const count = sequence(() => HttpResponse.error(), ok);
    let reconciled = 0;
    const result = await execute(
      context(),
      plan({
        idempotent: false,
        reconcile: async () => {
          reconciled++;
          return { ok: true };
        },
      }),
    );
    expect(result).toEqual({ ok: true });
    expect(reconciled).toBe(1);
    expect(count()).toBe(1);
  });

  it('retries when reconcile finds nothing, and a conflict afterwards is reconciled again', async () => {
    const count = sequence(
      () => new HttpResponse('x', { status: 502 }),
      () => new HttpResponse('{}', { status: 409 }),
    );
    const answers = [undefined, { ok: true }];
    const result = await execute(
      context(),
      plan({ idempotent: false, resendIfAbsent: true, reconcile: async () => answers.shift() }),
    );
    expect(result).toEqual({ ok: true });
    expect(count()).toBe(2);
  });

  it('without a reconcile step an ambiguous failure is never retried', async () => {
    const count = sequence(() => HttpResponse.error(), ok);
    await expect(execute(context(), plan({ idempotent: false }))).rejects.toThrow(NetworkError);
    expect(count()).toBe(1);
  });

  it('a plain conflict (no ambiguity before) is not reconciled', async () => {
    sequence(() => new HttpResponse('{}', { status: 409 }));
    let reconciled = 0;
    await expect(
      execute(
        context(),
        plan({
          idempotent: false,
          reconcile: async () => {
            reconciled++;
            return { ok: true };
          },
        }),
      ),
    ).rejects.toThrow(ConflictError);
    expect(reconciled).toBe(0);
  });
});

describe('backoff', () => {
  it('full jitter stays within the capped exponential bound; Retry-After is a floor', () => {
    const p = { ...DEFAULT_RETRY };
    for (let retry = 0; retry < 12; retry++) {
      for (const r of [0, 0.5, 0.999]) {
        const d = backoffDelay(new ServiceError('x', { retryable: true }), retry, p, () => r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** retry));
      }
    }
    expect(backoffDelay(new ThrottlingError('x', { retryAfterMs: 7000 }), 0, p, () => 0)).toBe(7000);
    expect(backoffDelay(new ThrottlingError('x'), 3, p, () => 0.5)).toBe(2000);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
