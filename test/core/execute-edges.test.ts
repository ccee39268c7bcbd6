/**
 * The attempt loop at its edges: what an error and a hook event say (provider, operation, status,
 * request id, code), which time limit an attempt gets, what counts as a success, an abort before
 * or during an attempt, and a write whose ambiguous failure is looked up and not found.
 */
import { getEventListeners } from 'node:events';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AbortError, NotFoundError } from '../../src/core/errors.js';
import type { CallOptions } from '../../src/core/http/call-options.js';
import { decodeJson } from '../../src/core/http/decode.js';
import type { CloudErrors } from '../../src/core/http/error-mapper.js';
import { type ExecutionContext, execute, type OperationPlan } from '../../src/core/http/execute.js';
import type { AttemptEvent } from '../../src/core/http/hooks.js';
import type { FetchLike } from '../../src/core/http/transport.js';
import { answersInTurn } from './helpers/answers.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const URL_ = 'https://api.example.test/op';
const fast = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 };
/** A cloud whose error envelope is `{ code, message }` and whose request id is `x-request-id`. */
const ERRORS: CloudErrors = {
  requestIdHeaders: ['x-request-id'],
  read: (_response, body) => ({ code: body?.code as string, message: body?.message as string }),
  codes: { NoSuchThing: 'not-found', SlowDown: 'throttling' },
};

function context(events: AttemptEvent[] = [], extra: Partial<ExecutionContext> = {}): ExecutionContext {
  return {
    provider: 'pai',
    transport: {},
    retry: fast,
    hooks: { onAttempt: (e) => events.push(e) },
    errors: ERRORS,
    ...extra,
  };
}

function plan(extra: Partial<OperationPlan<{ ok: boolean }>> = {}): OperationPlan<{ ok: boolean }> {
  return {
    operation: 'GetThing',
    idempotent: true,
    request: async () => ({ method: 'POST', url: URL_, headers: {}, body: '{}' }),
    decode: (response, details) => decodeJson(response, z.object({ ok: z.boolean() }), details),
    ...extra,
  };
}

/** Answers with the given responses in turn (the last one repeats); returns the request count. */
const sequence = answersInTurn(server, URL_);

const ok = () => HttpResponse.json({ ok: true });

describe('what a failure says', () => {
  it('the error and each attempt’s event carry provider, operation, status, request id and code', async () => {
    const events: AttemptEvent[] = [];
    const started = performance.now();
    sequence(
      () =>
        HttpResponse.json(
          { code: 'SlowDown', message: 'easy' },
          { status: 400, headers: { 'x-request-id': 'r1' } },
        ),
      () =>
        HttpResponse.json(
          { code: 'NoSuchThing', message: 'gone' },
          { status: 404, headers: { 'x-request-id': 'r2' } },
        ),
    );
    const error = await execute(context(events), plan()).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(NotFoundError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'pai',
      operation: 'GetThing',
      httpStatus: 404,
      requestId: 'r2',
      code: 'NoSuchThing',
    });
    expect(events.map(({ durationMs: _, ...e }) => e)).toEqual([
      {
        provider: 'pai',
        operation: 'GetThing',
        attempt: 1,
        httpStatus: 400,
        requestId: 'r1',
        errorClass: 'ThrottlingError',
        errorCode: 'SlowDown',
        retryDelayMs: expect.any(Number),
      },
      {
        provider: 'pai',
        operation: 'GetThing',
        attempt: 2,
        httpStatus: 404,
        requestId: 'r2',
        errorClass: 'NotFoundError',
        errorCode: 'NoSuchThing',
      },
    ]);
    for (const { durationMs } of events) {
      expect(durationMs).toBeGreaterThanOrEqual(0);
      expect(durationMs).toBeLessThanOrEqual(elapsed);
    }
  });

  it('a request that cannot be signed is an AuthenticationError naming the call; a crosstune error passes as it is', async () => {
    const count = sequence(ok);
    const cause = new Error('no credentials here');
    const unsigned = plan({
      request: async () => {
        throw cause;
      },
    });
    await expect(execute(context(), unsigned)).rejects.toMatchObject({
      name: 'AuthenticationError',
      message: 'Could not sign the request: no credentials here',
      provider: 'pai',
      operation: 'GetThing',
      cause,
    });
    const missing = new NotFoundError('no such project', { provider: 'modelarts' });
    const lookUpFailed = plan({
      request: async () => {
        throw missing;
      },
    });
    await expect(execute(context(), lookUpFailed)).rejects.toBe(missing);
    expect(count()).toBe(0);
  });

  it('an abort before the call names it too, and nothing is built, sent or reported', async () => {
    const count = sequence(ok);
    const events: AttemptEvent[] = [];
    let built = 0;
    const counted = plan({
      request: async () => {
        built++;
        return { method: 'POST', url: URL_, headers: {} };
      },
    });
    const error = await execute(context(events), counted, {
      signal: AbortSignal.abort(new Error('left')),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError', provider: 'pai', operation: 'GetThing' });
    expect([count(), built, events.length]).toEqual([0, 0, 0]);
  });

  it('a refused credential with nothing to renew is the AuthenticationError itself, not retried', async () => {
    const count = sequence(() => new HttpResponse('{}', { status: 401 }), ok);
    await expect(execute(context(), plan())).rejects.toMatchObject({
      name: 'AuthenticationError',
      httpStatus: 401,
    });
    expect(count()).toBe(1);
  });

  it('the first retry waits up to the base delay, each later one up to twice the one before', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const events: AttemptEvent[] = [];
    sequence(() => new HttpResponse('x', { status: 503 }));
    const retry = { baseDelayMs: 10, maxDelayMs: 1000, maxAttempts: 4 };
    await execute(context(events, { retry }), plan()).catch(() => undefined);
    expect(events.map((e) => e.retryDelayMs)).toEqual([9, 19, 39, undefined]);
  });

  it('a bug while reading an answer (not a crosstune error) ends the call with it as it is, unreported', async () => {
    const count = sequence(ok);
    const events: AttemptEvent[] = [];
    const bug = new TypeError('cannot read properties of undefined');
    const buggy = plan({
      decode: () => {
        throw bug;
      },
    });
    await expect(execute(context(events), buggy)).rejects.toBe(bug);
    expect([count(), events.length]).toEqual([1, 0]);
  });
});

