/** SageMaker's `ParameterRanges` (HyperParameterTuningJobConfig), numbers as strings as on the wire. */

export type SageMakerScalingType = 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic';

/** An `IntegerParameterRange` or `ContinuousParameterRange`. */
export interface SageMakerNumericRange {
  Name: string;
  MinValue: string;
  MaxValue: string;
  ScalingType?: SageMakerScalingType;
}

/** A `CategoricalParameterRange`: the values, as strings. */
export interface SageMakerCategoricalRange {
  Name: string;
  Values: string[];
}

/** An `AutoParameter` of Autotune: a name and an example value. */
export interface SageMakerAutoParameter {
  Name: string;
  ValueHint: string;
}

/** SageMaker's `ParameterRanges`, as `compile(space, 'sagemaker')` writes them. */
export interface SageMakerParameterRanges {
  IntegerParameterRanges?: SageMakerNumericRange[];
  ContinuousParameterRanges?: SageMakerNumericRange[];
  CategoricalParameterRanges?: SageMakerCategoricalRange[];
  AutoParameters?: SageMakerAutoParameter[];
}

/** What `parse` accepts: the wire shape, or numbers where the wire has numeric strings. */
export interface SageMakerParameterRangesInput {
  readonly IntegerParameterRanges?: readonly SageMakerNumericRangeInput[] | undefined;
  readonly ContinuousParameterRanges?: readonly SageMakerNumericRangeInput[] | undefined;
  readonly CategoricalParameterRanges?:
    | readonly { readonly Name: string; readonly Values: readonly string[] }[]
    | undefined;
  readonly AutoParameters?: readonly { readonly Name: string; readonly ValueHint: string }[] | undefined;
}

/** A numeric range as `parse` accepts it: bounds as strings (the wire) or numbers. */
export interface SageMakerNumericRangeInput {
  readonly Name: string;
  readonly MinValue: string | number;
  readonly MaxValue: string | number;
  readonly ScalingType?: string | undefined;
}
