/** ModelArts `search_params` (numbers as text or not, `param_type` inferable) → neutral space. */
import * as z from 'zod/mini';
import { once } from '../../../core/once.js';
import { decodeChoice } from '../../categorical.js';
import { malformed } from '../../errors.js';
import { evenSpacing } from '../../grid.js';
import type { LossLog } from '../../loss.js';
import { readDialect } from '../../schema.js';
import type { Param } from '../../types.js';

const searchParams = once(() => {
  const numberText = z.pipe(
    z.pipe(z.union([z.number(), z.string().check(z.trim(), z.minLength(1))]), z.transform(Number)),
    z.number(),
  );
  return z.array(
    z.looseObject({
      name: z.string().check(z.minLength(1)),
      param_type: z.optional(z.enum(['continuous', 'discrete'])),
      lower_bound: z.optional(numberText),
      upper_bound: z.optional(numberText),
      // An empty text or 0 is read as "no points": a plain continuous range.
      discrete_points_num: z.optional(z.union([z.literal(''), numberText])),
      discrete_values: z.optional(z.array(z.string()).check(z.minLength(1))),
    }),
  );
});
type SearchParam = z.infer<ReturnType<typeof searchParams>>[number];

export function parseModelArts(input: unknown, log: LossLog): Record<string, Param> {
  const out: Record<string, Param> = {};
  for (const p of readDialect(searchParams(), input, 'ModelArts')) {
    if (Object.hasOwn(out, p.name)) throw malformed('ModelArts', [`${p.name}: the parameter appears twice`]);
    out[p.name] = toParam(p, log);
  }
  return out;
}

function toParam(p: SearchParam, log: LossLog): Param {
  if (p.param_type === 'discrete' || (p.param_type === undefined && p.discrete_values !== undefined)) {
    if (!p.discrete_values) {
      throw malformed('ModelArts', [`${p.name}: a discrete parameter needs discrete_values`]);
    }
    return { kind: 'choice', values: decodeChoice(p.name, p.discrete_values, log) };
  }
  const { lower_bound: low, upper_bound: high } = p;
  if (low === undefined || high === undefined) {
    throw malformed('ModelArts', [`${p.name}: a continuous parameter needs lower_bound and upper_bound`]);
  }
  if (low === high) return { kind: 'choice', values: [low] };
  const points = p.discrete_points_num === '' ? 0 : (p.discrete_points_num ?? 0);
  if (points === 0) return { kind: 'float', low, high, scale: 'linear' };
  if (!Number.isInteger(points) || points < 2) {
    throw malformed('ModelArts', [`${p.name}: discrete_points_num must be an integer >= 2`]);
  }
  return { kind: 'float', low, high, step: evenSpacing(low, high, points), scale: 'linear' };
}
