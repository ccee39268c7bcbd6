/**
 * SageMaker and ModelArts carry categorical values as text. Written: numbers in JavaScript's
 * shortest round-trip form, booleans as `true`/`false`. Read: a list whose every entry is a
 * decimal number becomes numbers, a list of only `true`/`false` becomes booleans, anything
 * else stays text. Compiling reports a loss exactly when reading back would not give the
 * original values.
 */
import { type LossLog, show } from './loss.js';
import type { Scalar } from './types.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function encodeScalar(value: Scalar): string {
  return String(value);
}

export function decodeCategorical(texts: readonly string[]): Scalar[] {
  if (texts.every((t) => DECIMAL.test(t))) return texts.map(Number);
  if (texts.every((t) => t === 'true' || t === 'false')) {
    return texts.map((t) => t === 'true');
  }
  return [...texts];
}

/** The text form of `values`, with a `value-type` loss when it would not read back as the same values. */
export function encodeChoice(param: string, values: readonly Scalar[], log: LossLog): string[] {
  const texts = [...new Set(values.map(encodeScalar))];
  const back = decodeCategorical(texts);
  if (back.length !== values.length || back.some((v, i) => v !== values[i])) {
    log.add(
      param,
      'value-type',
      `the value types of ${show(values)}`,
      `text ${show(texts)}, read back as ${show(back)}`,
    );
  }
  return texts;
}

/** Values read from a dialect; repeated entries are merged (the dialect would weigh them double). */
export function decodeChoice(param: string, texts: readonly string[], log: LossLog): Scalar[] {
  return decodeCategorical(distinctValues(param, texts, log));
}

export function distinctValues<T>(param: string, values: readonly T[], log: LossLog): T[] {
  const distinct = [...new Set(values)];
  if (distinct.length !== values.length) {
    log.add(
      param,
      'duplicate-values',
      `repeated entries in ${show(values)}`,
      `each value once: ${show(distinct)}`,
    );
  }
  return distinct;
}
