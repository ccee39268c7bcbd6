/**
 * zod/mini ships no message language, so crosstune sets English when it loads — unless the
 * application chose one first, which is kept. (A file of its own: the choice is process-wide.)
 */
import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { config } from 'zod/v4/core';

it('keeps a message language the application chose before loading crosstune', async () => {
  config({ localeError: () => 'ungültig' });
  const { checkWire } = await import('../../src/core/http/decode.js');
  expect(() =>
    checkWire({ id: 1 }, z.looseObject({ id: z.string() }), { provider: 'pai', operation: 'Op' }),
  ).toThrow('Op response field id: ungültig');
});
