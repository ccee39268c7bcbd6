/**
 * Reading an answer at its edges: an empty, blank or unreadable success body; an empty body where
 * the operation expects none; a malformed answer at its root; and which schemas hand the answer
 * back as it is (every part of them keeping its input) rather than zod's copy.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ResponseFormatError } from '../../src/core/errors.js';
import { checkWire, decodeJson, outputIsInput } from '../../src/core/http/decode.js';
import type { HttpResponse } from '../../src/core/http/message.js';

const at = { provider: 'modelarts' as const, operation: 'ShowThing' };
const answer = (body: string): HttpResponse => ({ status: 200, headers: new Headers(), body });
const thing = z.looseObject({ id: z.string() });

function refusal(run: () => unknown): ResponseFormatError {
  try {
    run();
  } catch (error) {
    if (ResponseFormatError.is(error)) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('a success body', () => {
  it('empty or blank: a retryable ResponseFormatError saying so', () => {
    for (const body of ['', ' \n\t ']) {
      expect(refusal(() => decodeJson(answer(body), thing, at))).toMatchObject({
        message: 'ShowThing answered with an empty body',
        path: '(body)',
        retryable: true,
        provider: 'modelarts',
        operation: 'ShowThing',
      });
    }
  });

  it('not JSON: a retryable ResponseFormatError with the parser’s error as its cause', () => {
    const error = refusal(() => decodeJson(answer('<html>busy</html>'), thing, at));
    expect(error).toMatchObject({
      message: 'ShowThing answered with a body that is not JSON',
      path: '(body)',
      retryable: true,
    });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('empty where the operation expects nothing: undefined, and JSON still read', () => {
    const nothing = z.optional(thing);
    expect(decodeJson(answer(''), nothing, at)).toBeUndefined();
    expect(decodeJson(answer('{"id":"a"}'), nothing, at)).toEqual({ id: 'a' });
  });

  it('wrong at its root: the path is the body, the message zod’s own words', () => {
    const error = refusal(() => checkWire('text', thing, at));
    expect(error).toMatchObject({ path: '(body)', retryable: false });
    expect(error.message).toMatch(/^ShowThing response field \(body\): Invalid input: expected object/);
  });
});

describe('which schemas hand back the answer itself', () => {
  const changes = z.pipe(
    z.string(),
    z.transform((s) => s.length),
  );
  it.each([
    ['null', z.null()],
    ['undefined', z.undefined()],
    ['unknown', z.unknown()],
    ['enum', z.enum(['a', 'b'])],
    ['literal', z.literal('a')],
    ['custom', z.custom<string>((v) => typeof v === 'string')],
    ['boolean', z.boolean()],
    ['nullable', z.nullable(z.number())],
  ])('%s keeps its input', (_, schema) => {
    expect(outputIsInput(schema)).toBe(true);
  });

  it.each([
    ['an optional', z.optional(changes)],
    ['a nullable', z.nullable(changes)],
    ['an array', z.array(changes)],
    ['a union', z.union([z.number(), changes])],
    ['a record’s keys', z.record(changes, z.string())],
    ['a record’s values', z.record(z.string(), changes)],
    ['an object’s extra members', z.catchall(z.object({ id: z.string() }), changes)],
    ['an object’s members', z.looseObject({ id: z.string(), size: changes })],
  ])('%s of what changes its input does not', (_, schema) => {
    expect(outputIsInput(schema)).toBe(false);
  });

  it('a check that only tests (a minimum length) keeps its input', () => {
    expect(outputIsInput(z.string().check(z.minLength(1)))).toBe(true);
  });

  it('a schema that changes its input still refuses a malformed answer', () => {
    const schema = z.looseObject({ id: z.string(), size: changes });
    expect(refusal(() => checkWire({ id: 'a', size: 3 }, schema, at))).toMatchObject({ path: 'size' });
  });

  it('a checked answer is zod’s output where a part changes it', () => {
    expect(checkWire({ id: 'a', size: 'abc' }, z.looseObject({ id: z.string(), size: changes }), at)).toEqual(
      {
        id: 'a',
        size: 3,
      },
    );
  });
});
