/**
 * SageMaker's `ParameterRanges` on the neutral side: compiled from a neutral space for create,
 * parsed back for `get`, and used to give tuned hyperparameters (strings on the wire) their type.
 */
import { InvalidArgumentError, ResponseFormatError } from '../../core/errors.js';
import { decodeInteger, decodeNumber } from '../../core/fields.js';
import type { ExperimentSearchSpace, HyperParameterValue } from '../../core/types.js';
import { decodeCategorical } from '../../search-space/categorical.js';
import {
  compile,
  type Loss,
  parse,
  type SageMakerParameterRanges,
  type SageMakerParameterRangesInput,
  type SearchSpace,
  SearchSpaceError,
} from '../../search-space/index.js';

type Decode = (text: string, path: string, name: string) => HyperParameterValue;

function number(text: string, path: string, name: string): number {
  const n = Number(text);
  return text.trim() !== '' && !Number.isNaN(n) ? n : decodeNumber(text, `${path}.${name}`);
}

function integer(text: string, path: string, name: string): number {
  const n = Number(text);
  return Number.isInteger(n) && text.trim() !== '' ? n : decodeInteger(text, `${path}.${name}`);
}

function categoricalDecoder(values: readonly string[]): Decode {
  const typed = decodeCategorical(values);
  const byText = new Map(values.map((text, i) => [text, typed[i] as HyperParameterValue]));
  return (text) => byText.get(text) ?? text;
}

/**
 * Typed readers for tuned hyperparameters, by range kind. Categorical values are read as the
 * neutral parser reads them: a list of only numbers (or only true/false) as numbers (booleans).
 */
export function hyperParameterDecoders(ranges: SageMakerParameterRangesInput | undefined) {
  const byName = new Map<string, Decode>();
  for (const r of ranges?.IntegerParameterRanges ?? []) byName.set(r.Name, (t, p, n) => integer(t, p, n));
  for (const r of ranges?.ContinuousParameterRanges ?? []) byName.set(r.Name, (t, p, n) => number(t, p, n));
  for (const r of ranges?.CategoricalParameterRanges ?? []) byName.set(r.Name, categoricalDecoder(r.Values));
  return {
    /** Hyperparameters outside the tuned ranges (static ones, SageMaker's own) stay text. */
    decode(name: string, text: string, path: string): HyperParameterValue {
      const decode = byName.get(name);
      // The field path is only built when a value is bad: listings decode thousands of values.
      return decode ? decode(text, path, name) : text;
    },
  };
}

const RANGES_PATH = 'HyperParameterTuningJobConfig.ParameterRanges';

/** The tuning job's ranges as a neutral space, with what the neutral form cannot hold. */
export function readSearchSpace(
  ranges: SageMakerParameterRangesInput | undefined,
): ExperimentSearchSpace | undefined {
  if (!ranges) return undefined;
  try {
    const { space, losses } = parse(ranges, 'sagemaker');
    return { spec: space, losses };
  } catch (error) {
    if (!SearchSpaceError.is(error)) throw error;
    throw new ResponseFormatError(`${RANGES_PATH} cannot be read: ${error.message}`, {
      provider: 'sagemaker',
      path: RANGES_PATH,
      cause: error,
    });
  }
}

/** A neutral space compiled to `ParameterRanges`; `strict` refuses any loss with a SearchSpaceError. */
export function compileRanges(
  searchSpace: SearchSpace | undefined,
  strict: boolean,
): { ranges: SageMakerParameterRanges; losses: Loss[] } {
  if (searchSpace === undefined) {
    throw new InvalidArgumentError('The experiment needs a searchSpace (or providerOptions.parameterRanges)');
  }
  const { value, losses } = compile(searchSpace, 'sagemaker', { strict });
  return { ranges: value, losses };
}
