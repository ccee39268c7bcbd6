/** NNI JSON (object, JSON text or Python-literal text, `${name}` keys or bare) → neutral space. */
import * as z from 'zod/mini';
import { once } from '../../../core/once.js';
import { distinctValues } from '../../categorical.js';
import { malformed } from '../../errors.js';
import { onGrid } from '../../grid.js';
import { type LossLog, show } from '../../loss.js';
import { readDialect } from '../../schema.js';
import type { FloatParam, Param, Scalar } from '../../types.js';
import { readSearchSpaceText } from './literal.js';
import { fromPlaceholder } from './placeholders.js';
import { previewNniGrid } from './quantized.js';
import { NNI_TYPES } from './types.js';

// At module level rather than inside the lazily built schema: per-test coverage cannot credit the
// tests that check it to a regular expression built once, so its mutants would go unseen.
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const numberLike = once(() => z.union([z.number(), z.string().check(z.regex(NUMBER_TEXT))]));
const nniParam = once(() =>
  z.looseObject({ _type: z.enum(NNI_TYPES), _value: z.array(z.unknown()).check(z.minLength(1)) }),
);
const nniSpace = once(() => z.record(z.string().check(z.minLength(1)), nniParam()));
type NniInput = z.infer<ReturnType<typeof nniParam>>;

export function parsePai(input: unknown, log: LossLog): Record<string, Param> {
  return parseSpace(typeof input === 'string' ? readSearchSpaceText(input) : input, undefined, log);
}

function parseSpace(raw: unknown, prefix: string | undefined, log: LossLog): Record<string, Param> {
  const data = readDialect(nniSpace(), raw, 'PAI (NNI)', prefix === undefined ? [] : [prefix]);
  const out: Record<string, Param> = {};
  for (const [key, p] of Object.entries(data)) {
    const name = fromPlaceholder(key);
    const path = prefix === undefined ? name : `${prefix}.${name}`;
    if (Object.hasOwn(out, name)) throw malformed('PAI (NNI)', [`${path}: the parameter appears twice`]);
    out[name] = parseParam(p, path, log);
  }
  return out;
}

function parseParam(p: NniInput, path: string, log: LossLog): Param {
  if (p._type === 'choice') return parseChoice(p._value, path, log);
  const q = p._type.startsWith('q');
  const [a, b, step] = numbers(p._value, q ? 3 : 2, path);
  switch (p._type) {
    case 'randint': {
      // [lower, upper): NNI takes ceil of both bounds.
      const low = Math.ceil(a);
      const high = Math.ceil(b) - 1;
      return low === high
        ? { kind: 'choice', values: [low] }
        : { kind: 'int', low, high, step: 1, scale: 'linear' };
    }
    case 'uniform':
    case 'loguniform':
      return range(a, b, p._type === 'loguniform' ? 'log' : 'linear');
    case 'quniform':
    case 'qloguniform':
      return quantizedRange(a, b, step, p._type === 'qloguniform' ? 'log' : 'linear', path, log);
    case 'normal':
    case 'lognormal':
      return { kind: p._type, mu: a, sigma: b };
    case 'qnormal':
    case 'qlognormal':
      return { kind: p._type === 'qnormal' ? 'normal' : 'lognormal', mu: a, sigma: b, step: step };
  }
}

function range(low: number, high: number, scale: FloatParam['scale']): Param {
  return low === high ? { kind: 'choice', values: [low] } : { kind: 'float', low, high, scale };
}

function quantizedRange(
  low: number,
  high: number,
  q: number,
  scale: FloatParam['scale'],
  path: string,
  log: LossLog,
) {
  if (low === high || (onGrid(low, 0, q) && onGrid(high, 0, q))) {
    return low === high ? range(low, high, scale) : { kind: 'float' as const, low, high, step: q, scale };
  }
  log.add(
    path,
    'dropped-step',
    `NNI's values ${previewNniGrid(low, high, q)}`,
    `every real in ${show([low, high])}`,
  );
  return range(low, high, scale);
}

function parseChoice(values: readonly unknown[], path: string, log: LossLog): Param {
  if (values.every(isBranch)) {
    const branches: Record<string, Record<string, Param>> = {};
    for (const { _name, ...rest } of values) {
      if (Object.hasOwn(branches, _name)) {
        throw malformed('PAI (NNI)', [`${path}: the branch ${_name} appears twice`]);
      }
      branches[_name] = parseSpace(rest, `${path}.${_name}`, log);
    }
    return { kind: 'conditional', branches };
  }
  if (!values.every(isScalar)) {
    throw malformed('PAI (NNI)', [
      `${path}: choice values must be numbers, strings, booleans or {_name, …} branches`,
    ]);
  }
  return { kind: 'choice', values: distinctValues(path, values, log) };
}

/** `[low, high]` or `[mu, sigma]`, then `q` for the q-types. */
function numbers(values: readonly unknown[], count: 2 | 3, path: string): [number, number, number] {
  const parsed = z.safeParse(z.array(numberLike()).check(z.length(count)), values);
  if (!parsed.success) throw malformed('PAI (NNI)', [`${path}: _value must hold ${count} numbers`]);
  const [a, b, q] = parsed.data.map(Number);
  return [a as number, b as number, q ?? Number.NaN];
}

function isBranch(v: unknown): v is { _name: string } & Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { _name?: unknown })._name === 'string';
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);
}
