/** fast-check arbitraries for neutral spaces: every kind, every option, nested conditionals. */
import fc from 'fast-check';
import { SearchSpaceError } from '../../../src/search-space/errors.js';
import { validateParam } from '../../../src/search-space/schema.js';
import type { Param, SearchSpace } from '../../../src/search-space/types.js';

// Decimal-looking numbers as people write them, and raw doubles that exercise precision.
const nice = fc.integer({ min: -100_000, max: 100_000 }).map((i) => i / 100);
const raw = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const real = fc.oneof(nice, raw);
const positiveNice = fc.integer({ min: 1, max: 10_000 }).map((i) => i / 100);
const positive = fc.oneof(positiveNice, fc.double({ min: 1e-6, max: 1e4, noNaN: true }));

const scalar = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  raw,
  fc.string({ maxLength: 6 }),
  fc.constantFrom('16', '1.5', 'true', 'false', 'adam'),
  fc.boolean(),
);

const choice = fc
  .uniqueArray(scalar, { minLength: 1, maxLength: 34, comparator: 'SameValueZero' })
  .map((values) => ({ kind: 'choice', values }));

const int = fc
  .record({
    low: fc.integer({ min: -1000, max: 1000 }),
    steps: fc.integer({ min: 1, max: 40 }),
    step: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 10 })),
    log: fc.boolean(),
  })
  .map(({ low, steps, step, log }) => {
    const from = log ? Math.abs(low) + 1 : low;
    return { kind: 'int', low: from, high: from + steps * step, step, scale: log ? 'log' : 'linear' };
  });

const float = fc
  .record({
    scale: fc.constantFrom('linear', 'log', 'reverse-log'),
    low: real,
    width: positive,
    grid: fc.option(fc.record({ step: positive, steps: fc.integer({ min: 1, max: 50 }) })),
    unit: fc.tuple(
      fc.double({ min: 0, max: 0.98, noNaN: true }),
      fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    ),
  })
  .map(({ scale, low, width, grid, unit }) => {
    if (scale === 'reverse-log') {
      const lo = unit[0];
      const hi = lo + (1 - lo) * unit[1];
      return { kind: 'float', low: lo, high: hi, scale };
    }
    const from = scale === 'log' ? Math.abs(low) + 1e-3 : low;
    if (grid === null) return { kind: 'float', low: from, high: from + width, scale };
    return { kind: 'float', low: from, high: from + grid.steps * grid.step, step: grid.step, scale };
  });

const normalFamily = fc
  .record({
    kind: fc.constantFrom('normal', 'lognormal'),
    mu: fc.oneof(nice, fc.double({ min: -10, max: 10, noNaN: true })),
    sigma: fc.oneof(positiveNice, fc.double({ min: 1e-3, max: 5, noNaN: true })),
    step: fc.option(positiveNice, { nil: undefined }),
  })
  .map(({ kind, mu, sigma, step }) => ({ kind, mu, sigma, ...(step === undefined ? {} : { step }) }));

const leaf = fc.oneof(choice, int, float, normalFamily).filter(isValid);

// Short lowercase names, so that flattened paths (which contain dots) never meet a plain name.
export const paramName = fc.stringMatching(/^[a-z]{1,3}$/);

function spaceOf(param: fc.Arbitrary<unknown>, minKeys = 1): fc.Arbitrary<SearchSpace> {
  return fc.dictionary(paramName, param, { minKeys, maxKeys: 4 }) as fc.Arbitrary<SearchSpace>;
}

const conditional = (depth: number): fc.Arbitrary<unknown> =>
  fc
    .dictionary(
      fc.oneof(paramName, fc.constantFrom('1', 'true')),
      depth > 0
        ? fc.oneof(spaceOf(leaf, 0), spaceOf(fc.oneof(leaf, conditional(depth - 1))))
        : spaceOf(leaf, 0),
      { minKeys: 1, maxKeys: 3 },
    )
    .map((branches) => ({ kind: 'conditional', branches }));

export const param: fc.Arbitrary<Param> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 1, arbitrary: conditional(1) },
) as fc.Arbitrary<Param>;

export const searchSpace: fc.Arbitrary<SearchSpace> = spaceOf(param);

function isValid(p: unknown): boolean {
  try {
    validateParam(p);
    return true;
  } catch (err) {
    if (err instanceof SearchSpaceError) return false;
    throw err;
  }
}
