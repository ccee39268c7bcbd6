/**
 * ModelArts `auto_search.search_params` on the neutral side: compiled from a neutral space for
 * create, parsed back for `get`. The dialect itself (continuous ranges cut into points,
 * discrete values as text) belongs to the search-space module; this file only applies it.
 */
import { InvalidArgumentError } from '../../core/errors.js';
import type { ExperimentSearchSpace } from '../../core/types.js';
import {
  compile,
  type Loss,
  type ModelArtsSearchParam,
  type ModelArtsSearchParamInput,
  parse,
  type SearchSpace,
  SearchSpaceError,
} from '../../search-space/index.js';

type Scalar = string | number | boolean | null | undefined;

/** A `search_params` entry as the wire may hold it (wire.ts), or as crosstune writes it (shapes.ts). */
export interface SearchParamLike {
  readonly name?: string | null | undefined;
  readonly param_type?: string | null | undefined;
  readonly lower_bound?: Scalar;
  readonly upper_bound?: Scalar;
  readonly discrete_points_num?: Scalar;
  readonly discrete_values?: readonly Exclude<Scalar, null | undefined>[] | null | undefined;
}

/** A neutral space as `search_params`; `strict` refuses any loss with a SearchSpaceError. */
export function compileSearchParams(
  searchSpace: SearchSpace | undefined,
  strict: boolean,
): { searchParams: ModelArtsSearchParam[]; losses: Loss[] } {
  if (searchSpace === undefined) {
    throw new InvalidArgumentError('The experiment needs a searchSpace (or providerOptions.searchParams)');
  }
  const { value, losses } = compile(searchSpace, 'modelarts', { strict });
  return { searchParams: value, losses };
}

const text = (value: Scalar) =>
  value === null || value === undefined ? undefined : typeof value === 'boolean' ? String(value) : value;

/** The wire entry as the dialect reads it: nulls as absent, every discrete value as text. */
function dialectInput(p: SearchParamLike): ModelArtsSearchParamInput {
  return {
    // A missing name is reported by the dialect, which requires one.
    name: p.name ?? '',
    param_type: p.param_type ?? undefined,
    lower_bound: text(p.lower_bound),
    upper_bound: text(p.upper_bound),
    discrete_points_num: text(p.discrete_points_num),
    discrete_values: p.discrete_values?.map(String),
  };
}

/** A job's `search_params` as a neutral space, with what that loses; absent when the job has none. */
export function readSearchSpace(
  params: readonly SearchParamLike[] | null | undefined,
  path: string,
): ExperimentSearchSpace | undefined {
  if (params === null || params === undefined) return undefined;
  try {
    const { space, losses } = parse(params.map(dialectInput), 'modelarts');
    return { spec: space, losses };
  } catch (error) {
    if (!SearchSpaceError.is(error)) throw error;
    return readEachParam(params, path);
  }
}

/**
 * The space without the entries the dialect cannot read (a console-made job may hold anything),
 * each recorded as a dropped-parameter loss: one odd entry neither hides the rest nor fails a
 * listing. The job's `raw` keeps every entry as sent.
 */
function readEachParam(params: readonly SearchParamLike[], path: string): ExperimentSearchSpace {
  const spec: Record<string, SearchSpace[string]> = {};
  const losses: Loss[] = [];
  params.forEach((param, i) => {
    try {
      const read = parse([dialectInput(param)], 'modelarts');
      Object.assign(spec, read.space);
      losses.push(...read.losses);
    } catch (error) {
      if (!SearchSpaceError.is(error)) throw error;
      const why = error.issues.length > 0 ? error.issues.join('; ') : error.message;
      losses.push({
        param: param.name || `${path}.${i}`,
        kind: 'dropped-parameter',
        lost: `an entry the ModelArts dialect cannot read (${why})`,
        usedInstead: 'left out of the space; the raw answer keeps it',
      });
    }
  });
  return { spec, losses };
}
