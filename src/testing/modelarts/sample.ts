/**
 * Trial configs: `search_params` are read into the neutral search space (its ModelArts dialect)
 * and sampled there. Each trial is scored against a hidden optimum fixed by the seed, so that
 * trials have better and worse hyperparameters and the model-based algorithms drift towards the
 * good ones over a search, as real ones do.
 */
import { type Point, parse, type SearchSpace, SearchSpaceError, sample } from '../../search-space/index.js';
import { bestOfCandidates, scorePoint } from '../engine/quality.js';
import type { Rng } from '../engine/rng.js';
import { wireErrors } from './errors.js';

/** The neutral space of `search_params`; refuses what ModelArts refuses with ModelArts.2826. */
export function readSearchParams(raw: unknown): SearchSpace {
  if (!Array.isArray(raw) || raw.length === 0) throw wireErrors.searchParamsError();
  try {
    return parse(raw, 'modelarts').space;
  } catch (error) {
    if (error instanceof SearchSpaceError) throw wireErrors.searchParamsError();
    throw error;
  }
}

/**
 * Bayesian optimisation and TPE keep the best of a growing number of candidates, annealing of
 * fewer: later trials are better on average, the way a model-based search's are.
 */
export function chooseConfig(
  seed: number,
  space: SearchSpace,
  algorithm: string,
  position: { index: number; of: number },
  rng: Rng,
): Point {
  const growth = algorithm === 'anneal_search' ? 2 : 4;
  return bestOfCandidates(
    position,
    growth,
    () => sample(space, rng),
    (config) => scoreConfig(seed, space, config),
  );
}

/** How close a config is to the seed's hidden optimum, in [0, 1]. */
export function scoreConfig(seed: number, space: SearchSpace, config: Point): number {
  return scorePoint(seed, 'modelarts', space, (name) => config[name]);
}
