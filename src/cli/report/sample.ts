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
  if (limit <= 0) return [];
  const hashes = Uint32Array.from(rows, (row) => fnv1a(row.trialId));
  // The limit-th lowest hash is the cut; rows at the cut itself (equal hashes) are taken in order.
  const cut = hashes.slice().sort()[limit - 1] as number;
  let below = 0;
  for (const hash of hashes) if (hash < cut) below++;
  let atCut = limit - below;
  return rows.filter((_, i) => {
    const hash = hashes[i] as number;
    if (hash < cut) return true;
    if (hash === cut && atCut > 0) {
      atCut--;
      return true;
    }
    return false;
  });
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
