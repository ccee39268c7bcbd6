/**
 * Reading request members. ModelArts names the offending member in ModelArts.2788
 * (`Invalid parameter(metadata.name).`); the first problem found is reported.
 */
import { isObject } from '../../core/fields.js';
import { wireErrors } from './errors.js';
import type { JsonObject } from './types.js';

export { isObject } from '../../core/fields.js';

export function readObject(value: unknown, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wireErrors.invalidParam(path);
  return value;
}

export function readString(
  value: unknown,
  path: string,
  rules: { pattern?: RegExp; max?: number; allowed?: readonly string[] } = {},
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wireErrors.invalidParam(path);
  if (rules.pattern && !rules.pattern.test(value)) throw wireErrors.invalidParam(path);
  if (rules.max !== undefined && value.length > rules.max) throw wireErrors.invalidParam(path);
  if (rules.allowed && !rules.allowed.includes(value)) throw wireErrors.invalidParam(path);
  return value;
}

export function readInteger(value: unknown, path: string, rules: { min?: number; max?: number } = {}) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw wireErrors.invalidParam(path);
  if ((rules.min !== undefined && value < rules.min) || (rules.max !== undefined && value > rules.max)) {
    throw wireErrors.invalidParam(path);
  }
  return value;
}

/** An integer query parameter; a bad one is ModelArts.2764 (QueryParamsError). */
export function queryInteger(query: URLSearchParams, name: string, min: number): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < min) throw wireErrors.invalidQuery(name);
  return Number(text);
}

/** The JSON body; `{}` when none was sent. Not JSON, or not an object: ModelArts.2787. */
export function parseBody(rawBody: string): JsonObject {
  if (rawBody.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    throw wireErrors.invalidJson();
  }
  if (!isObject(value)) throw wireErrors.invalidJson();
  return value;
}
