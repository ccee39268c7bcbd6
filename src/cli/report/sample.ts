/**
 * Which trials a scatter draws when a run has more than a reader can tell apart: at most `limit`,
 * the trials that set a new best first, then a sample of the rest. Samples are picked by a hash of
 * the trial id: the same trials on every render, whatever order the cloud listed them in.
 */
import type { TrialRow } from '../../compare/types.js';

export function sampleTrials(
  rows: readonly TrialRow[],
  bestIds: ReadonlySet<string>,
  limit: number,
): { bests: TrialRow[]; others: TrialRow[] } {
  // A run that improves on nearly every trial has more bests than fit: those are sampled too.
  const bests = pick(
    rows.filter((row) => bestIds.has(row.trialId)),
    limit,
  );
  const others = pick(
    rows.filter((row) => !bestIds.has(row.trialId)),
    limit - bests.length,
  );
  return { bests, others };
}

/** At most `limit` of `rows`, those whose ids hash lowest, kept in the rows' order. */
function pick(rows: TrialRow[], limit: number): TrialRow[] {
  if (rows.length <= limit) return rows;
  const hashes = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) hashes[i] = fnv1a(rows[i]?.trialId ?? '');
  // Ties (equal hashes) fall back to the run's order, so the pick stays total and repeatable.
  const order = Uint32Array.from(rows.keys()).sort(
    (a, b) => (hashes[a] as number) - (hashes[b] as number) || a - b,
  );
  return Array.from(order.subarray(0, limit).sort(), (i) => rows[i] as TrialRow);
}

/** Where `text` falls in [0, 1), spread evenly and the same on every run: a position for jitter. */
export function hashFraction(text: string): number {
  return fnv1a(text) / 2 ** 32;
}

/** FNV-1a, 32 bits: a fast, well-spread hash of a short string (no cryptographic strength needed). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
