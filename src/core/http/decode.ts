/** Reads a JSON body and checks it against a zod wire schema; failures name the field path. */

import { compile, safeParse } from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';
import { config, globalConfig } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { type ErrorDetails, ResponseFormatError } from '../errors.js';
import type { HttpResponse } from './transport.js';

// zod/mini ships no message language; without this a failing field says only "Invalid input".
// An application's own choice, made earlier, is kept.
if (!globalConfig.localeError) config(en());

export function parseJsonBody(response: HttpResponse, details: ErrorDetails): unknown {
  // A test for any non-blank character, not trim(): trim copies the whole body first.
  if (!/\S/.test(response.body)) return {};
  try {
    return JSON.parse(response.body);
  } catch (cause) {
    // A body cut short is most often a broken connection: worth another attempt.
    throw new ResponseFormatError(`${details.operation} answered with a body that is not JSON`, {
      ...details,
      path: '(body)',
      retryable: true,
      cause,
    });
  }
}

/**
 * zod can compile a schema into a generated fast path that parses several times faster, but
 * compiling a large response schema costs tens of milliseconds. So a schema is compiled on its
 * second use: a one-off call (a script, a cold start) never pays for it, a listing of many pages
 * does from its second page on.
 */
const COMPILE_AFTER_USES = 1;
const uses = new WeakMap<$ZodType, number>();
const compiled = new WeakMap<$ZodType, $ZodType>();

function fastest(schema: $ZodType): $ZodType {
  const ready = compiled.get(schema);
  if (ready) return ready;
  const n = (uses.get(schema) ?? 0) + 1;
  if (n <= COMPILE_AFTER_USES) {
    uses.set(schema, n);
    return schema;
  }
  const fast = compile(schema);
  compiled.set(schema, fast);
  return fast;
}

export function checkWire<S extends $ZodType>(value: unknown, schema: S, details: ErrorDetails): output<S> {
  const result = safeParse(fastest(schema), value);
  if (result.success) return result.data as output<S>;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(body)';
  throw new ResponseFormatError(
    `${details.operation} response field ${path}: ${issue?.message ?? 'invalid'}`,
    {
      ...details,
      path,
      cause: result.error,
    },
  );
}

export function decodeJson<S extends $ZodType>(
  response: HttpResponse,
  schema: S,
  details: ErrorDetails,
): output<S> {
  return checkWire(parseJsonBody(response, details), schema, details) as output<S>;
}
