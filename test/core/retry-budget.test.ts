/**
 * The policies execute owns (issue 10) and one retry budget per call (issue 9, item 7): a look-up
 * made while building a request (a token, a project id) and a write's reconcile draw from the
 * call's budget; credentials are renewed at most once per call, as a step of the same loop; hook
 * events report only attempts that were sent.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuthenticationError, type CrosstuneError, ServiceError } from '../../src/core/errors.js';
import type { CallOptions } from '../../src/core/http/call-options.js';
import { decodeJson } from '../../src/core/http/decode.js';
import { type ExecutionContext, execute, type OperationPlan } from '../../src/core/http/execute.js';
import type { AttemptEvent } from '../../src/core/http/hooks.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const BASE = 'https://api.example.test';
const fast = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 };

function context(events: AttemptEvent[], retry: ExecutionContext['retry'] = fast): ExecutionContext {
  return {
    provider: 'modelarts',
    transport: {},
    retry,
    hooks: { onAttempt: (e) => events.push(e) },
    errors: { requestIdHeaders: [], read: () => ({}), codes: {} },
  };
}

/** Counts requests per path; each path answers with its handler's responses in turn. */
function serve(routes: Record<string, Array<() => Response>>) {
  const counts: Record<string, number> = {};
  for (const [path, answers] of Object.entries(routes)) {
    counts[path] = 0;
    server.use(
      http.all(`${BASE}${path}`, () => {
        const n = counts[path] ?? 0;
        counts[path] = n + 1;
        return (answers[Math.min(n, answers.length - 1)] as () => Response)();
      }),
    );
  }
  return counts;
}

const ok = () => () => HttpResponse.json({ ok: true });
const unavailable = () => () => new HttpResponse('busy', { status: 503 });
const refused = () => () => new HttpResponse('no', { status: 401 });

const schema = z.object({ ok: z.boolean() });

/** A plan for `path`; its request first runs `lookUp` with the call's options, as IAM look-ups do. */
function plan(
  path: string,
  extra: Partial<OperationPlan<{ ok: boolean }>> & { lookUp?: (call: CallOptions) => Promise<unknown> } = {},
): OperationPlan<{ ok: boolean }> {
  const { lookUp, ...rest } = extra;
  return {
    operation: `Op${path}`,
    idempotent: true,
    request: async (call) => {
      await lookUp?.(call);
      return { method: 'POST', url: `${BASE}${path}`, headers: {}, body: '{}' };
    },
    decode: (response, details) => decodeJson(response, schema, details),
    ...rest,
  };
}

describe('one retry budget per call', () => {
  it('a look-up that keeps failing uses the call’s retries, not a budget of its own (4 requests, not 16)', async () => {
    const counts = serve({ '/token': [unavailable()], '/call': [ok()] });
    const events: AttemptEvent[] = [];
    const ctx = context(events);
    const error = await execute(
      ctx,
      plan('/call', { lookUp: (call) => execute(ctx, plan('/token'), call) }),
    ).catch((e: CrosstuneError) => e);
    expect(ServiceError.is(error)).toBe(true);
    expect(counts).toEqual({ '/token': 4, '/call': 0 });
    // Only the four attempts that were sent are reported, all of them the look-up's.
    expect(events.map((e) => [e.operation, e.attempt])).toEqual([
      ['Op/token', 1],
      ['Op/token', 2],
      ['Op/token', 3],
      ['Op/token', 4],
    ]);
  });

  it('retries the look-up used are gone for the call itself', async () => {
    const counts = serve({ '/token': [unavailable(), unavailable(), ok()], '/call': [unavailable()] });
    const ctx = context([]);
    // Held once got, as a token is.
    let token: Promise<unknown> | undefined;
    const error = await execute(
      ctx,
      plan('/call', { lookUp: (call) => (token ??= execute(ctx, plan('/token'), call)) }),
    ).catch((e: CrosstuneError) => e);
    expect(ServiceError.is(error)).toBe(true);
    // Three attempts of the token (two retries), then the call: one retry left, so two attempts.
    expect(counts).toEqual({ '/token': 3, '/call': 2 });
  });

  it('a look-up on behalf of a call with retry: false is tried once', async () => {
    const counts = serve({ '/token': [unavailable()], '/call': [ok()] });
    const ctx = context([], false);
    await execute(ctx, plan('/call', { lookUp: (call) => execute(ctx, plan('/token'), call) })).catch(
      () => undefined,
    );
    expect(counts).toEqual({ '/token': 1, '/call': 0 });
  });

  it('the time budget is shared too: no retry starts past maxElapsedMs since the call began', async () => {
    const counts = serve({
      '/token': [() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '0.3' } })],
    });
    const ctx = context([], { ...fast, maxAttempts: 10, maxElapsedMs: 500 });
    const started = Date.now();
    await execute(ctx, plan('/call', { lookUp: (call) => execute(ctx, plan('/token'), call) })).catch(
      () => undefined,
    );
    // At 0 and after the 300 ms Retry-After; a third would start past 500 ms, so none does —
    // counted, not timed, so a busy machine cannot make it flaky (the time bound only catches a runaway).
    expect(counts['/token']).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a write’s reconcile look-up draws from the same budget', async () => {
    const counts = serve({ '/create': [unavailable()], '/describe': [unavailable()] });
    const ctx = context([]);
    const error = await execute(ctx, {
      ...plan('/create'),
      idempotent: false,
      resendIfAbsent: true,
      reconcile: (call) => execute(ctx, plan('/describe'), call),
    }).catch((e: CrosstuneError) => e);
    expect(ServiceError.is(error)).toBe(true);
    expect(counts).toEqual({ '/create': 1, '/describe': 4 });
  });

  it('a write reconciled as not done, where it may not be resent, ends with an error that says not to retry', async () => {
    const counts = serve({ '/create': [unavailable()], '/find': [ok()] });
    const ctx = context([]);
    const error = await execute(ctx, {
      ...plan('/create'),
      idempotent: false,
      reconcile: async (call) => {
        await execute(ctx, plan('/find'), call);
        return undefined;
      },
    }).catch((e: CrosstuneError) => e);
    if (!ServiceError.is(error)) throw new Error('expected a ServiceError');
    expect(error.retryable).toBe(false);
    expect(error.httpStatus).toBe(503);
    expect(counts).toEqual({ '/create': 1, '/find': 1 });
  });
});

