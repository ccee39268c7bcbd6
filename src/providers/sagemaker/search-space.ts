/**
 * SageMaker's `ParameterRanges` on the neutral side: compiled from a neutral space for create,
 * parsed back for `get`, and used to give tuned hyperparameters (strings on the wire) their type.
 */
import { InvalidArgumentError } from '../../core/errors.js';
import { decodeInteger, decodeNumber } from '../../core/fields.js';
import type { ExperimentSearchSpace, HyperParameterValue } from '../../core/types.js';
import type { ParameterRanges } from './shapes.js';

interface RangesWire {
  IntegerParameterRanges?: ReadonlyArray<{ Name: string }> | undefined;
  ContinuousParameterRanges?: ReadonlyArray<{ Name: string }> | undefined;
  CategoricalParameterRanges?: ReadonlyArray<{ Name: string; Values: readonly string[] }> | undefined;
}

type Decode = (text: string, path: string) => HyperParameterValue;

const asText: Decode = (text) => text;
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, false: false };

/**
 * Categorical values are strings on SageMaker; a list made only of numbers (or only of
 * true/false) was written as numbers (booleans) and is read back as such.
 */
function categoricalDecoder(values: readonly string[]): Decode {
  if (values.length > 0 && values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)))) {
    return (text, path) => decodeNumber(text, path);
  }
  if (values.length > 0 && values.every((v) => v in BOOLEAN_WORDS)) {
    return (text) => BOOLEAN_WORDS[text] ?? text;
  }
  return asText;
}

export function hyperParameterDecoders(ranges: RangesWire | undefined) {
  const byName = new Map<string, Decode>();
  for (const r of ranges?.IntegerParameterRanges ?? []) byName.set(r.Name, (t, p) => decodeInteger(t, p));
  for (const r of ranges?.ContinuousParameterRanges ?? []) byName.set(r.Name, (t, p) => decodeNumber(t, p));
  for (const r of ranges?.CategoricalParameterRanges ?? []) byName.set(r.Name, categoricalDecoder(r.Values));
  return {
    /** Hyperparameters outside the tuned ranges (static ones, SageMaker's own) stay text. */
    decode(name: string, text: string, path: string): HyperParameterValue {
      return (byName.get(name) ?? asText)(text, path);
    },
  };
}

export function readSearchSpace(ranges: RangesWire | undefined): ExperimentSearchSpace | undefined {
  if (!ranges) return undefined;
  return { spec: ranges, losses: [] };
}

/** Placeholder until the neutral compiler lands: only SageMaker's own ranges are accepted. */
export function compileRanges(searchSpace: unknown, _strict: boolean): ParameterRanges {
  if (searchSpace === undefined) {
    throw new InvalidArgumentError('The experiment needs a searchSpace (or providerOptions.parameterRanges)');
  }
  return searchSpace as ParameterRanges;
}
