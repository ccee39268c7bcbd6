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

/**
 * A neutral search space from named parameters, checked at once: SearchSpaceError lists every
 * issue (a bad bound, an empty choice…). Compiles to any cloud's dialect.
 *
 * @example
 * ```ts
 * import { choice, float, int, space } from 'crosstune';
 *
 * const searchSpace = space({
 *   eta: float(0.01, 0.5, { log: true }),
 *   max_depth: int(3, 10),
 *   booster: choice(['gbtree', 'dart']),
 * });
 * ```
 */
export function space<const T extends Record<string, Param>>(params: T): T & SearchSpace {
  return validateSpace(params) as T & SearchSpace;
}

/**
 * `choice([16, 32, 64])`: one of the values. `choice({ sgd: space({...}), adam: space({...}) })`:
 * one of the branch names, and then the parameters of that branch only (NNI's nested choice).
 *
 * @example
 * ```ts
 * import { choice, float, space } from 'crosstune';
 *
 * const searchSpace = space({
 *   batch_size: choice([16, 32, 64]),
 *   optimizer: choice({ sgd: space({ momentum: float(0, 0.9) }), adam: space({}) }),
 * });
 * ```
 */
export function choice(values: readonly Scalar[]): ChoiceParam;
export function choice(branches: Readonly<Record<string, SearchSpace>>): ConditionalParam;
export function choice(
  arg: readonly Scalar[] | Readonly<Record<string, SearchSpace>>,
): ChoiceParam | ConditionalParam {
  const param = Array.isArray(arg) ? { kind: 'choice', values: arg } : { kind: 'conditional', branches: arg };
  return validateParam(param) as ChoiceParam | ConditionalParam;
}

/**
 * Integers from `low` to `high`, both included, every `step` (default 1); `log: true` samples
 * evenly on a log scale (needs `low >= 1`). Throws SearchSpaceError when `high - low` is not a
 * multiple of `step`.
 *
 * @example
 * ```ts
 * import { int, space } from 'crosstune';
 *
 * const searchSpace = space({ max_depth: int(3, 10), trees: int(100, 1000, { step: 100 }) });
 * ```
 */
export function int(low: number, high: number, options: { step?: number; log?: boolean } = {}): IntParam {
  return validateParam({
    kind: 'int',
    low,
    high,
    step: options.step,
    scale: options.log ? 'log' : 'linear',
  }) as IntParam;
}

/**
 * Reals from `low` to `high`, both included; `log` samples evenly on a log scale (`low > 0`),
 * `reverseLog` densely near 1 (`0 <= low < high < 1`, e.g. a momentum); `step` keeps to
 * `low + k·step`. Throws SearchSpaceError for bounds or options that do not fit.
 *
 * @example
 * ```ts
 * import { float, space } from 'crosstune';
 *
 * const searchSpace = space({
 *   learning_rate: float(1e-5, 1e-1, { log: true }),
 *   beta2: float(0.9, 0.999, { reverseLog: true }),
 *   dropout: float(0, 0.5, { step: 0.05 }),
 * });
 * ```
 */
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

/**
 * Normally distributed reals, `N(mu, sigma)` (unbounded); with `step`, rounded to a multiple of it.
 * Clouds without a normal distribution get an approximation, reported as a loss by `compile`.
 *
 * @example
 * ```ts
 * import { normal, space } from 'crosstune';
 *
 * const searchSpace = space({ weight_init: normal(0, 0.02) });
 * ```
 */
export function normal(mu: number, sigma: number, options: { step?: number } = {}): NormalParam {
  return validateParam({ kind: 'normal', mu, sigma, step: options.step }) as NormalParam;
}

/**
 * `exp(N(mu, sigma))`: `mu` and `sigma` are those of the logarithm, as in NNI's `lognormal`.
 *
 * @example
 * ```ts
 * import { lognormal, space } from 'crosstune';
 *
 * const searchSpace = space({ learning_rate: lognormal(-7, 1) }); // median e^-7 ≈ 0.0009
 * ```
 */
export function lognormal(mu: number, sigma: number, options: { step?: number } = {}): LogNormalParam {
  return validateParam({ kind: 'lognormal', mu, sigma, step: options.step }) as LogNormalParam;
}
