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

export interface CompileOptions {
  /** Throw a `SearchSpaceError` listing every loss instead of returning a lossy value. */
  strict?: boolean | undefined;
}

export interface CompileResult<V> {
  value: V;
  losses: Loss[];
}

const COMPILERS: { readonly [T in Target]: (spec: SearchSpace, log: LossLog) => DialectValue[T] } = {
  pai: compilePai,
  sagemaker: compileSageMaker,
  modelarts: compileModelArts,
};

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