describe('credentials renewed once per call, on an auth refusal', () => {
  it('renews and tries again at once; a second refusal is final', async () => {
    const counts = serve({ '/call': [refused(), ok()] });
    let renewals = 0;
    const events: AttemptEvent[] = [];
    const renewing = plan('/call', {
      renewCredentials: () => {
        renewals++;
        return true;
      },
    });
    await expect(execute(context(events), renewing)).resolves.toEqual({ ok: true });
    expect([counts['/call'], renewals]).toEqual([2, 1]);
    expect(events.map((e) => [e.errorClass, e.retryDelayMs])).toEqual([
      ['AuthenticationError', 0],
      [undefined, undefined],
    ]);

    const always = serve({ '/call': [refused()] });
    renewals = 0;
    const error = await execute(context([]), renewing).catch((e: CrosstuneError) => e);
    expect(AuthenticationError.is(error)).toBe(true);
    expect([always['/call'], renewals]).toEqual([2, 1]);
  });

  it('does not try again when there is nothing to renew, nor when the budget is spent', async () => {
    const counts = serve({ '/call': [refused(), ok()] });
    const fixed = plan('/call', { renewCredentials: () => false });
    expect(AuthenticationError.is(await execute(context([]), fixed).catch((e: unknown) => e))).toBe(true);
    expect(counts['/call']).toBe(1);

    const again = serve({ '/call': [refused(), ok()] });
    const renewable = plan('/call', { renewCredentials: () => true });
    await execute(context([], false), renewable).catch(() => undefined);
    expect(again['/call']).toBe(1);
  });

  it('a look-up’s renewal counts for the whole call: the call is not renewed again', async () => {
    const counts = serve({ '/token': [refused(), ok()], '/call': [refused(), ok()] });
    let renewals = 0;
    const renew = () => {
      renewals++;
      return true;
    };
    const ctx = context([]);
    const error = await execute(
      ctx,
      plan('/call', {
        renewCredentials: renew,
        lookUp: (call) => execute(ctx, plan('/token', { renewCredentials: renew }), call),
      }),
    ).catch((e: CrosstuneError) => e);
    expect(AuthenticationError.is(error)).toBe(true);
    expect([counts['/token'], counts['/call'], renewals]).toEqual([2, 1, 1]);
  });
});

describe('building a request is not an attempt', () => {
  it('a failure to sign ends the call at once, with no hook event', async () => {
    const counts = serve({ '/call': [ok()] });
    const events: AttemptEvent[] = [];
    const unsigned: OperationPlan<unknown> = {
      ...plan('/call'),
      request: async () => {
        throw new Error('no credentials here');
      },
    };
    const error = await execute(context(events), unsigned).catch((e: CrosstuneError) => e);
    if (!AuthenticationError.is(error)) throw new Error('expected an AuthenticationError');
    expect(error.message).toMatch(/no credentials here/);
    expect(events).toEqual([]);
    expect(counts['/call']).toBe(0);
  });
});
