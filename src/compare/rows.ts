/** One trial as one flat row, priced when the caller gave prices. */
import { exclusionOf } from '../core/ranking.js';
import type { Trial } from '../core/types.js';
import type { TrialRow, UnpricedReason } from './types.js';

/**
 * Cost = billed seconds × instances × price per instance-hour. Every input must be the cloud's
 * (or derived from what it said); a trial missing any of them is unpriced, with the reason.
 */
export function costOf(
  trial: Trial,
  prices: Readonly<Record<string, number>>,
): { cost: number } | { reason: UnpricedReason } {
  const usage = trial.usage;
  if (usage?.instanceType === undefined) return { reason: 'no-instance-type' };
  const price = Object.hasOwn(prices, usage.instanceType) ? prices[usage.instanceType] : undefined;
  if (price === undefined) return { reason: 'no-price' };
  if (usage.instanceCount === undefined) return { reason: 'no-instance-count' };
  if (usage.billableSeconds === undefined) return { reason: 'no-billable-time' };
  return { cost: (usage.billableSeconds * usage.instanceCount * price) / 3600 };
}

export function rowOf(
  trial: Trial,
  run: { label: string; experimentId: string },
  index: number,
  value: number | undefined,
  cost: number | undefined,
): TrialRow {
  return {
    run: run.label,
    cloud: trial.provider,
    experimentId: run.experimentId,
    trialId: trial.id,
    index,
    status: trial.status,
    providerStatus: trial.providerStatus,
    objective: value,
    excluded: exclusionOf(trial, value),
    hyperParameters: trial.hyperParameters,
    startedAt: trial.startedAt,
    endedAt: trial.endedAt,
    durationSeconds: trial.usage?.durationSeconds,
    billableSeconds: trial.usage?.billableSeconds,
    instanceType: trial.usage?.instanceType,
    instanceCount: trial.usage?.instanceCount,
    cost,
  };
}
