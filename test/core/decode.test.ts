import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ResponseFormatError } from '../../src/core/errors.js';
import { checkWire, outputIsInput } from '../../src/core/http/decode.js';
import * as modelartsWire from '../../src/providers/modelarts/wire.js';
import * as paiWire from '../../src/providers/pai/wire.js';
import * as sagemakerWire from '../../src/providers/sagemaker/wire.js';

const at = { provider: 'sagemaker' as const, operation: 'Op' };

/** Checks `value` three times: uncompiled on the first use, compiled from the second on. */
function thrice<T>(fn: () => T): T[] {
  return [fn(), fn(), fn()];
}

describe('checkWire', () => {
  it('hands back the answer itself, unknown members kept, when the schema outputs its input', () => {
    const schema = z.looseObject({
      items: z.array(z.looseObject({ id: z.string() })),
      next: z.optional(z.string()),
    });
    const answer = { items: [{ id: 'a', extra: [1] }], more: { x: 1 } };
    for (const checked of thrice(() => checkWire(answer, schema, at))) expect(checked).toBe(answer);
  });

  it('hands back zod’s output where the schema changes it (strips, transforms, rewrites)', () => {
    const strip = z.object({ id: z.string() });
    for (const checked of thrice(() => checkWire({ id: 'a', extra: 1 }, strip, at)))
      expect(checked).toEqual({ id: 'a' });
    const trimmed = z.looseObject({ id: z.string().check(z.trim()) });
    for (const checked of thrice(() => checkWire({ id: ' a ' }, trimmed, at)))
      expect(checked).toEqual({ id: 'a' });
    expect([outputIsInput(strip), outputIsInput(trimmed)]).toEqual([false, false]);
  });

  it('refuses a malformed answer with a ResponseFormatError naming the field, compiled or not', () => {
    const schema = z.looseObject({ items: z.array(z.looseObject({ id: z.string() })) });
    for (const run of thrice(() => {
      try {
        checkWire({ items: [{ id: 'a' }, { id: 7 }] }, schema, at);
        return undefined;
      } catch (error) {
        return error;
      }
    })) {
      expect(ResponseFormatError.is(run)).toBe(true);
      expect(run).toMatchObject({ path: 'items.1.id', operation: 'Op', provider: 'sagemaker' });
      expect((run as Error).message).toMatch(/^Op response field items\.1\.id: /);
    }
  });

  it('accepts exactly what zod accepts, and then hands back the value given (property)', () => {
    const schema = z.looseObject({
      id: z.union([z.string(), z.number()]),
      tags: z.optional(z.nullable(z.array(z.string()))),
      meta: z.optional(z.record(z.string(), z.unknown())),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record(
            {
              id: fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })),
              tags: fc.option(fc.array(fc.string())),
              meta: fc.dictionary(fc.string(), fc.jsonValue()),
            },
            { requiredKeys: ['id'] },
          ),
          fc.jsonValue(),
        ),
        (value) => {
          const zodSays = z.safeParse(schema, value).success;
          let ours: unknown;
          try {
            ours = checkWire(value, schema, at);
          } catch (error) {
            expect(ResponseFormatError.is(error)).toBe(true);
            expect(zodSays).toBe(false);
            return;
          }
          expect(zodSays).toBe(true);
          expect(ours).toBe(value);
        },
      ),
    );
  });

  it('every wire schema of every cloud outputs its input, so no answer is copied', () => {
    const schemas = Object.entries({
      sagemaker: sagemakerWire,
      pai: paiWire,
      modelarts: modelartsWire,
    }).flatMap(([cloud, module]) =>
      Object.entries(module).flatMap(([name, value]) => {
        const schema = typeof value === 'function' ? (value as () => unknown)() : value;
        return typeof schema === 'object' && schema !== null && '_zod' in schema
          ? [[`${cloud}.${name}`, outputIsInput(schema as z.ZodMiniType)] as const]
          : [];
      }),
    );
    expect(schemas.length).toBeGreaterThan(100);
    expect(schemas.filter(([, faithful]) => !faithful)).toEqual([]);
  });
});
