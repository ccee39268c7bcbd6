/** SageMaker's `ParameterRanges` (HyperParameterTuningJobConfig), numbers as strings as on the wire. */

export type SageMakerScalingType = 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic';

export interface SageMakerNumericRange {
  Name: string;
  MinValue: string;
  MaxValue: string;
  ScalingType?: SageMakerScalingType;
}

export interface SageMakerCategoricalRange {
  Name: string;
  Values: string[];
}

export interface SageMakerAutoParameter {
  Name: string;
  ValueHint: string;
}

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

export interface SageMakerNumericRangeInput {
  readonly Name: string;
  readonly MinValue: string | number;
  readonly MaxValue: string | number;
  readonly ScalingType?: string | undefined;
}
