/** The NNI search-space JSON that PAI AutoML takes as `search_space` and returns as `SearchSpace`. */
import type { Scalar } from '../../types.js';

export const NNI_TYPES = [
  'choice',
  'randint',
  'uniform',
  'quniform',
  'loguniform',
  'qloguniform',
  'normal',
  'qnormal',
  'lognormal',
  'qlognormal',
] as const;

/**
 * NNI's parameter types (`_type`), as PAI AutoML accepts them.
 *
 * @useDeclaredType
 */
export type NniType = (typeof NNI_TYPES)[number];

/** One option of a nested choice: its name under `_name`, its own parameters beside it. */
export interface NniBranch {
  readonly _name: string;
  readonly [key: string]: NniParam | string;
}

/** One parameter of NNI's search-space JSON: its `_type` and `_value`. */
export type NniParam =
  | { readonly _type: 'choice'; readonly _value: readonly Scalar[] | readonly NniBranch[] }
  | { readonly _type: Exclude<NniType, 'choice'>; readonly _value: readonly number[] };

/** NNI's search-space JSON: parameter name (PAI: `${name}`) → parameter. */
export type NniSearchSpace = Readonly<Record<string, NniParam>>;
