import { createHash } from 'node:crypto';

/** A stream of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * Derives an independent stream from a seed and a path such as `('trial', jobName, 3)`.
 * Hashing the whole path, instead of drawing child seeds from one parent stream, keeps each
 * entity's numbers fixed when other entities are created, deleted or visited in another order.
 *
 * @example
 * ```ts
 * import { float, sample, space } from 'crosstune';
 * import { deriveRng } from 'crosstune/testing';
 *
 * const rng = deriveRng(42, 'trial', 'xgb-tune-0001', 3);
 * const point = sample(space({ lr: float(1e-4, 0.1, { log: true }) }), rng); // the same on every run
 * ```
 */
export function deriveRng(seed: number, ...path: ReadonlyArray<string | number>): Rng {
  const digest = createHash('sha256')
    .update(JSON.stringify([seed, ...path]))
    .digest();
  return sfc32(
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  );
}

// sfc32 (Chris Doty-Humphrey's small fast counting generator): tiny, fast, and passes PractRand,
// which is more than enough for simulated trials. The counter `d` guarantees a long period.
function sfc32(a: number, b: number, c: number, d: number): Rng {
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** Uniform integer in [min, max]. */
export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Uniform number in [min, max). */
export function randomBetween(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min);
}

/** `length` lowercase hex digits. */
export function randomHex(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(rng() * 16).toString(16);
  return out;
}

/** A string shaped like a version-4 UUID (version and variant nibbles set), drawn from `rng`. */
export function randomUuid(rng: Rng): string {
  const hex = randomHex(rng, 32).split('');
  hex[12] = '4';
  hex[16] = (8 + Math.floor(rng() * 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
