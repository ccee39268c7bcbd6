/**
 * Reading request members. Failures are INVALID_INPUT_PARAMS with messages shaped like the one
 * PAI's documentation shows ("Missing 'user_id' in request."); the first problem found is reported.
 */
import { wireErrors } from './errors.js';
import type { JsonObject } from './types.js';

const missing = (path: string) => wireErrors.invalidInput(`Missing '${path}' in request.`);
export const invalid = (path: string, why: string) => wireErrors.invalidInput(`Invalid '${path}': ${why}.`);

function absent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

export function readString(
  value: unknown,
  path: string,
  rules: { required?: boolean; allowed?: readonly string[] } = {},
): string | undefined {
  if (absent(value)) {
    if (rules.required) throw missing(path);
    return undefined;
  }
  if (typeof value !== 'string') throw invalid(path, `must be a string, got ${typeOf(value)}`);
  if (rules.required && value.trim() === '') throw missing(path);
  if (rules.allowed && !rules.allowed.includes(value)) {
    throw invalid(path, `must be one of ${rules.allowed.join(', ')}, got '${value}'`);
  }
  return value;
}

export function readInteger(
  value: unknown,
  path: string,
  rules: { min?: number; max?: number } = {},
): number | undefined {
  if (absent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalid(path, `must be an integer, got ${JSON.stringify(value)}`);
  }
  checkBounds(value, path, rules);
  return value;
}

export function readObject(value: unknown, path: string, required = false): JsonObject | undefined {
  if (absent(value)) {
    if (required) throw missing(path);
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalid(path, `must be an object, got ${typeOf(value)}`);
  return value as JsonObject;
}

export function readStringList(value: unknown, path: string, required = false): string[] | undefined {
  if (absent(value)) {
    if (required) throw missing(path);
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw invalid(path, 'must be an array of strings');
  }
  if (required && value.length === 0) throw missing(path);
  return value as string[];
}

/** An int32 query parameter, sent as decimal text. */
export function queryInteger(
  query: URLSearchParams,
  name: string,
  rules: { min?: number; max?: number } = {},
): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^[+-]?\d+$/.test(text.trim())) throw invalid(name, `must be an integer, got '${text}'`);
  const value = Number(text);
  checkBounds(value, name, rules);
  return value;
}

export function queryEnum<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]) {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    throw invalid(name, `must be one of ${allowed.join(', ')}, got '${text}'`);
  }
  return text as T;
}

function checkBounds(value: number, path: string, rules: { min?: number; max?: number }): void {
  if (rules.min !== undefined && value < rules.min)
    throw invalid(path, `must be >= ${rules.min}, got ${value}`);
  if (rules.max !== undefined && value > rules.max)
    throw invalid(path, `must be <= ${rules.max}, got ${value}`);
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : typeof value;
}
