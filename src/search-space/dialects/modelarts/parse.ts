/** ModelArts `search_params` (numbers as text or not, `param_type` inferable) → neutral space. */
import { z } from 'zod';
import { decodeChoice } from '../../categorical.js';
import { malformed } from '../../errors.js';
import { evenSpacing } from '../../grid.js';
import type { LossLog } from '../../loss.js';
import { readDialect } from '../../schema.js';
import type { Param } from '../../types.js';

const numberText = z
  .union([z.number(), z.string().trim().min(1)])
  .transform(Number)
  .pipe(z.number());
const searchParam = z.looseObject({
  name: z.string().min(1),
  param_type: z.enum(['continuous', 'discrete']).optional(),
  lower_bound: numberText.optional(),
  upper_bound: numberText.optional(),
  // An empty text or 0 is read as "no points": a plain continuous range.
  discrete_points_num: z.union([z.literal(''), numberText]).optional(),
  discrete_values: z.array(z.string()).min(1).optional(),
});
const searchParams = z.array(searchParam);
type SearchParam = z.infer<typeof searchParam>;

export function parseModelArts(input: unknown, log: LossLog): Record<string, Param> {
  const out: Record<string, Param> = {};
  for (const p of readDialect(searchParams, input, 'ModelArts')) {
    if (Object.hasOwn(out, p.name)) throw malformed('ModelArts', [`${p.name}: the parameter appears twice`]);
    out[p.name] = toParam(p, log);
  }
  return out;
}

function toParam(p: SearchParam, log: LossLog): Param {
  const type = p.param_type ?? (p.discrete_values ? 'discrete' : 'continuous');
  if (type === 'discrete') {
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
