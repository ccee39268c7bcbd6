/**
 * What a failed attempt becomes (src/core/http/failures.ts, through execute with an injected
 * fetch): the error class, what it tells the user (provider, operation, code, message, cause),
 * whether it is retried, and, for a write, whether it counts as possibly done (looked up before
 * anything is sent again) or certainly not done (sent again, no look-up).
 */
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  type CrosstuneError,
  InvalidArgumentError,
  NetworkError,
  ServiceError,
  ThrottlingError,
} from '../../src/core/errors.js';
import { parseJsonBody } from '../../src/core/http/decode.js';
import { type CloudErrors, text } from '../../src/core/http/error-mapper.js';
import { execute, type OperationPlan } from '../../src/core/http/execute.js';
import type { FetchLike } from '../../src/core/http/transport.js';

const URL_ = 'https://api.example.test/op';
const fast = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 2 };

/** A cloud reading `{code}` from its error answers, with a code table and a catch-all family. */
const ERRORS: CloudErrors = {
  requestIdHeaders: [],
  read: (_response, body) => ({ code: text(body?.code), message: text(body?.message) }),
  codes: { SlowDown: 'throttling', Busy: 'transient-if-idempotent' },
  families: [[/^[a-z]/, 'quota']],
};

/** A fetch that answers each request with the next of `answers` (the last repeats), counting them. */
function scripted(...answers: Array<() => Promise<Response>>) {
  const seen = { requests: 0 };
  const fetch: FetchLike = () => {
    const answer = answers[Math.min(seen.requests++, answers.length - 1)] as () => Promise<Response>;
    return answer();
  };
  return { fetch, seen };
}

const reject = (error: unknown) => () => Promise.reject(error);
const ok = () => Promise.resolve(Response.json({ ok: true }));
const answer = (status: number, body: unknown) => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status }));

/** A connection failure as undici's fetch reports it: the code on the cause. */
function fetchFailed(
  code: string | undefined,
  detail = `connect ${code ?? 'failed'} 127.0.0.1:9`,
): TypeError {
  const cause = Object.assign(new Error(detail), code === undefined ? {} : { code });
  return new TypeError('fetch failed', { cause });
}

interface Run {
  error: CrosstuneError | undefined;
  requests: number;
  lookUps: number;
}

/** Runs one call (a read, or a write that can be looked up and sent again) and reports what happened. */
async function run(
  fetch: ReturnType<typeof scripted>,
  { write = false, signal }: { write?: boolean; signal?: AbortSignal } = {},
): Promise<Run> {
  let lookUps = 0;
  const plan: OperationPlan<unknown> = {
    operation: 'PutThing',
    idempotent: !write,
    request: async () => ({ method: 'POST', url: URL_, headers: {}, body: '{}' }),
    decode: (response, details) => parseJsonBody(response, details),
    ...(write && {
      resendIfAbsent: true,
      reconcile: async () => {
        lookUps++;
        return undefined;
      },
    }),
  };
  const error = await execute(
    {
      provider: 'pai',
      transport: { fetch: fetch.fetch },
      retry: { ...fast, maxAttempts: 2 },
      errors: ERRORS,
    },
    plan,
    { signal },
  ).then(
    () => undefined,
    (e: CrosstuneError) => e,
  );
  return { error, requests: fetch.seen.requests, lookUps };
}

describe('a connection failure', () => {
  it('is a retryable NetworkError naming the code and every message down the cause', async () => {
    const failure = fetchFailed('ECONNRESET', 'read ECONNRESET');
    const { error, requests } = await run(scripted(reject(failure)));
    expect(NetworkError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'pai',
      operation: 'PutThing',
      code: 'ECONNRESET',
      retryable: true,
      message: 'Network failure (ECONNRESET): fetch failed: read ECONNRESET',
    });
    expect(error?.cause).toBe(failure);
    expect(requests).toBe(2);
  });

  it('without a code says so by leaving it out; a rejection with no message or no object still reads', async () => {
    const cases: Array<[unknown, string]> = [
      [new Error('socket hang up'), 'Network failure: socket hang up'],
      [new Error('outer', { cause: new Error('') }), 'Network failure: outer'],
      [null, 'Network failure: null'],
      ['gone', 'Network failure: gone'],
    ];
    for (const [rejection, message] of cases) {
      const { error } = await run(scripted(reject(rejection)));
      expect(NetworkError.is(error), String(rejection)).toBe(true);
      expect(error).toMatchObject({ message, code: undefined, provider: 'pai', operation: 'PutThing' });
    }
  });

  it('takes its code from the error or a cause up to four levels down, no deeper', async () => {
    const nested = (depth: number) => {
      let error: object = Object.assign(new Error('bottom'), { code: 'EPIPE' });
      for (let level = 0; level < depth; level++) error = new Error(`level ${level}`, { cause: error });
      return error;
    };
    for (const depth of [0, 3, 4]) {
      const { error } = await run(scripted(reject(nested(depth))));
      expect(error?.code, `code ${depth} levels down`).toBe('EPIPE');
    }
    const { error } = await run(scripted(reject(nested(5))));
    expect(NetworkError.is(error)).toBe(true);
    expect(error?.code).toBeUndefined();
  });

  it('reads codes from objects only, and stops on a chain of causes that loops', async () => {
    const looping = new Error('loop') as Error & { cause?: unknown };
    looping.cause = new Error('back', { cause: looping });
    const fn = Object.assign(() => undefined, { code: 'ECONNRESET' });
    for (const rejection of [looping, fn]) {
      const { error } = await run(scripted(reject(rejection)));
      expect(NetworkError.is(error)).toBe(true);
      expect(error?.code).toBeUndefined();
    }
  });
});

