/**
 * Neutral space → ModelArts `search_params`. A grid becomes a continuous range with a point
 * count, read as evenly spaced points that include both bounds (the docs say only "number of
 * discrete points of a continuous hyperparameter"). ModelArts tunes float hyperparameters
 * only and has no scale, no normal and no conditional.
 */
import { asRange } from '../../approximate.js';
import { encodeChoice } from '../../categorical.js';
import { type FlatParam, flatten } from '../../flatten.js';
import { evenSpacing, intervals } from '../../grid.js';
import type { LossLog } from '../../loss.js';
import type { FloatParam, SearchSpace } from '../../types.js';
import type { ModelArtsSearchParam } from './types.js';

export function compileModelArts(spec: SearchSpace, log: LossLog): ModelArtsSearchParam[] {
  return flatten(spec, log).flatMap(({ name, path, param }) => toSearchParam(name, path, param, log) ?? []);
}

function toSearchParam(
  name: string,
  path: string,
  p: FlatParam['param'],
  log: LossLog,
): ModelArtsSearchParam | undefined {
  switch (p.kind) {
    case 'choice':
      return { name, param_type: 'discrete', discrete_values: encodeChoice(path, p.values, log) };
    case 'int':
      log.add(
        path,
        'integer-as-float',
        'the integer type',
        'a continuous range cut into points, tuned as floats',
      );
      return continuous(
        name,
        path,
        // Stryker disable next-line StringLiteral: continuous() reads the bounds, step and scale only.
        { kind: 'float', low: p.low, high: p.high, step: p.step, scale: p.scale },
        log,
      );
    case 'float':
    case 'normal':
    case 'lognormal': {
      const range = asRange(p, path, log);
      return range && continuous(name, path, range, log);
    }
  }
}

function continuous(name: string, path: string, p: FloatParam, log: LossLog): ModelArtsSearchParam {
  if (p.scale !== 'linear') log.add(path, 'scale-changed', `the ${p.scale} scale`, 'a linear scale');
  const param: ModelArtsSearchParam = {
    name,
    param_type: 'continuous',
    lower_bound: String(p.low),
    upper_bound: String(p.high),
  };
  if (p.step === undefined) return param;
  const n = intervals(p.low, p.high, p.step);
  const spacing = evenSpacing(p.low, p.high, n + 1);
  if (spacing !== p.step) {
    log.add(path, 'step-rounded', `step ${p.step}`, `${n + 1} evenly spaced points, ${spacing} apart`);
  }
  return { ...param, discrete_points_num: String(n + 1) };
}
