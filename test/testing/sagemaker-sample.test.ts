import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRng } from '../../src/testing/index.js';
import {
  gridPoint,
  gridSize,
  sampleHyperParameters,
  unitPosition,
} from '../../src/testing/sagemaker/sample.js';
import type { NumericParameterRange } from '../../src/testing/sagemaker/types.js';

const draws = (range: NumericParameterRange, kind: 'integer' | 'continuous', n = 400) => {
  const rng = deriveRng(5, range.Name, kind);
  const key = kind === 'integer' ? 'IntegerParameterRanges' : 'ContinuousParameterRanges';
  return Array.from({ length: n }, () => Number(sampleHyperParameters({ [key]: [range] }, rng)[range.Name]));
};

describe('sampling SageMaker parameter ranges', () => {
  it('keeps integers whole and inside [MinValue, MaxValue], reaching both ends', () => {
    const values = draws({ Name: 'depth', MinValue: '3', MaxValue: '6', ScalingType: 'Linear' }, 'integer');
    expect(values.every(Number.isInteger)).toBe(true);
    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6]));
  });

  it('keeps any continuous range inside its bounds on every scale', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.09, noNaN: true }),
        fc.constantFrom('Auto', 'Linear', 'Logarithmic', 'ReverseLogarithmic'),
        (min, width, scale) => {
          const max = min + width;
          const range = {
            Name: 'x',
            MinValue: String(min),
            MaxValue: String(max),
            ScalingType: scale,
          } as const;
          for (const v of draws(range, 'continuous', 50)) {
            expect(v).toBeGreaterThanOrEqual(min * (1 - 1e-9));
            expect(v).toBeLessThanOrEqual(max * (1 + 1e-9));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('spreads Logarithmic draws evenly over orders of magnitude', () => {
    const values = draws(
      { Name: 'lr', MinValue: '0.0001', MaxValue: '1', ScalingType: 'Logarithmic' },
      'continuous',
      2_000,
    );
    const belowMilli = values.filter((v) => v < 0.001).length / values.length;
    expect(belowMilli).toBeGreaterThan(0.2);
    expect(belowMilli).toBeLessThan(0.3);
  });

  it('places a value at its position on the range scale', () => {
    const log = { Name: 'lr', MinValue: '0.001', MaxValue: '1', ScalingType: 'Logarithmic' } as const;
    expect(unitPosition(log, 'continuous', 0.001)).toBeCloseTo(0);
    expect(unitPosition(log, 'continuous', Math.sqrt(0.001))).toBeCloseTo(0.5);
    expect(unitPosition({ Name: 'n', MinValue: '10', MaxValue: '20' }, 'integer', 15)).toBeCloseTo(0.5);
  });

  it('walks every Grid point once before repeating', () => {
    const ranges = {
      CategoricalParameterRanges: [
        { Name: 'a', Values: ['x', 'y'] },
        { Name: 'b', Values: ['1', '2', '3'] },
      ],
    };
    expect(gridSize(ranges)).toBe(6);
    const points = Array.from({ length: 6 }, (_, i) => JSON.stringify(gridPoint(ranges, i)));
    expect(new Set(points).size).toBe(6);
    expect(gridPoint(ranges, 6)).toEqual(gridPoint(ranges, 0));
  });
});
