/** A trial as one flat row, and what it cost. */
import { describe, expect, it } from 'vitest';
import { costOf, rowOf } from '../../src/compare/rows.js';
import type { Trial } from '../../src/core/types.js';
import { aTrial } from '../helpers/trial.js';

describe('costOf', () => {
  const prices = { 'ml.m5.xlarge': 0.23 };
  const usage = { instanceType: 'ml.m5.xlarge', instanceCount: 2, billableSeconds: 1800 };

  it('prices billed seconds × instances × the hourly price', () => {
    expect(costOf(usage, prices)).toEqual({ cost: (1800 * 2 * 0.23) / 3600 });
  });

  it('says which input is missing, in order', () => {
    expect(costOf({ ...usage, instanceType: undefined }, prices)).toEqual({ reason: 'no-instance-type' });
    expect(costOf({ ...usage, instanceType: 'ml.p3.2xlarge' }, prices)).toEqual({ reason: 'no-price' });
    // Only the caller's own entries are prices.
    expect(costOf({ ...usage, instanceType: 'toString' }, prices)).toEqual({ reason: 'no-price' });
    expect(costOf({ ...usage, instanceCount: undefined }, prices)).toEqual({ reason: 'no-instance-count' });
    expect(costOf({ ...usage, billableSeconds: undefined }, prices)).toEqual({ reason: 'no-billable-time' });
  });
});

describe('rowOf', () => {
  const base = aTrial({
    provider: 'pai',
    id: 't1',
    experimentId: 'ex',
    status: 'completed',
    providerStatus: 'SUCCEEDED',
    hyperParameters: { lr: 0.1 },
    metrics: [],
    startedAt: new Date(1_000),
    endedAt: new Date(5_000),
  });

  it('flattens a trial, its usage included, under its run’s label', () => {
    const trial = {
      ...base,
      usage: {
        durationSeconds: 4,
        billableSeconds: 8,
        instanceType: 'ecs.gn6i',
        instanceCount: 2,
        derived: [],
      },
    } as Trial;
    expect(rowOf(trial, { label: 'run', experimentId: 'ex-label' }, 0.9)).toEqual({
      run: 'run',
      cloud: 'pai',
      experimentId: 'ex-label',
      trialId: 't1',
      index: 0,
      status: 'completed',
      providerStatus: 'SUCCEEDED',
      objective: 0.9,
      excluded: undefined,
      hyperParameters: { lr: 0.1 },
      startedAt: new Date(1_000),
      endedAt: new Date(5_000),
      durationSeconds: 4,
      billableSeconds: 8,
      instanceType: 'ecs.gn6i',
      instanceCount: 2,
      cost: undefined,
    });
  });

  it('leaves usage empty for a trial without one, and says why an unranked trial is left out', () => {
    const row = rowOf(
      { ...base, status: 'failed' } as Trial,
      { label: 'run', experimentId: 'ex' },
      undefined,
    );
    expect(row).toMatchObject({
      durationSeconds: undefined,
      billableSeconds: undefined,
      instanceType: undefined,
      instanceCount: undefined,
      excluded: 'failed',
    });
  });
});
