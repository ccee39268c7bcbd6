/**
 * zod/mini ships no message language, so crosstune sets English when it loads — unless the
 * application chose one first, which is kept. Each case loads crosstune's decoder afresh, as an
 * application starting would (the choice is process-wide, and other modules may have made it).
 */
import { afterAll, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { config } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

afterAll(() => config(en()));

async function messageWith(localeError: (() => string) | undefined): Promise<string> {
  config({ localeError });
  vi.resetModules();
  const { checkWire } = await import('../../src/core/http/decode.js');
  try {
    checkWire({ id: 1 }, z.looseObject({ id: z.string() }), { provider: 'pai', operation: 'Op' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
}

it('sets English when nothing chose a language', async () => {
  expect(await messageWith(undefined)).toBe(
    'Op response field id: Invalid input: expected string, received number',
  );
});

it('keeps a message language the application chose before loading crosstune', async () => {
  expect(await messageWith(() => 'ungültig')).toBe('Op response field id: ungültig');
});
