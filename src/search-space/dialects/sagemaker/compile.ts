/** Neutral space → SageMaker `ParameterRanges`: strings for numbers, no step, no normal, no conditional. */
import { asRange } from '../../approximate.js';
import { encodeChoice, encodeScalar } from '../../categorical.js';
import type { FlatParam } from '../../flatten.js';
import { flatten } from '../../flatten.js';
import { type LossLog, show } from '../../loss.js';
import type { FloatParam, Scalar, SearchSpace } from '../../types.js';
import { SAGEMAKER_LIMITS as LIMITS } from './limits.js';
import type {
  SageMakerCategoricalRange,
  SageMakerNumericRange,
  SageMakerParameterRanges,
  SageMakerScalingType,
} from './types.js';

type Emitted =
  | { list: 'IntegerParameterRanges' | 'ContinuousParameterRanges'; range: SageMakerNumericRange }
  | { list: 'CategoricalParameterRanges'; range: SageMakerCategoricalRange };

const SCALING: Readonly<Record<FloatParam['scale'], SageMakerScalingType>> = {
  linear: 'Linear',
  log: 'Logarithmic',
  'reverse-log': 'ReverseLogarithmic',
};

export function compileSageMaker(spec: SearchSpace, log: LossLog): SageMakerParameterRanges {
  const out: Required<Omit<SageMakerParameterRanges, 'AutoParameters'>> = {
    IntegerParameterRanges: [],
    ContinuousParameterRanges: [],
    CategoricalParameterRanges: [],
  };
  let count = 0;
  for (const { name, path, param } of flatten(spec, log)) {
    if (name.length > LIMITS.nameLength) {
      log.add(
        path,
        'dropped-parameter',
        `the parameter`,
        `nothing: names are at most ${LIMITS.nameLength} characters`,
      );
      continue;
    }
    const emitted = toRange(name, path, param, log);
    if (emitted === undefined) continue;
    if (count === LIMITS.ranges) {
      log.add(
        path,
        'dropped-parameter',
        'the parameter',
        `nothing: SageMaker takes at most ${LIMITS.ranges} ranges`,
      );
      continue;
    }
    count++;
    (out[emitted.list] as Emitted['range'][]).push(emitted.range);
  }
  return Object.fromEntries(Object.entries(out).filter(([, ranges]) => ranges.length > 0));
}

function toRange(name: string, path: string, p: FlatParam['param'], log: LossLog): Emitted | undefined {
  switch (p.kind) {
    case 'choice':
      return categorical(name, path, p.values, log);
    case 'int':
      if (p.step !== 1) {
        log.add(path, 'dropped-step', `step ${p.step}`, `every integer in ${show([p.low, p.high])}`);
      }
      return { list: 'IntegerParameterRanges', range: numeric(name, p.low, p.high, SCALING[p.scale]) };
    case 'float':
    case 'normal':
    case 'lognormal': {
      const range = asRange(p, path, log);
      return range && continuous(name, path, range, log);
    }
  }
}

function continuous(name: string, path: string, p: FloatParam, log: LossLog): Emitted {
  if (p.step !== undefined) {
    log.add(path, 'dropped-step', `step ${p.step}`, `every real in ${show([p.low, p.high])}`);
  }
  return { list: 'ContinuousParameterRanges', range: numeric(name, p.low, p.high, SCALING[p.scale]) };
}

function numeric(
  name: string,
  low: number,
  high: number,
  scaling: SageMakerScalingType,
): SageMakerNumericRange {
  return { Name: name, MinValue: String(low), MaxValue: String(high), ScalingType: scaling };
}

function categorical(
  name: string,
  path: string,
  values: readonly Scalar[],
  log: LossLog,
): Emitted | undefined {
  let kept = values.filter((v) => encodeScalar(v).length <= LIMITS.valueLength);
  if (kept.length < values.length) {
    log.add(
      path,
      'dropped-value',
      `${values.length - kept.length} value(s) longer than ${LIMITS.valueLength} characters`,
      `the other ${kept.length} values`,
    );
  }
  if (kept.length > LIMITS.categoricalValues) {
    log.add(
      path,
      'truncated-values',
      `${kept.length - LIMITS.categoricalValues} values after the first ${LIMITS.categoricalValues}, from ${show(kept[LIMITS.categoricalValues])}`,
      `the first ${LIMITS.categoricalValues} values`,
    );
    kept = kept.slice(0, LIMITS.categoricalValues);
  }
  const texts = encodeChoice(path, kept, log);
  if (texts.length < LIMITS.minCategoricalValues) {
    log.add(
      path,
      'dropped-parameter',
      `the single-valued choice ${show(values)}`,
      'nothing: SageMaker rejects a categorical range with one value (send it as a static hyperparameter)',
    );
    return undefined;
  }
  return { list: 'CategoricalParameterRanges', range: { Name: name, Values: texts } };
}