describe('a request refused before it is sent', () => {
  it.each(['ERR_INVALID_CHAR', 'ERR_INVALID_HTTP_TOKEN', 'ERR_UNESCAPED_CHARACTERS'])(
    '%s: InvalidArgumentError, tried once, a write not looked up',
    async (code) => {
      const failure = Object.assign(new TypeError('Invalid character in header content'), { code });
      for (const write of [false, true]) {
        const { error, requests, lookUps } = await run(scripted(reject(failure), ok), { write });
        expect(InvalidArgumentError.is(error)).toBe(true);
        expect(error).toMatchObject({
          provider: 'pai',
          operation: 'PutThing',
          code,
          retryable: false,
          message: `The request could not be sent (${code}): Invalid character in header content`,
        });
        expect(error?.cause).toBe(failure);
        expect([requests, lookUps]).toEqual([1, 0]);
      }
    },
  );

  it('a fetch that resolves with no Response: InvalidArgumentError, tried once', async () => {
    const { error, requests, lookUps } = await run(
      scripted(() => Promise.resolve('OK' as never)),
      {
        write: true,
      },
    );
    expect(InvalidArgumentError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'pai',
      operation: 'PutThing',
      retryable: false,
      message: 'The fetch option resolved with OK, not a Response',
    });
    expect([requests, lookUps]).toEqual([1, 0]);
  });
});

describe('the caller’s abort during an attempt', () => {
  it('is an AbortError saying so, its cause the abort reason, not retried', async () => {
    const controller = new AbortController();
    const reason = new Error('user left');
    const hanging = () =>
      new Promise<Response>((_resolve, rejectWith) => {
        controller.signal.addEventListener('abort', () => rejectWith(controller.signal.reason));
        setTimeout(() => controller.abort(reason), 5);
      });
    const { error, requests } = await run(scripted(hanging), { signal: controller.signal });
    expect(AbortError.is(error)).toBe(true);
    expect(error).toMatchObject({
      provider: 'pai',
      operation: 'PutThing',
      retryable: false,
      message: 'The call was aborted',
    });
    expect(error?.cause).toBe(reason);
    expect(requests).toBe(1);
  });
});

describe('a write: possibly done (looked up) or certainly not (sent again)', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])(
    '%s never reached the server: sent again without a look-up',
    async (code) => {
      const { error, requests, lookUps } = await run(scripted(reject(fetchFailed(code)), ok), {
        write: true,
      });
      expect(error).toBeUndefined();
      expect([requests, lookUps]).toEqual([2, 0]);
    },
  );

  it('a reset, or a failure without a code, may have reached it: looked up first', async () => {
    for (const failure of [fetchFailed('ECONNRESET'), new Error('other side closed')]) {
      const { error, requests, lookUps } = await run(scripted(reject(failure), ok), { write: true });
      expect(error).toBeUndefined();
      expect([requests, lookUps]).toEqual([2, 1]);
    }
  });

  it('throttled, by status or by code on a 5xx: refused, so sent again without a look-up', async () => {
    for (const throttled of [answer(429, {}), answer(503, { code: 'SlowDown' })]) {
      const first = await run(scripted(throttled), { write: false });
      expect(ThrottlingError.is(first.error)).toBe(true);
      const { error, requests, lookUps } = await run(scripted(throttled, ok), { write: true });
      expect(error).toBeUndefined();
      expect([requests, lookUps]).toEqual([2, 0]);
    }
  });

  it('a 5xx the cloud says to retry only when harmless: looked up, then not sent again', async () => {
    const { error, requests, lookUps } = await run(scripted(answer(500, { code: 'Busy' }), ok), {
      write: true,
    });
    expect(ServiceError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'Busy', httpStatus: 500, retryable: false });
    expect([requests, lookUps]).toEqual([1, 1]);
  });

  it('an error answer below 500 that is not retried (a redirect) ends the write, not looked up', async () => {
    const redirect = () => Promise.resolve(new Response(null, { status: 302, headers: { location: '/x' } }));
    const { error, requests, lookUps } = await run(scripted(redirect, ok), { write: true });
    expect(ServiceError.is(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 302, retryable: false, message: 'HTTP 302: no message' });
    expect([requests, lookUps]).toEqual([1, 0]);
  });
});
