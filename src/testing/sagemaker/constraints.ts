import { wireErrors } from './errors.js';
import type { JsonObject } from './types.js';

/**
 * Model-constraint checks phrased like AWS's request validation layer:
 * `2 validation errors detected: Value 'a_b' at 'hyperParameterTuningJobName' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}; ...`.
 * Violations are collected and reported together; a JSON type mismatch aborts at once with a
 * SerializationException, as the service cannot even deserialize such a body.
 */
export class Constraints {
  readonly #errors: string[] = [];

  /** Records "must not be null" for an absent required member; returns whether it is present. */
  required(path: string, value: unknown): boolean {
    if (value !== undefined && value !== null) return true;
    this.#errors.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
    return false;
  }

  string(
    path: string,
    value: unknown,
    rules: { min?: number; max?: number; pattern?: string } = {},
  ): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw typeMismatch(path, 'String', value);
    this.#length(path, value, value.length, rules);
    if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`, 'u').test(value)) {
      this.#fail(path, value, `Member must satisfy regular expression pattern: ^${rules.pattern}`);
    }
    return value;
  }

  integer(path: string, value: unknown, rules: { min?: number; max?: number } = {}): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw typeMismatch(path, 'Integer', value);
    if (rules.min !== undefined && value < rules.min) {
      this.#fail(path, value, `Member must have value greater than or equal to ${rules.min}`);
    }
    if (rules.max !== undefined && value > rules.max) {
      this.#fail(path, value, `Member must have value less than or equal to ${rules.max}`);
    }
    return value;
  }

  number(path: string, value: unknown): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw typeMismatch(path, 'Number', value);
    return value;
  }

  /** AWS JSON timestamps are epoch seconds; returns epoch milliseconds. */
  timestamp(path: string, value: unknown): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw typeMismatch(path, 'Timestamp', value);
    return value * 1000;
  }

  enumOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined {
    const text = this.string(path, value);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    this.#fail(path, text, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
    return undefined;
  }

  list(path: string, value: unknown, rules: { min?: number; max?: number } = {}): unknown[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw typeMismatch(path, 'List', value);
    this.#length(path, `[${value.map(String).join(', ')}]`, value.length, rules);
    return value;
  }

  object(path: string, value: unknown): JsonObject | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw typeMismatch(path, 'Structure', value);
    return value as JsonObject;
  }

  /** A map of string to string, such as StaticHyperParameters. */
  stringMap(path: string, value: unknown): Record<string, string> | undefined {
    const map = this.object(path, value);
    if (map === undefined) return undefined;
    for (const [key, item] of Object.entries(map)) this.string(`${path}.${key}`, item);
    return map as Record<string, string>;
  }

  /** Throws one ValidationException listing every violation recorded so far. */
  throwIfAny(): void {
    const count = this.#errors.length;
    if (count === 0) return;
    const noun = count === 1 ? 'error' : 'errors';
    throw wireErrors.validation(`${count} validation ${noun} detected: ${this.#errors.join('; ')}`);
  }

  #length(path: string, shown: string, length: number, rules: { min?: number; max?: number }): void {
    if (rules.min !== undefined && length < rules.min) {
      this.#fail(path, shown, `Member must have length greater than or equal to ${rules.min}`);
    }
    if (rules.max !== undefined && length > rules.max) {
      this.#fail(path, shown, `Member must have length less than or equal to ${rules.max}`);
    }
  }

  #fail(path: string, value: string | number, rule: string): void {
    this.#errors.push(`Value '${value}' at '${path}' failed to satisfy constraint: ${rule}`);
  }
}

function typeMismatch(path: string, expected: string, value: unknown) {
  const actual = Array.isArray(value) ? 'List' : value === null ? 'Null' : typeof value;
  return wireErrors.serialization(`Expected ${expected} at '${path}' but found ${actual}`);
}

/** SageMaker name patterns from the service model. */
export const TUNING_JOB_NAME_PATTERN = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}';
export const TRAINING_JOB_NAME_PATTERN = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';

/** Validates a HyperParameterTuningJobName member and throws at once, as every operation needs it. */
export function requireTuningJobName(body: JsonObject): string {
  const c = new Constraints();
  const path = 'hyperParameterTuningJobName';
  const name = c.string(path, body.HyperParameterTuningJobName, {
    min: 1,
    max: 32,
    pattern: TUNING_JOB_NAME_PATTERN,
  });
  c.required(path, body.HyperParameterTuningJobName);
  c.throwIfAny();
  return name as string;
}
