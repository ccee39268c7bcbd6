/**
 * Runs `fn` with the process's time zone set to `zone`, then puts the old one back. Node applies
 * a change of `process.env.TZ` at once, so a test can check a "read as UTC" rule in a zone where
 * reading it as local time would give another instant, whichever zone the suite runs in. Only in
 * a process of its own (vitest's default pool, forks): in a worker thread the change does not
 * take, and the helper throws rather than let the test pass in the wrong zone.
 */
export function inTimeZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    const now = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Fail loudly rather than pass in the wrong zone.
    if (now !== zone)
      throw new Error(`could not switch the time zone to ${zone} (still ${now}): a worker thread?`);
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

/** Eight hours ahead of UTC all year (no daylight saving): far from UTC, and never equal to it. */
export const FAR_ZONE = 'Asia/Shanghai';
