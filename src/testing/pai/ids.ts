/** PAI-shaped identifiers, drawn from seeded streams so every run names things the same way. */
import type { Rng } from '../engine/rng.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Mixed-case alphanumerics: experiment ids have 7 (`sORVEck`), trial ids 6 (`mf99W4`). */
export function paiId(rng: Rng, length: number): string {
  return draw(rng, ALPHANUMERIC, length);
}

/** NNI's own ids in JobMeta: experiment ids are 8 lower-case characters, trial ids 5 mixed-case. */
export function nniExperimentId(rng: Rng): string {
  return draw(rng, LOWER_ALPHANUMERIC, 8);
}

export function nniTrialId(rng: Rng): string {
  return draw(rng, ALPHANUMERIC, 5);
}

function draw(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}
