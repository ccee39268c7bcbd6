/**
 * Reads answers: a success body as JSON checked against a zod wire schema (failures name the field
 * path), and an error body leniently, as whatever JSON object it holds.
 */

import { compile, safeParse, validate } from 'zod/mini';
import type { $ZodError, $ZodType, output } from 'zod/v4/core';
import { config, globalConfig } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { type ErrorDetails, ResponseFormatError } from '../errors.js';
import { isObject, type JsonObject } from '../fields.js';
import type { HttpResponse } from './message.js';

// zod/mini ships no message language; without this a failing field says only "Invalid input".
// An application's own choice, made earlier, is kept.
if (!globalConfig.localeError) config(en());

/** Whether a body carries nothing but whitespace (a test, not trim(): trim copies the whole body). */
const isBlank = (body: string) => !/\S/.test(body);

/**
 * A success body as JSON. An empty or unreadable one (cut short, a gateway's HTML page) is a
 * retryable ResponseFormatError: an answer came, but not one that can be read.
 */
export function parseJsonBody(response: HttpResponse, details: ErrorDetails): unknown {
  if (isBlank(response.body)) {
    throw new ResponseFormatError(`${details.operation} answered with an empty body`, {
      ...details,
      path: '(body)',
      retryable: true,
    });
  }
  try {
    return JSON.parse(response.body);
  } catch (cause) {
    throw new ResponseFormatError(`${details.operation} answered with a body that is not JSON`, {
      ...details,
      path: '(body)',
      retryable: true,
      cause,
    });
  }
}

/** An error answer's body as a JSON object, or undefined when it is anything else. */
export function readJsonObject(body: string): JsonObject | undefined {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not JSON: nothing to read.
  }
  return isObject(parsed) ? parsed : undefined;
}

/**
 * zod can compile a schema into a generated fast path that checks several times faster, but
 * compiling a large response schema costs tens of milliseconds. So a schema is compiled on its
 * second use: a one-off call (a script, a cold start) never pays for it, a listing of many pages
 * does from its second page on.
 */
const COMPILE_AFTER_USES = 1;
const uses = new WeakMap<$ZodType, number>();
const compiled = new WeakMap<$ZodType, $ZodType>();

// Stryker disable ConditionalExpression,ArithmeticOperator,LogicalOperator,EqualityOperator,BlockStatement,CallExpression: a compiled schema accepts and refuses exactly what the schema does (test/core/decode.test.ts checks both on first and later uses), so when one is compiled, and whether it is kept, changes only the speed.
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
// Stryker restore all

/**
 * Whether what a schema outputs is what it was given: no transform, default, rewrite or stripped
 * member anywhere in it. The wire schemas are all such (loose objects, unions, plain values), so
 * a valid answer is used as parsed rather than as zod's copy of it: `raw` is then the answer
 * itself, and a listing does not build (and keep) a second copy of every page.
 */
function keepsInput(schema: $ZodType): boolean {
  const def = schema._zod.def as WireDef;
  if (def.checks?.some((check) => check._zod.def.check === 'overwrite')) return false;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'unknown':
    case 'enum':
    case 'literal':
    case 'custom':
      return true;
    case 'optional':
    case 'nullable':
      return keepsInput(def.innerType as $ZodType);
    case 'array':
      return keepsInput(def.element as $ZodType);
    case 'union':
      return (def.options as $ZodType[]).every(keepsInput);
    case 'record':
      return keepsInput(def.keyType as $ZodType) && keepsInput(def.valueType as $ZodType);
    case 'object': {
      // A plain z.object strips members it does not name; z.looseObject keeps them (catchall unknown).
      const catchall = def.catchall as $ZodType | undefined;
      const shape = def.shape as Record<string, $ZodType>;
      return catchall !== undefined && keepsInput(catchall) && Object.values(shape).every(keepsInput);
    }
    default:
      return false;
  }
}

interface WireDef {
  type: string;
  checks?: Array<{ _zod: { def: { check: string } } }>;
  [member: string]: unknown;
}

const faithful = new WeakMap<$ZodType, boolean>();

export function outputIsInput(schema: $ZodType): boolean {
  let known = faithful.get(schema);
  // Stryker disable next-line ConditionalExpression: working the answer out again gives the same answer; the cache only saves the walk.
  if (known === undefined) {
    known = keepsInput(schema);
    // Stryker disable next-line CallExpression: without the cache the answer is worked out again, the same.
    faithful.set(schema, known);
  }
  return known;
}

export function checkWire<S extends $ZodType>(value: unknown, schema: S, details: ErrorDetails): output<S> {
  const fast = fastest(schema);
  if (outputIsInput(schema)) {
    if (validate(fast, value)) return value as output<S>;
  } else {
    const result = safeParse(fast, value);
    if (result.success) return result.data as output<S>;
  }
  throw formatError(safeParse(fast, value).error, details);
}

function formatError(error: $ZodError | undefined, details: ErrorDetails): ResponseFormatError {
  // Stryker disable next-line OptionalChaining: called only after a failed parse, whose error always holds an issue.
  const issue = error?.issues[0];
  // Stryker disable next-line OptionalChaining: a failed parse always holds an issue (above).
  const path = issue?.path.length ? issue.path.join('.') : '(body)';
  return new ResponseFormatError(
    // Stryker disable next-line OptionalChaining,StringLiteral: every issue of a failed parse has a message, so 'invalid' is never used.
    `${details.operation} response field ${path}: ${issue?.message ?? 'invalid'}`,
    {
      ...details,
      path,
      cause: error,
    },
  );
}

/** A success body checked against `schema`; an empty body only where the schema takes `undefined`. */
export function decodeJson<S extends $ZodType>(
  response: HttpResponse,
  schema: S,
  details: ErrorDetails,
): output<S> {
  if (isBlank(response.body) && safeParse(schema, undefined).success) return undefined as output<S>;
  return checkWire(parseJsonBody(response, details), schema, details);
}
