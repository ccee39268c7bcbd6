/**
 * Lenient decoders for the ways clouds spell values: epoch seconds, numbers sent as strings,
 * "NaN"/"Infinity", booleans as "True"/0/1, JSON packed into strings, UTC date-time text.
 * Each takes the field's path and throws a `FieldFormatError` naming it; adapters turn that
 * into a `ResponseFormatError` carrying provider, operation and request id.
 */
import { type ErrorDetails, ResponseFormatError } from './errors.js';

export class FieldFormatError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly actual: unknown,
  ) {
    super(`${path}: expected ${expected}, got ${describe(actual)}`);
    this.name = 'FieldFormatError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 40 ? `a string of ${value.length} characters` : `"${value}"`;
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : String(value);
}

const SPECIAL_NUMBERS: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  infinity: Number.POSITIVE_INFINITY,
  '+infinity': Number.POSITIVE_INFINITY,
  '-infinity': Number.NEGATIVE_INFINITY,
  inf: Number.POSITIVE_INFINITY,
  '+inf': Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
};

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Missing, `null` or blank: what clouds send for "no value". */
export function isAbsent(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/**
 * A status word read through a cloud's table of them: as sent first (no copy of the word a listing
 * repeats in every item), else trimmed and in the table's case; undefined for a word it lacks.
 */
export function wordIn<S>(
  table: ReadonlyMap<string, S>,
  word: string | null | undefined,
  spelling: 'upper' | 'lower',
): S | undefined {
  // Stryker disable next-line ConditionalExpression: a shortcut; the line below reads the table's own spelling the same.
  if (word && table.has(word)) return table.get(word);
  // Stryker disable next-line StringLiteral: any text that is no word of the table reads as none, as '' does.
  const trimmed = (word ?? '').trim();
  return table.get(spelling === 'upper' ? trimmed.toUpperCase() : trimmed.toLowerCase());
}

/** A number, or a string holding one (incl. NaN / Infinity / inf in any case); undefined otherwise. */
export function numberIn(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  // Number('') and Number('  ') are 0: blank text is not a number.
  // Stryker disable next-line ConditionalExpression: `n !== 0` only spares the trim; text Number reads as non-zero is never blank.
  if (!Number.isNaN(n)) return n !== 0 || value.trim() !== '' ? n : undefined;
  // Text opening with a letter other than i or n (`tensor(…)`, `True`) spells no special number:
  // answered without the copies below, as a table may hold such a cell in every row.
  const first = value.charCodeAt(0) | 0x20;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the lines below refuse such text the same (text opening with a space other than ASCII's is tested to get there).
  if (first >= 97 && first <= 122 && first !== 105 && first !== 110) return undefined;
  const word = value.trim().toLowerCase();
  return Object.hasOwn(SPECIAL_NUMBERS, word) ? SPECIAL_NUMBERS[word] : undefined;
}

/** A number, or a string holding one (incl. NaN / Infinity / inf in any case). */
export function decodeNumber(value: unknown, path: string): number {
  const n = numberIn(value);
  if (n === undefined) throw new FieldFormatError(path, 'a number', value);
  return n;
}

export function decodeInteger(value: unknown, path: string): number {
  const n = decodeNumber(value, path);
  if (!Number.isInteger(n)) throw new FieldFormatError(path, 'an integer', value);
  return n;
}

/** {@link decodeNumber}, with absent values (undefined, null, `''`) read as none. */
export function optionalNumber(value: unknown, path: string): number | undefined {
  return isAbsent(value) ? undefined : decodeNumber(value, path);
}

export function optionalInteger(value: unknown, path: string): number | undefined {
  return isAbsent(value) ? undefined : decodeInteger(value, path);
}

/** Epoch seconds (number or numeric string, fractions allowed) or an ISO-8601 string. */
export function decodeEpochSeconds(value: unknown, path: string): Date {
  if (typeof value === 'number') {
    // Rounded: seconds × 1000 in floating point can land a hair below the millisecond.
    if (Number.isFinite(value)) return new Date(Math.round(value * 1000));
  } else if (value instanceof Date) {
    return value;
  } else if (typeof value === 'string') {
    const ms = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(value)
      ? Math.round(Number(value) * 1000)
      : Date.parse(value);
    if (Number.isFinite(ms)) return new Date(ms);
  }
  throw new FieldFormatError(path, 'a time (epoch seconds or ISO-8601)', value);
}

/** `YYYY-MM-DD HH:mm:ss` (or with `T`, optional fraction and zone) read as UTC when no zone is given. */
export function decodeUtcDateTime(value: unknown, path: string): Date {
  if (typeof value === 'string') {
    const fast = plainUtcDateTime(value);
    // Stryker disable next-line ConditionalExpression: a shortcut; the general reading below gives the same time (plainUtcDateTime's own answers are tested against Date.UTC).
    if (fast !== undefined) return new Date(fast);
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
    if (m) {
      const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${m[8] ?? 'Z'}`;
      const ms = Date.parse(iso);
      if (!Number.isNaN(ms)) return new Date(ms);
    }
  }
  throw new FieldFormatError(path, 'a date-time "YYYY-MM-DD HH:mm:ss"', value);
}

/**
 * Milliseconds for exactly `YYYY-MM-DD HH:mm:ss`, the form listings send for every item, read
 * digit by digit (the general pattern above costs a regex, a string and a parse per field);
 * undefined for any other text, including an impossible date, which the general path judges.
 * Exported for its tests: a wrong refusal here is invisible through decodeUtcDateTime.
 */
export function plainUtcDateTime(text: string): number | undefined {
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const sep = text.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
    return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  // A day past the month's end (02-30) would roll over in Date.UTC: left to Date.parse's judgement.
  if (
    !(
      year >= 1000 &&
      // Stryker disable next-line ConditionalExpression: a month out of range has no length in daysIn, so the day check refuses it as well.
      month >= 1 &&
      // Stryker disable next-line ConditionalExpression: as above.
      month <= 12 &&
      day >= 1 &&
      day <= daysIn(year, month) &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59
    )
  ) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
}

/** The number `length` decimal digits at `at` spell, or NaN when one is not a digit. */
function digits(text: string, at: number, length: number): number {
  let out = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    out = out * 10 + digit;
  }
  return out;
}

/** true/false, "true"/"false"/"True"/"FALSE", 1/0 or "1"/"0". */
export function decodeBoolean(value: unknown, path: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
  }
  throw new FieldFormatError(path, 'a boolean', value);
}

/** A value that may arrive as JSON text or already parsed; empty text reads as undefined. */
export function decodeJsonText(value: unknown, path: string): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new FieldFormatError(path, 'JSON text', value);
  }
}

/** Runs a normalizer, reporting a malformed field as a `ResponseFormatError` with the call's details. */
export function normalizing<T>(details: ErrorDetails, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FieldFormatError) {
      throw new ResponseFormatError(`${details.operation ?? 'response'}: ${error.message}`, {
        ...details,
        path: error.path,
        cause: error,
      });
    }
    throw error;
  }
}
