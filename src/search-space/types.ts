/**
 * The neutral search space. Bounds are inclusive everywhere and never depend on the target
 * cloud; docs/search-space.md states the exact value set and distribution of each kind.
 */
import type { ProviderId } from '../core/errors.js';
import type { HyperParameterValue } from '../core/values.js';

/** A cloud dialect a space compiles to or parses from. */
export type Target = ProviderId;

/** One categorical value; types are kept (a number stays a number) in the neutral form. */
export type Scalar = HyperParameterValue;

/** One of `values`, each equally likely. */
export interface ChoiceParam {
  readonly kind: 'choice';
  readonly values: readonly Scalar[];
}

/** One branch name, each equally likely; the chosen branch's own sub-space is then sampled. */
export interface ConditionalParam {
  readonly kind: 'conditional';
  readonly branches: Readonly<Record<string, SearchSpace>>;
}

/** Integers `low, low + step, …, high`. */
export interface IntParam {
  readonly kind: 'int';
  readonly low: number;
  readonly high: number;
  readonly step: number;
  readonly scale: 'linear' | 'log';
}

/** How a float is sampled: evenly, evenly on a log scale, or densely near 1 (`reverse-log`). */
export type FloatScale = 'linear' | 'log' | 'reverse-log';

/** Reals in `[low, high]`; with `step`, only `low + k·step` up to `high`. */
export interface FloatParam {
  readonly kind: 'float';
  readonly low: number;
  readonly high: number;
  readonly step?: number;
  readonly scale: FloatScale;
}

/** `N(mu, sigma)`; with `step`, rounded to a multiple of `step`. */
export interface NormalParam {
  readonly kind: 'normal';
  readonly mu: number;
  readonly sigma: number;
  readonly step?: number;
}

/** `exp(N(mu, sigma))` (mu and sigma are those of the logarithm); with `step`, rounded to a multiple of it. */
export interface LogNormalParam {
  readonly kind: 'lognormal';
  readonly mu: number;
  readonly sigma: number;
  readonly step?: number;
}

/** One parameter of a neutral space, told apart by `kind`; made by the builders (`int`, `float`, …). */
export type Param = ChoiceParam | ConditionalParam | IntParam | FloatParam | NormalParam | LogNormalParam;
/** The kinds of parameter. */
export type ParamKind = Param['kind'];

/** A neutral search space: parameter name → parameter. Build it with `space()`. */
export type SearchSpace = Readonly<Record<string, Param>>;

/** The value of a conditional parameter: the chosen branch under `_name` (as NNI writes it) and its values. */
export interface BranchValue {
  readonly _name: string;
  readonly [param: string]: PointValue;
}

/** A parameter's value in a point: a scalar, or a conditional parameter's branch and its values. */
export type PointValue = Scalar | BranchValue;

/** One assignment of values to every parameter of a space, e.g. one trial's hyperparameters. */
export type Point = Readonly<Record<string, PointValue>>;

/** A source of uniform numbers in [0, 1), e.g. a seeded PRNG. */
export type Rng = () => number;
