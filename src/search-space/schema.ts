/** Validation of neutral spaces: every builder, `compile` and `parse` output goes through here. */
import * as z from 'zod/mini';
import { type $ZodIssue, type $ZodType, config, globalConfig } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { once } from '../core/once.js';
import { malformed, SearchSpaceError } from './errors.js';
import { onGrid } from './grid.js';
import type { Param, SearchSpace } from './types.js';

// zod/mini, unlike classic zod, sets no locale: without this its messages are all "Invalid input".
// Like classic zod, keep a locale someone configured before.
if (!globalConfig.localeError) config(en());

// Stryker disable next-line StringLiteral: nothing reads the code of a custom issue; its message is what is shown.
const custom = (message: string) => ({ code: 'custom' as const, message });

const schemas = once(() => {
  // -0 would survive every computation yet compare unequal to 0 in deep equality checks.
  const num = z.pipe(
    z.number(),
    z.transform((n: number) => (Object.is(n, -0) ? 0 : n)),
  );
  const positive = num.check(z.refine((n) => n > 0, 'must be > 0'));
  const scalar = z.union([num, z.string(), z.boolean()]);

  const name = z.string().check(
    z.minLength(1),
    z.refine(
      (n) => n !== '_name' && !/[{}]/.test(n),
      'a parameter name must not be "_name" nor contain "{" or "}"',
    ),
  );

  const choice = z
    .strictObject({ kind: z.literal('choice'), values: z.array(scalar).check(z.minLength(1)) })
    .check(
      z.superRefine((p, ctx) => {
        if (new Set(p.values).size !== p.values.length) {
          ctx.addIssue(custom('values must be distinct'));
        }
      }),
    );

  const conditional = z
    .strictObject({
      kind: z.literal('conditional'),
      branches: z.record(
        z.string().check(z.minLength(1)),
        z.lazy(() => space),
      ),
    })
    .check(
      z.refine((p) => Object.keys(p.branches).length > 0, 'a conditional choice needs at least one branch'),
    );

  const int = z
    .strictObject({
      kind: z.literal('int'),
      low: z.int(),
      high: z.int(),
      step: z._default(z.int().check(z.gte(1)), 1),
      scale: z._default(z.enum(['linear', 'log']), 'linear'),
    })
    .check(
      z.superRefine((p, ctx) => {
        if (p.low >= p.high) {
          ctx.addIssue(custom('low must be < high (use choice for a constant)'));
        } else if ((p.high - p.low) % p.step !== 0) {
          ctx.addIssue(custom('high - low must be a multiple of step'));
        }
        if (p.scale === 'log' && p.low < 1) {
          ctx.addIssue(custom('a log scale needs low >= 1'));
        }
      }),
    );

  const float = z
    .strictObject({
      kind: z.literal('float'),
      low: num,
      high: num,
      step: z.optional(positive),
      scale: z._default(z.enum(['linear', 'log', 'reverse-log']), 'linear'),
    })
    .check(
      z.superRefine((p, ctx) => {
        if (!(p.low < p.high)) {
          ctx.addIssue(custom('low must be < high (use choice for a constant)'));
        } else if (p.step !== undefined && !onGrid(p.high, p.low, p.step)) {
          ctx.addIssue(custom('high - low must be a whole number of steps'));
        }
        if (p.scale === 'log' && p.low <= 0) {
          ctx.addIssue(custom('a log scale needs low > 0'));
        }
        if (p.scale === 'reverse-log' && !(p.low >= 0 && p.high < 1)) {
          ctx.addIssue(custom('a reverse-log scale needs 0 <= low < high < 1'));
        }
      }),
    );

  function normalFamily<K extends 'normal' | 'lognormal'>(kind: K, maxReach: number) {
    return z
      .strictObject({ kind: z.literal(kind), mu: num, sigma: positive, step: z.optional(positive) })
      .check(
        z.refine(
          (p) => Math.abs(p.mu) + 10 * p.sigma <= maxReach,
          `|mu| + 10·sigma must be <= ${maxReach} so that every sample is a finite number`,
        ),
      );
  }

  const param = z.discriminatedUnion('kind', [
    choice,
    conditional,
    int,
    float,
    normalFamily('normal', Number.MAX_VALUE),
    // exp() of anything beyond ~709 overflows to Infinity, below -709 it underflows to 0.
    normalFamily('lognormal', 700),
  ]) as $ZodType<Param>;

  const space: $ZodType<SearchSpace> = z.record(name, param) as $ZodType<SearchSpace>;
  return { param, space };
});

function check<T>(schema: $ZodType<T>, input: unknown, what: string): T {
  const result = z.safeParse(schema, input);
  if (!result.success) {
    throw new SearchSpaceError(`Invalid ${what}`, { issues: describeIssues(result.error.issues) });
  }
  return withoutUndefined(result.data);
}

/** A dialect value checked against its schema, or a `SearchSpaceError` naming each bad field. */
export function readDialect<T>(
  schema: $ZodType<T>,
  input: unknown,
  source: string,
  prefix: readonly string[] = [],
): T {
  const result = z.safeParse(schema, input);
  if (!result.success) throw malformed(source, describeIssues(result.error.issues, prefix));
  return result.data;
}

/** One line per problem; a bad record key is explained by its own nested issues. */
export function describeIssues(issues: readonly $ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    if (i.code === 'invalid_key') return describeIssues(i.issues, path);
    return [path.length ? `${path.map(String).join('.')}: ${i.message}` : i.message];
  });
}

// zod keeps `step: undefined` when the key was present; the canonical form omits it.
function withoutUndefined<T>(value: T): T {
  if (
    Array.isArray(value) ||
    typeof value !== 'object' ||
    // Stryker disable next-line ConditionalExpression: checked data holds no null; this only narrows the type.
    value === null
  ) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
  return out as T;
}

export function validateSpace(input: unknown): SearchSpace {
  return check(schemas().space, input, 'search space');
}

export function validateParam(input: unknown): Param {
  return check(schemas().param, input, 'parameter');
}
