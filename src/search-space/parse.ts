/** `parse(value, source)`: a dialect value read back into the neutral space, with what that loses. */
import { parseModelArts } from './dialects/modelarts/parse.js';
import type { ModelArtsSearchParamInput } from './dialects/modelarts/types.js';
import { parsePai } from './dialects/pai/parse.js';
import type { NniSearchSpace } from './dialects/pai/types.js';
import { parseSageMaker } from './dialects/sagemaker/parse.js';
import type { SageMakerParameterRangesInput } from './dialects/sagemaker/types.js';
import { refuseLosses, SearchSpaceError } from './errors.js';
import { type Loss, LossLog } from './loss.js';
import { validateSpace } from './schema.js';
import type { Param, SearchSpace, Target } from './types.js';

/** What `parse` accepts per source: the dialect as the cloud returns it. */
export interface DialectInput {
  /** NNI JSON as an object, or as the text `GetHpoExperiment` returns in `SearchSpace`; checked at run time. */
  pai: NniSearchSpace | string | Readonly<Record<string, unknown>>;
  sagemaker: SageMakerParameterRangesInput;
  modelarts: readonly ModelArtsSearchParamInput[];
}

/** Options of `parse`. */
export interface ParseOptions {
  /** Throw a `SearchSpaceError` listing every loss instead of returning an approximate space. */
  strict?: boolean | undefined;
}

/** A space read back from a dialect, with what the neutral form could not hold. */
export interface ParseResult {
  space: SearchSpace;
  losses: Loss[];
}

const PARSERS: { readonly [T in Target]: (input: unknown, log: LossLog) => Record<string, Param> } = {
  pai: parsePai,
  sagemaker: parseSageMaker,
  modelarts: parseModelArts,
};

/**
 * A cloud's search space (as its API returns it) read into the neutral form, with every loss.
 * `strict: true` throws SearchSpaceError instead of returning an approximate space; a malformed
 * value always throws it.
 *
 * @example
 * ```ts
 * import { parse } from 'crosstune';
 *
 * const { space, losses } = parse(
 *   { batch_size: { _type: 'choice', _value: [16, 32, 64] }, lr: { _type: 'loguniform', _value: [1e-5, 0.1] } },
 *   'pai',
 * );
 * console.log(space.lr, losses);
 * ```
 */
export function parse<T extends Target>(
  value: DialectInput[T],
  source: T,
  options: ParseOptions = {},
): ParseResult {
  const parser = Object.hasOwn(PARSERS, source) ? PARSERS[source] : undefined;
  if (parser === undefined) {
    throw new SearchSpaceError('Unknown source', { issues: [`no dialect "${source}"`] });
  }
  const log = new LossLog();
  const space = validateSpace(parser(value, log));
  refuseLosses(log.losses, options.strict, `The ${source} search space has no exact neutral form`, source);
  return { space, losses: log.losses };
}
