/**
 * The builder API: `space({ lr: float(1e-5, 1e-1, { log: true }), batch: choice([16, 32, 64]) })`.
 * Each builder validates at once, so a mistake points at the line that made it.
 */
import { SearchSpaceError } from './errors.js';
import { validateParam, validateSpace } from './schema.js';
import type {
  ChoiceParam,
  ConditionalParam,
  FloatParam,
  IntParam,
  LogNormalParam,
  NormalParam,
  Param,
  Scalar,
  SearchSpace,
} from './types.js';

export function space<const T extends Record<string, Param>>(params: T): T & SearchSpace {
  return validateSpace(params) as T & SearchSpace;
}

/**
 * `choice([16, 32, 64])`: one of the values. `choice({ sgd: space({...}), adam: space({...}) })`:
 * one of the branch names, and then the parameters of that branch only (NNI's nested choice).
 */
export function choice(values: readonly Scalar[]): ChoiceParam;
export function choice(branches: Readonly<Record<string, SearchSpace>>): ConditionalParam;
export function choice(
  arg: readonly Scalar[] | Readonly<Record<string, SearchSpace>>,
): ChoiceParam | ConditionalParam {
  const param = Array.isArray(arg) ? { kind: 'choice', values: arg } : { kind: 'conditional', branches: arg };
  return validateParam(param) as ChoiceParam | ConditionalParam;
}

export function int(low: number, high: number, options: { step?: number; log?: boolean } = {}): IntParam {
  return validateParam({
    kind: 'int',
    low,
    high,
    step: options.step,
    scale: options.log ? 'log' : 'linear',
  }) as IntParam;
}

export function float(
  low: number,
  high: number,
  options: { step?: number; log?: boolean; reverseLog?: boolean } = {},
): FloatParam {
  if (options.log && options.reverseLog) {
    throw new SearchSpaceError('Invalid parameter', { issues: ['log and reverseLog exclude each other'] });
  }
  const scale = options.log ? 'log' : options.reverseLog ? 'reverse-log' : 'linear';
  return validateParam({ kind: 'float', low, high, step: options.step, scale }) as FloatParam;
}

export function normal(mu: number, sigma: number, options: { step?: number } = {}): NormalParam {
  return validateParam({ kind: 'normal', mu, sigma, step: options.step }) as NormalParam;
}

/** `exp(N(mu, sigma))`: `mu` and `sigma` are those of the logarithm, as in NNI's `lognormal`. */
export function lognormal(mu: number, sigma: number, options: { step?: number } = {}): LogNormalParam {
  return validateParam({ kind: 'lognormal', mu, sigma, step: options.step }) as LogNormalParam;
}
