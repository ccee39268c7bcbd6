/** SageMaker `ParameterRanges` (strings or numbers for bounds) → neutral space. */
import * as z from 'zod/mini';
import { once } from '../../../core/once.js';
import { decodeChoice } from '../../categorical.js';
import { malformed } from '../../errors.js';
import { type LossLog, show } from '../../loss.js';
import { readDialect } from '../../schema.js';
import type { FloatScale, Param } from '../../types.js';

const rangesSchema = once(() => {
  const bound = z.pipe(
    z.pipe(z.union([z.number(), z.string().check(z.trim(), z.minLength(1))]), z.transform(Number)),
    z.number(),
  );
  const name = z.string().check(z.minLength(1));
  const numericRange = z.looseObject({
    Name: name,
    MinValue: bound,
    MaxValue: bound,
    ScalingType: z.optional(z.string()),
  });
  return z.looseObject({
    IntegerParameterRanges: z.optional(z.array(numericRange)),
    ContinuousParameterRanges: z.optional(z.array(numericRange)),
    CategoricalParameterRanges: z.optional(
      z.array(z.looseObject({ Name: name, Values: z.array(z.string()).check(z.minLength(1)) })),
    ),
    AutoParameters: z.optional(z.array(z.looseObject({ Name: name, ValueHint: z.string() }))),
  });
});
type NumericRange = NonNullable<z.infer<ReturnType<typeof rangesSchema>>['IntegerParameterRanges']>[number];

// A Map: a ScalingType of "constructor" must not find Object's.
const SCALES = new Map<string | undefined, FloatScale>([
  ['Linear', 'linear'],
  ['Logarithmic', 'log'],
  ['ReverseLogarithmic', 'reverse-log'],
]);

export function parseSageMaker(input: unknown, log: LossLog): Record<string, Param> {
  const ranges = readDialect(rangesSchema(), input, 'SageMaker');
  const out: Record<string, Param> = {};
  const put = (name: string, param: Param | undefined): void => {
    if (Object.hasOwn(out, name)) throw malformed('SageMaker', [`${name}: the parameter has two ranges`]);
    if (param !== undefined) out[name] = param;
  };
  for (const r of ranges.IntegerParameterRanges ?? []) put(r.Name, integer(r, log));
  for (const r of ranges.ContinuousParameterRanges ?? []) put(r.Name, continuous(r, log));
  for (const r of ranges.CategoricalParameterRanges ?? []) {
    put(r.Name, { kind: 'choice', values: decodeChoice(r.Name, r.Values, log) });
  }
  for (const a of ranges.AutoParameters ?? []) {
    log.add(
      a.Name,
      'dropped-parameter',
      `the Autotune parameter (value hint ${show(a.ValueHint)})`,
      'nothing: SageMaker picks its range',
    );
    put(a.Name, undefined);
  }
  return out;
}

function integer(r: NumericRange, log: LossLog): Param {
  if (!Number.isInteger(r.MinValue) || !Number.isInteger(r.MaxValue)) {
    throw malformed('SageMaker', [`${r.Name}: an integer range needs integer bounds`]);
  }
  const scale = readScale(r, log);
  if (r.MinValue === r.MaxValue) return { kind: 'choice', values: [r.MinValue] };
  if (scale === 'reverse-log') {
    log.add(
      r.Name,
      'scale-changed',
      'ScalingType ReverseLogarithmic (not defined for integers)',
      'a linear scale',
    );
  }
  return {
    kind: 'int',
    low: r.MinValue,
    high: r.MaxValue,
    step: 1,
    scale: scale === 'log' ? 'log' : 'linear',
  };
}

function continuous(r: NumericRange, log: LossLog): Param {
  const scale = readScale(r, log);
  if (r.MinValue === r.MaxValue) return { kind: 'choice', values: [r.MinValue] };
  return { kind: 'float', low: r.MinValue, high: r.MaxValue, scale };
}

/** `Auto` (also what an absent ScalingType means) lets SageMaker choose; the neutral space needs one scale. */
function readScale(r: NumericRange, log: LossLog): FloatScale {
  const scale = SCALES.get(r.ScalingType);
  if (scale === undefined) {
    log.add(
      r.Name,
      'scale-changed',
      `ScalingType ${r.ScalingType ?? '(absent)'}, chosen by SageMaker`,
      'a linear scale',
    );
  }
  return scale ?? 'linear';
}
