/** The neutral search space: build it once, compile it to any cloud, parse it back, sample it. */
export { choice, float, int, lognormal, normal, space } from './builders.js';
export { type CompileOptions, type CompileResult, compile, type DialectValue } from './compile.js';
export { contains } from './contains.js';
export type { ModelArtsSearchParam, ModelArtsSearchParamInput } from './dialects/modelarts/types.js';
export { paiPlaceholders } from './dialects/pai/placeholders.js';
export type { NniBranch, NniParam, NniSearchSpace, NniType } from './dialects/pai/types.js';
export { SAGEMAKER_LIMITS } from './dialects/sagemaker/limits.js';
export type {
  SageMakerAutoParameter,
  SageMakerCategoricalRange,
  SageMakerNumericRange,
  SageMakerParameterRanges,
  SageMakerParameterRangesInput,
  SageMakerScalingType,
} from './dialects/sagemaker/types.js';
export { SearchSpaceError } from './errors.js';
export { LOSS_KINDS, type Loss, type LossKind } from './loss.js';
export { type DialectInput, type ParseOptions, type ParseResult, parse } from './parse.js';
export { sample } from './sample.js';
export {
  describeSupport,
  type SupportCell,
  type SupportLimit,
  type SupportRow,
  type SupportTable,
} from './support.js';
export type {
  BranchValue,
  ChoiceParam,
  ConditionalParam,
  FloatParam,
  FloatScale,
  IntParam,
  LogNormalParam,
  NormalParam,
  Param,
  ParamKind,
  Point,
  PointValue,
  Rng,
  Scalar,
  SearchSpace,
  Target,
} from './types.js';
