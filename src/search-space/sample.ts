/** Draws points from a neutral space; the distributions are the ones docs/search-space.md defines. */
import { snap } from './grid.js';
import type { FloatParam, Param, Point, PointValue, Rng, SearchSpace } from './types.js';

/**
 * One random point of the space, drawn with `rng` (uniform in [0, 1)): the same `rng` sequence
 * gives the same point, so a seeded generator makes draws repeatable.
 *
 * @example
 * ```ts
 * import { choice, float, sample, space } from 'crosstune';
 *
 * const searchSpace = space({ lr: float(1e-4, 1e-1, { log: true }), batch: choice([32, 64]) });
 * const point = sample(searchSpace, Math.random); // e.g. { lr: 0.0031, batch: 64 }
 * ```
 */
export function sample(spec: SearchSpace, rng: Rng): Point {
  const point: Record<string, PointValue> = {};
  for (const [name, param] of Object.entries(spec)) point[name] = sampleParam(param, rng);
  return point;
}

function sampleParam(p: Param, rng: Rng): PointValue {
  switch (p.kind) {
    case 'choice':
      return pick(p.values, rng);
    case 'conditional': {
      const branch = pick(Object.keys(p.branches), rng);
      return { _name: branch, ...sample(p.branches[branch] ?? {}, rng) };
    }
    case 'int': {
      if (p.scale === 'log') return snap(logUniform(p.low, p.high, rng), p.low, p.high, p.step);
      const count = (p.high - p.low) / p.step + 1;
      return p.low + Math.min(count - 1, Math.floor(rng() * count)) * p.step;
    }
    case 'float': {
      const x = Math.min(p.high, Math.max(p.low, continuous(p, rng)));
      return p.step === undefined ? x : snap(x, p.low, p.high, p.step);
    }
    case 'normal':
      return quantize(p.mu + p.sigma * gaussian(rng), p.step);
    case 'lognormal':
      return quantize(Math.exp(p.mu + p.sigma * gaussian(rng)), p.step);
  }
}

function continuous(p: FloatParam, rng: Rng): number {
  if (p.scale === 'log') return logUniform(p.low, p.high, rng);
  // Dense near 1: the mirror image of a log-uniform draw on [1 - high, 1 - low].
  if (p.scale === 'reverse-log') return 1 - logUniform(1 - p.high, 1 - p.low, rng);
  return p.low + rng() * (p.high - p.low);
}

function logUniform(low: number, high: number, rng: Rng): number {
  return Math.exp(Math.log(low) + rng() * (Math.log(high) - Math.log(low)));
}

// Box–Muller; 1 - rng() lies in (0, 1], so the logarithm stays finite.
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

// Multiples of step counted from 0, as NNI's qnormal and qlognormal round; `+ 0` turns -0 into 0.
function quantize(x: number, step: number | undefined): number {
  return step === undefined ? x : Math.round(x / step) * step + 0;
}

function pick<T>(items: readonly T[], rng: Rng): T {
  return items[Math.min(items.length - 1, Math.floor(rng() * items.length))] as T;
}
