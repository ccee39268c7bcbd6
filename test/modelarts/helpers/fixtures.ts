/** Readers for the documented ModelArts examples copied into test/fixtures/modelarts (see README.md there). */
import { readFileSync } from 'node:fs';
import type { $ZodType, output } from 'zod/v4/core';
import { checkWire } from '../../../src/core/http/decode.js';

const dir = new URL('../../fixtures/modelarts/', import.meta.url);

/** A fixture parsed afresh on every call, so that a test may change its copy. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
}

/** A fixture checked against its wire schema, as the operations client checks an answer. */
export function wireFixture<S extends $ZodType>(name: string, schema: S): output<S> {
  return checkWire(fixture(name), schema, { provider: 'modelarts', operation: name });
}
