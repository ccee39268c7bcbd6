/**
 * PAI's NNI search space on the neutral side: compiled from a neutral space for create, parsed
 * back for `get`, and the `${name}` keys of trial hyperparameters mapped to plain names (and
 * back, for RestartHpoTrials). The placeholder spelling itself belongs to the search-space
 * module; this file only applies it.
 */
import { InvalidArgumentError } from '../../core/errors.js';
import { FieldFormatError } from '../../core/fields.js';
import type { ExperimentSearchSpace, HyperParameterValue } from '../../core/types.js';
import { fromPlaceholder, toPlaceholder } from '../../search-space/dialects/pai/placeholders.js';
import {
  compile,
  type Loss,
  type NniSearchSpace,
  paiPlaceholders,
  parse,
  type SearchSpace,
  SearchSpaceError,
} from '../../search-space/index.js';
import { isObject, type JsonObject } from './decode.js';

/** A neutral space as PAI's `search_space`; `strict` refuses any loss with a SearchSpaceError. */
export function compileSearchSpace(
  searchSpace: SearchSpace | undefined,
  strict: boolean,
): { value: NniSearchSpace; losses: Loss[] } {
  if (searchSpace === undefined) {
    throw new InvalidArgumentError('The experiment needs a searchSpace (or providerOptions.searchSpace)');
  }
  return compile(searchSpace, 'pai', { strict });
}

/** PAI's search space (already parsed from its text) as a neutral space, with what that loses. */
export function readSearchSpace(
  nni: JsonObject | undefined,
  path: string,
): ExperimentSearchSpace | undefined {
  if (nni === undefined) return undefined;
  try {
    const { space, losses } = parse(nni, 'pai');
    return { spec: space, losses };
  } catch (error) {
    if (!SearchSpaceError.is(error)) throw error;
    const why = error.issues.length > 0 ? error.issues.join('; ') : error.message;
    throw new FieldFormatError(path, `an NNI search space (${why})`, nni);
  }
}

/**
 * A trial's `Hyperparam` with plain names: `{"${lr}": 0.1}` → `{ lr: 0.1 }`. A nested choice
 * (`{"${opt}": {"_name": "sgd", "${momentum}": 0.9}}`) gives its branch name and its own values
 * (`opt: 'sgd', momentum: 0.9`); a branch value whose name is already taken is named by its path
 * (`opt.sgd.momentum`). Other structured values are kept as their JSON text.
 */
export function hyperParametersFromPai(values: JsonObject | undefined): Record<string, HyperParameterValue> {
  const out: Record<string, HyperParameterValue> = {};
  if (values) readBranch(values, undefined, out, values);
  return out;
}

/**
 * Reads one level of `Hyperparam` into `out`; `top` is the whole object, whose own names a branch
 * value must not take. Plain functions, not closures: a listing reads thousands of trials.
 */
function readBranch(
  entries: JsonObject,
  prefix: string | undefined,
  out: Record<string, HyperParameterValue>,
  top: JsonObject,
): void {
  for (const key in entries) {
    if (key === '_name') continue;
    const value = entries[key];
    const own = fromPlaceholder(key);
    const name = prefix === undefined || !isTaken(own, out, top) ? own : `${prefix}.${own}`;
    if (isObject(value) && typeof value._name === 'string') {
      out[name] = value._name;
      readBranch(value, `${name}.${value._name}`, out, top);
    } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      out[name] = value;
    } else if (value !== undefined && value !== null) {
      out[name] = JSON.stringify(value);
    }
  }
}

/** A branch value's name is taken when a value has it already, or a top-level parameter will. */
function isTaken(own: string, out: Record<string, HyperParameterValue>, top: JsonObject): boolean {
  if (Object.hasOwn(out, own)) return true;
  for (const key in top) if (fromPlaceholder(key) === own) return true;
  return false;
}

/** Plain names → PAI's `${name}` keys, for `TrialHyperParameters`; keys already written `${…}` stay. */
export function hyperParametersToPai(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    out[fromPlaceholder(name) === name ? toPlaceholder(name) : name] = value;
  }
  return out;
}

/**
 * Hyperparameters reach a PAI trial only by substitution of their `${name}` into the commands
 * (or into files listed in `params_config`). A parameter referenced nowhere would be tuned
 * without effect; these are the placeholders no text of the configuration mentions.
 */
export function unreferencedPlaceholders(searchSpace: SearchSpace, elsewhere: unknown): string[] {
  const text = JSON.stringify(elsewhere);
  return paiPlaceholders(searchSpace).filter((placeholder) => !text.includes(placeholder));
}
