/**
 * How good a simulated trial is and what it reports, shared by the fakes: each hyperparameter
 * has a hidden optimum fixed by the seed and the parameter's name (so every job on the same
 * problem shares it), a trial's quality is how close its point is, and its metric follows
 * from its quality — accuracy-like when maximized, loss-like when minimized.
 */
import type { Param, PointValue, SearchSpace } from '../../search-space/index.js';
import { deriveRng } from './rng.js';

/** Rounds to 6 decimals, as the clouds' example metric values are (and never -0). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0;
}

/** Quality in [0, 1] of the point `valueAt` reads, for `space`; 0.5 for an empty space. */
export function scorePoint(
  seed: number,
  cloud: string,
  space: SearchSpace,
  valueAt: (name: string) => PointValue | undefined,
): number {
  const penalties = Object.entries(space).map(([name, param]) =>
    penalty(param, valueAt(name), deriveRng(seed, cloud, 'optimum', name)()),
  );
  if (penalties.length === 0) return 0.5;
  return 1 - penalties.reduce((a, b) => a + b, 0) / penalties.length;
}

/** The final metric of a trial of this quality, with a little seeded noise. */
export function finalMetric(maximize: boolean, quality: number, noise: number): number {
  return round6(maximize ? 0.5 + 0.45 * quality + 0.01 * noise : 0.05 + 0.9 * (1 - quality) + 0.01 * noise);
}

/** A learning curve reaching `target` at progress 1: rising for accuracy, falling for loss. */
export function learningCurve(maximize: boolean, target: number, progress: number): number {
  const remaining = (Math.exp(-4 * progress) - Math.exp(-4)) / (1 - Math.exp(-4));
  return maximize ? target * (1 - 0.4 * remaining) : target * (1 + 1.5 * remaining);
}

/** Values that do not fit the space (e.g. a restarted trial's) score as mediocre. */
function penalty(param: Param, value: PointValue | undefined, optimum: number): number {
  if (param.kind === 'choice' || param.kind === 'conditional') {
    const options = param.kind === 'choice' ? param.values : Object.keys(param.branches);
    const chosen = typeof value === 'object' && value !== null ? value._name : value;
    const preferred = options[Math.floor(optimum * options.length)];
    return options.includes(chosen as never) ? (chosen === preferred ? 0 : 0.35) : 0.25;
  }
  const x = Number(value);
  if (!Number.isFinite(x)) return 0.25;
  return (unitPosition(param, x) - (0.15 + 0.7 * optimum)) ** 2;
}

/** Where `x` sits in the parameter's range on its own scale, in [0, 1]. */
function unitPosition(param: Exclude<Param, { kind: 'choice' | 'conditional' }>, x: number): number {
  if (param.kind === 'normal') return logistic((x - param.mu) / param.sigma);
  if (param.kind === 'lognormal') return logistic((Math.log(Math.max(x, 1e-300)) - param.mu) / param.sigma);
  const log = param.scale === 'log' && param.low > 0;
  const at = (v: number) => (log ? Math.log(v) : v);
  if (param.high === param.low) return 0.5;
  return Math.min(
    1,
    Math.max(0, (at(Math.max(x, param.low)) - at(param.low)) / (at(param.high) - at(param.low))),
  );
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * How the fakes' improving tuners pick a trial's point: the best of a number of random candidates
 * that grows with the trial's position (1 for the first trial, 1 + `growth` for the last), so
 * later trials drift towards the optimum the way a real optimizer's do. `growth` 0 is a random
 * tuner. The same draws in the same order as before for every cloud, so seeded runs stay equal.
 */
export function bestOfCandidates<T>(
  position: { index: number; of: number },
  growth: number,
  sample: () => T,
  score: (candidate: T) => number,
): T {
  const candidates = 1 + Math.floor((growth * position.index) / Math.max(1, position.of - 1));
  let best = sample();
  let bestScore = score(best);
  for (let i = 1; i < candidates; i++) {
    const next = sample();
    const nextScore = score(next);
    if (nextScore > bestScore) {
      best = next;
      bestScore = nextScore;
    }
  }
  return best;
}
