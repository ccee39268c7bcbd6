/** `compile(spec, target)`: the dialect value and every loss, or an error when `strict`. */
import { compileModelArts } from './dialects/modelarts/compile.js';
import type { ModelArtsSearchParam } from './dialects/modelarts/types.js';
import { compilePai } from './dialects/pai/compile.js';
import type { NniSearchSpace } from './dialects/pai/types.js';
import { compileSageMaker } from './dialects/sagemaker/compile.js';
import type { SageMakerParameterRanges } from './dialects/sagemaker/types.js';
import { refuseLosses, SearchSpaceError } from './errors.js';
import { type Loss, LossLog } from './loss.js';
import { validateSpace } from './schema.js';
import type { SearchSpace, Target } from './types.js';

/** What each target's dialect value is. */
export interface DialectValue {
  pai: NniSearchSpace;
  sagemaker: SageMakerParameterRanges;
  modelarts: ModelArtsSearchParam[];
}

/** Options of `compile`. */
export interface CompileOptions {
  /** Throw a `SearchSpaceError` listing every loss instead of returning a lossy value. */
  strict?: boolean | undefined;
}

/** A compiled space: the cloud's value and what translating lost (empty when exact). */
export interface CompileResult<V> {
  value: V;
  losses: Loss[];
}

const COMPILERS: { readonly [T in Target]: (spec: SearchSpace, log: LossLog) => DialectValue[T] } = {
  pai: compilePai,
  sagemaker: compileSageMaker,
  modelarts: compileModelArts,
};

/**
 * A neutral space in one cloud's dialect (SageMaker ranges, PAI's NNI JSON, ModelArts'
 * `search_params`), with every loss the translation made. `strict: true` throws SearchSpaceError
 * instead of returning a lossy value.
 *
 * @example
 * ```ts
 * import { compile, float, int, space } from 'crosstune';
 *
 * const searchSpace = space({ eta: float(0.01, 0.5, { log: true }), max_depth: int(3, 10) });
 * const { value, losses } = compile(searchSpace, 'sagemaker');
 * console.log(value.ContinuousParameterRanges, losses); // losses: [] when exact
 * ```
 */
export function compile<T extends Target>(
  spec: SearchSpace,
  target: T,
  options: CompileOptions = {},
): CompileResult<DialectValue[T]> {
  const compiler = Object.hasOwn(COMPILERS, target) ? COMPILERS[target] : undefined;
  if (compiler === undefined) {
    throw new SearchSpaceError('Unknown target', { issues: [`no dialect "${target}"`] });
  }
  const log = new LossLog();
  const value = compiler(validateSpace(spec), log);
  refuseLosses(
    log.losses,
    options.strict,
    `The search space cannot be expressed exactly for ${target}`,
    target,
  );
  return { value, losses: log.losses };
}