describe('an attempt', () => {
  it('is limited by the call’s timeoutMs, else the client’s', async () => {
    server.use(
      http.post(URL_, async () => {
        await new Promise((r) => setTimeout(r, 150));
        return ok();
      }),
    );
    const once = { ...fast, maxAttempts: 1 };
    const client = context([], { timeoutMs: 30, retry: once });
    const error = await execute(client, plan()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      message: 'No answer within 30 ms',
      provider: 'pai',
      operation: 'GetThing',
      // What the attempt was aborted with.
      cause: { name: 'TimeoutError', message: 'No answer within 30 ms' },
    });
    await expect(execute(client, plan(), { timeoutMs: 60 })).rejects.toThrow('No answer within 60 ms');
    await expect(execute(context([], { timeoutMs: 1000 }), plan())).resolves.toEqual({ ok: true });
  });

  it('passes the call’s signal, time limit and budget to the look-ups it makes', async () => {
    sequence(ok);
    const seen: CallOptions[] = [];
    const signal = new AbortController().signal;
    await execute(
      context(),
      plan({
        request: async (call) => {
          seen.push(call);
          return { method: 'POST', url: URL_, headers: {} };
        },
      }),
      {
        signal,
        timeoutMs: 1234,
      },
    );
    expect(seen[0]).toMatchObject({ signal, timeoutMs: 1234 });
    expect(Object.getOwnPropertySymbols(seen[0])).toHaveLength(1);
  });

  it('succeeds on 2xx only: 299 is decoded, 199 and 300 are errors', async () => {
    const answering =
      (status: number): FetchLike =>
      async () =>
        ({ status, headers: new Headers(), body: new Response('{"ok":true}').body }) as Response;
    const once = { retry: false as const };
    await expect(execute(context([], { transport: { fetch: answering(299) } }), plan())).resolves.toEqual({
      ok: true,
    });
    for (const status of [199, 300]) {
      await expect(
        execute(context([], { transport: { fetch: answering(status) } }), plan(), once),
      ).rejects.toMatchObject({
        httpStatus: status,
      });
    }
  });

  it('aborted while its request is built: nothing is sent, and the abort is reported', async () => {
    const count = sequence(ok);
    const controller = new AbortController();
    const events: AttemptEvent[] = [];
    const error = await execute(
      context(events),
      plan({
        request: async () => {
          controller.abort(new Error('left'));
          return { method: 'POST', url: URL_, headers: {} };
        },
      }),
      { signal: controller.signal },
    ).catch((e: unknown) => e);
    expect(AbortError.is(error)).toBe(true);
    expect(count()).toBe(0);
    expect(events.map((e) => e.errorClass)).toEqual(['AbortError']);
  });

  it('leaves no listener on the caller’s signal and no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fetch: FetchLike = async () => Response.json({ ok: true });
    const signal = new AbortController().signal;
    await execute(context([], { transport: { fetch } }), plan(), { signal });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('a write after an ambiguous failure', () => {
  it('found nowhere, and not to be sent again: the failure is thrown, final, after one request', async () => {
    const count = sequence(() => HttpResponse.error(), ok);
    const events: AttemptEvent[] = [];
    let lookedUp = 0;
    const error = await execute(
      context(events),
      plan({
        idempotent: false,
        reconcile: async () => {
          lookedUp++;
          return undefined;
        },
      }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'NetworkError',
      retryable: false,
      provider: 'pai',
      operation: 'GetThing',
    });
    expect([count(), lookedUp]).toEqual([1, 1]);
    expect(events).toHaveLength(1);
    expect(events[0]?.retryDelayMs).toBeUndefined();
  });
});
