/**
 * For dialects without normal distributions: the range mean ± 3 standard deviations, which
 * holds 99.7% of the mass (on the log scale for lognormal). The step, counted from 0, is dropped.
 */
import { type LossLog, show } from './loss.js';
import type { FloatParam, LogNormalParam, NormalParam } from './types.js';

export function normalAsRange(
  p: NormalParam | LogNormalParam,
  path: string,
  log: LossLog,
): FloatParam | undefined {
  const logScale = p.kind === 'lognormal';
  const low = logScale ? Math.exp(p.mu - 3 * p.sigma) : p.mu - 3 * p.sigma;
  const high = logScale ? Math.exp(p.mu + 3 * p.sigma) : p.mu + 3 * p.sigma;
  const what = `the ${p.kind} distribution (mu ${p.mu}, sigma ${p.sigma})`;
  if (!(low < high)) {
    log.add(path, 'dropped-parameter', what, 'nothing: mean ± 3 sigma is a single number in floating point');
    return undefined;
  }
  const scale = logScale ? 'log' : 'linear';
  log.add(
    path,
    'approximated-distribution',
    what,
    `a uniform range ${show([low, high])} on a ${scale} scale (mean ± 3 sigma)`,
  );
  if (p.step !== undefined) log.add(path, 'dropped-step', `step ${p.step}`, 'no step');
  // Stryker disable next-line StringLiteral: the dialects read the bounds and the scale of the range, not its kind.
  return { kind: 'float', low, high, scale };
}

/**
 * The uniform range a dialect without normals tunes: a float's own, a normal's mean ± 3 sigma
 * (logged); undefined when there is none. What the range dialects (SageMaker, ModelArts) share.
 */
export function asRange(
  p: FloatParam | NormalParam | LogNormalParam,
  path: string,
  log: LossLog,
): FloatParam | undefined {
  return p.kind === 'float' ? p : normalAsRange(p, path, log);
}
