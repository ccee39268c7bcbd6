/**
 * Trial hyperparameters: the experiment's NNI search space is read into the neutral space and
 * sampled there (as the SageMaker fake does with its ranges), then written back under the keys
 * the experiment used — `${name}` placeholders stay placeholders.
 */
import {
  type Param,
  type Point,
  type PointValue,
  parse,
  type SearchSpace,
  SearchSpaceError,
  sample,
} from '../../search-space/index.js';
import { scorePoint } from '../engine/quality.js';
import type { Rng } from '../engine/rng.js';
import { wireErrors } from './errors.js';

export interface SearchSpaceModel {
  readonly space: SearchSpace;
  /** Neutral parameter name → the key the experiment wrote (`${lr}` or `lr`). */
  readonly keys: Readonly<Record<string, string>>;
}

/** Reads `search_space`; refuses what NNI would refuse with INVALID_INPUT_PARAMS. */
export function readSearchSpace(raw: unknown, path: string): SearchSpaceModel {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.keys(raw).length === 0) {
    throw wireErrors.invalidInput(`Invalid '${path}': must be a non-empty NNI search space object.`);
  }
  let space: SearchSpace;
  try {
    space = parse(raw as Record<string, unknown>, 'pai').space;
  } catch (error) {
    if (!(error instanceof SearchSpaceError)) throw error;
    throw wireErrors.invalidInput(`Invalid '${path}': ${error.message.replace(/\n\s*-\s*/g, ' ')}`);
  }
  const keys: Record<string, string> = {};
  for (const key of Object.keys(raw)) keys[/^\$\{(.+)\}$/.exec(key)?.[1] ?? key] = key;
  return { space, keys };
}

/** One draw, keyed as the experiment keys its search space. */
export function sampleHyperparams(model: SearchSpaceModel, rng: Rng): Point {
  return toWireKeys(model, sample(model.space, rng));
}

/** The values each parameter takes on a grid; `undefined` when some parameter is continuous. */
export function gridAxes(model: SearchSpaceModel): Array<[string, PointValue[]]> | undefined {
  const axes: Array<[string, PointValue[]]> = [];
  for (const [name, param] of Object.entries(model.space)) {
    const values = axisValues(param);
    if (values === undefined) return undefined;
    axes.push([name, values]);
  }
  return axes;
}

export function gridSize(axes: ReadonlyArray<[string, PointValue[]]>): number {
  return axes.reduce((n, [, values]) => n * values.length, 1);
}

/** The `index`-th grid point (0-based), first parameter varying slowest, as NNI's GridSearch walks. */
export function gridPoint(
  model: SearchSpaceModel,
  axes: ReadonlyArray<[string, PointValue[]]>,
  index: number,
) {
  const point: Record<string, PointValue> = {};
  let rest = index;
  for (let i = axes.length - 1; i >= 0; i--) {
    const [name, values] = axes[i] as [string, PointValue[]];
    point[name] = values[rest % values.length] as PointValue;
    rest = Math.floor(rest / values.length);
  }
  return toWireKeys(model, point);
}

/** Grids beyond this many values per parameter are refused, as NNI would take forever on them. */
const MAX_AXIS = 10_000;

function axisValues(param: Param): PointValue[] | undefined {
  if (param.kind === 'choice') return [...param.values];
  const step = param.kind === 'int' ? param.step : param.kind === 'float' ? param.step : undefined;
  if (step === undefined || (param.kind !== 'int' && param.kind !== 'float')) return undefined;
  const count = Math.floor((param.high - param.low) / step + 1e-9) + 1;
  if (count > MAX_AXIS) return undefined;
  return Array.from({ length: count }, (_, k) => Number((param.low + k * step).toPrecision(12)));
}

/**
 * How close a point is to a hidden optimum, in [0, 1]: a smooth bowl per numeric parameter (its
 * centre fixed by the seed and the parameter's name alone) and a preferred value per categorical.
 * Values that do not fit the space (e.g. from RestartHpoTrials) score as mediocre.
 */
export function scoreHyperparams(seed: number, model: SearchSpaceModel, values: Point): number {
  return scorePoint(seed, 'pai', model.space, (name) => values[model.keys[name] ?? name]);
}

function toWireKeys(model: SearchSpaceModel, point: Point): Point {
  const out: Record<string, PointValue> = {};
  for (const [name, value] of Object.entries(point)) out[model.keys[name] ?? name] = value;
  return out;
}
