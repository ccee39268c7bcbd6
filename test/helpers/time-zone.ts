/**
 * Runs `fn` with the process's time zone set to `zone`, then puts the old one back. Node applies
 * a change of `process.env.TZ` at once, so a test can check a "read as UTC" rule in a zone where
 * reading it as local time would give another instant, whichever zone the suite runs in.
 */
export function inTimeZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** Eight hours ahead of UTC all year (no daylight saving): far from UTC, and never equal to it. */
export const FAR_ZONE = 'Asia/Shanghai';
