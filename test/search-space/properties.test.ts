import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Loss, Param, SearchSpace, Target } from '../../src/search-space/index.js';
import { compile, contains, parse, sample } from '../../src/search-space/index.js';
import { validateSpace } from '../../src/search-space/schema.js';
import { deriveRng } from '../../src/testing/engine/rng.js';
import { searchSpace } from './helpers/arbitraries.js';

const TARGETS: readonly Target[] = ['pai', 'sagemaker', 'modelarts'];
const RUNS = { numRuns: 150 };
const DRAWS = 25;

/** What the cloud would hand back: the compiled value after a trip through JSON. */
function roundTrip(spec: SearchSpace, target: Target) {
  const compiled = compile(spec, target);
  const wire = JSON.parse(JSON.stringify(compiled.value));
  return { compiled, parsed: parse(wire, target) };
}

function touches(losses: readonly Loss[], name: string): boolean {
  return losses.some((l) => l.param === name || l.param.startsWith(`${name}.`));
}

const canonical = searchSpace.map(validateSpace);

/** The parameters that compile without loss on their own: most random spaces have some that don't. */
function losslessPart(spec: SearchSpace, target: Target): SearchSpace {
  return Object.fromEntries(
    Object.entries(spec).filter(([name, p]) => compile({ [name]: p }, target).losses.length === 0),
  );
}

describe.each(TARGETS)('properties on %s', (target) => {
  it('a space compiled without loss parses back to itself', () => {
    fc.assert(
      fc.property(canonical, (whole) => {
        const spec = losslessPart(whole, target);
        const { compiled, parsed } = roundTrip(spec, target);
        fc.pre(Object.keys(spec).length > 0 && compiled.losses.length === 0);
        expect(parsed.space).toEqual(spec);
        expect(parsed.losses).toEqual([]);
      }),
      RUNS,
    );
  });

  it('every parameter reported lossless samples inside its original support', () => {
    fc.assert(
      fc.property(canonical, fc.integer(), (spec, seed) => {
        const { compiled, parsed } = roundTrip(spec, target);
        const rng = deriveRng(seed, 'search-space');
        for (const [name, original] of Object.entries(spec)) {
          if (touches(compiled.losses, name)) continue;
          const back = parsed.space[name] as Param;
          expect(back).toBeDefined();
          for (let i = 0; i < DRAWS; i++) {
            const point = sample({ [name]: back }, rng);
            expect(contains({ [name]: original }, point)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('a space whose compiled form samples outside the original always reports a loss', () => {
    fc.assert(
      fc.property(canonical, fc.integer(), (spec, seed) => {
        const { compiled, parsed } = roundTrip(spec, target);
        const rng = deriveRng(seed, 'search-space');
        const escapes = Array.from({ length: DRAWS }, () => sample(parsed.space, rng)).some(
          (p) => !contains(spec, p),
        );
        if (escapes) expect(compiled.losses.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});

describe('sample and contains', () => {
  it('every sample of a space lies in it', () => {
    fc.assert(
      fc.property(canonical, fc.integer(), (spec, seed) => {
        const rng = deriveRng(seed, 'sample');
        for (let i = 0; i < DRAWS; i++) expect(contains(spec, sample(spec, rng))).toBe(true);
      }),
      RUNS,
    );
  });
});
