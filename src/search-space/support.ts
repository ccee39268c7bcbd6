/**
 * Which kinds and options each cloud expresses exactly. Computed by compiling one example per
 * feature, so the table (and docs/search-space.md, generated from it) cannot drift from the code.
 */
import { choice, float, int, lognormal, normal, space } from './builders.js';
import { compile } from './compile.js';
import { PAI_RESERVED_NAMES } from './dialects/pai/placeholders.js';
import { SAGEMAKER_LIMIT_SOURCES, SAGEMAKER_LIMITS } from './dialects/sagemaker/limits.js';
import type { LossKind } from './loss.js';
import type { Param, Target } from './types.js';

/** How one cloud expresses one feature: exactly or not, the loss kinds, the compiled value. */
export interface SupportCell {
  lossless: boolean;
  /** The kinds of loss compiling the example reports, each once. */
  losses: LossKind[];
  /** The compiled example, as sent to the cloud. */
  value: unknown;
}

/** One feature of the neutral space (`int, log`, …) and how each cloud expresses it. */
export interface SupportRow {
  feature: string;
  /** The example compiled, as the parameter `x` of a one-parameter space. */
  example: Param;
  cells: Record<Target, SupportCell>;
}

/** A limit a cloud puts on a whole space (e.g. SageMaker's number of ranges), and its source. */
export interface SupportLimit {
  target: Target;
  rule: string;
  source: string;
}

/** What `describeSupport` returns: a row per feature, a cell per cloud, and the clouds' limits. */
export interface SupportTable {
  targets: readonly Target[];
  rows: SupportRow[];
  limits: SupportLimit[];
}

const TARGETS: readonly Target[] = ['pai', 'sagemaker', 'modelarts'];

function features(): Array<[string, Param]> {
  return [
    ['choice of numbers', choice([16, 32, 64])],
    ['choice of strings', choice(['sgd', 'adam'])],
    ['choice of booleans', choice([true, false])],
    ['conditional choice', choice({ sgd: space({ momentum: float(0, 0.9) }), adam: space({}) })],
    ['int', int(1, 8)],
    ['int, step', int(0, 100, { step: 10 })],
    ['int, log', int(1, 1024, { log: true })],
    ['float', float(0, 0.5)],
    ['float, step', float(0, 0.5, { step: 0.05 })],
    ['float, log', float(1e-5, 0.1, { log: true })],
    ['float, reverse-log', float(0.9, 0.999, { reverseLog: true })],
    ['normal', normal(0, 1)],
    ['normal, step', normal(0, 1, { step: 0.1 })],
    ['lognormal', lognormal(-3, 1)],
    ['lognormal, step', lognormal(2, 0.5, { step: 1 })],
  ];
}

/**
 * Which search-space features each cloud expresses exactly, computed by compiling one example per
 * feature (so it cannot drift from the compilers); docs/search-space.md is generated from it.
 *
 * @example
 * ```ts
 * import { describeSupport } from 'crosstune';
 *
 * for (const row of describeSupport().rows) {
 *   console.log(row.feature, row.cells.sagemaker.lossless, row.cells.pai.losses);
 * }
 * ```
 */
export function describeSupport(): SupportTable {
  const rows = features().map(([feature, example]): SupportRow => {
    const cells = {} as Record<Target, SupportCell>;
    for (const target of TARGETS) {
      const { value, losses } = compile({ x: example }, target);
      cells[target] = {
        lossless: losses.length === 0,
        losses: [...new Set(losses.map((l) => l.kind))],
        value,
      };
    }
    return { feature, example, cells };
  });
  return { targets: TARGETS, rows, limits: limits() };
}

function limits(): SupportLimit[] {
  const sagemaker: Record<keyof typeof SAGEMAKER_LIMITS, string> = {
    ranges: `at most ${SAGEMAKER_LIMITS.ranges} ranges in all; later parameters are dropped`,
    categoricalValues: `at most ${SAGEMAKER_LIMITS.categoricalValues} values per categorical range; the rest are dropped`,
    valueLength: `values of at most ${SAGEMAKER_LIMITS.valueLength} characters; longer categorical values are dropped`,
    nameLength: `names of at most ${SAGEMAKER_LIMITS.nameLength} characters; longer names are dropped`,
    minCategoricalValues: `at least ${SAGEMAKER_LIMITS.minCategoricalValues} values per categorical range; a one-value choice is dropped`,
  };
  return [
    {
      target: 'pai',
      rule: `no parameter named ${PAI_RESERVED_NAMES.join(' or ')}: \${exp_id} and \${trial_id} are the service's own placeholders`,
      source: 'reference: pai.md §5',
    },
    ...Object.entries(sagemaker).map(([key, rule]) => ({
      target: 'sagemaker' as const,
      rule,
      source: SAGEMAKER_LIMIT_SOURCES[key as keyof typeof SAGEMAKER_LIMITS],
    })),
  ];
}
