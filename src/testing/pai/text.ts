/** How PAI writes values into its text fields and timestamps. */

/** `YYYY-MM-DD HH:mm:ss` in UTC, PAI's GmtCreateTime/GmtModifiedTime form (reference §3). */
export function formatPaiTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * `yyyy-mm-dd hh:mm:ss` or `yyyy-mm-dd` (reference §2.1, Min/MaxCreateTime), read as UTC.
 * `undefined` when the text is neither.
 */
export function parsePaiTime(text: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/.exec(text.trim());
  if (m === null) return undefined;
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * JSON the way Python's `json.dumps` writes it by default (`", "` and `": "` separators), which is
 * how PAI's Python backend fills Hyperparam and JobMeta (see the reference examples).
 */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${members.map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : 'Infinity';
  return JSON.stringify(value) ?? 'null';
}
