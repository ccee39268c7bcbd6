/** SageMaker's limits on `ParameterRanges`, each with where it is stated. */
export const SAGEMAKER_LIMITS = {
  /** All Integer, Continuous and Categorical ranges together. */
  ranges: 30,
  categoricalValues: 30,
  /** Characters in a `ParameterValue` (a bound or a categorical value). */
  valueLength: 256,
  /** Characters in a `ParameterKey` (a name). */
  nameLength: 256,
  /** A categorical range with one value is rejected, as is any singleton range. */
  minCategoricalValues: 2,
} as const;

export const SAGEMAKER_LIMIT_SOURCES: Readonly<Record<keyof typeof SAGEMAKER_LIMITS, string>> = {
  ranges:
    'API ParameterRanges: "the sum of the number of hyperparameters for all the ranges can\'t exceed" 30 (reference: sagemaker.md §4.2)',
  categoricalValues: 'API ParameterValues: 1..30 items (reference: sagemaker.md §5.2)',
  valueLength: 'API ParameterValue: length 0..256 (reference: sagemaker.md §5.2)',
  nameLength: 'API ParameterKey: length 0..256 (reference: sagemaker.md §5.2)',
  minCategoricalValues:
    'singleton ranges are rejected: aws/amazon-sagemaker-feedback#195 (reference: peers.md §2.1)',
};
