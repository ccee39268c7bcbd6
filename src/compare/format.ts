/** How numbers and spans read in text exports and terminal tables. */
import type { HyperParameterValue } from '../core/types.js';

/** A number, not NaN or an infinity (undefined is none of them). */
export const isFiniteNumber = (value: number | undefined): value is number => Number.isFinite(value);

/**
 * Up to 6 significant digits, no exponent for everyday magnitudes; `-` when unknown. NaN and the
 * infinities read as JavaScript writes them (`toExponential` and `toPrecision` keep them so).
 */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '-';
  if (value !== 0 && (Math.abs(value) >= 1e9 || Math.abs(value) < 1e-4)) return value.toExponential(3);
  return String(Number(value.toPrecision(6)));
}

/** `3h 02m`, `4m 05s`, `12s`; `-` when unknown or not finite. */
export function formatSeconds(seconds: number | undefined): string {
  if (!isFiniteNumber(seconds)) return '-';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}

export function formatPercent(fraction: number): string {
  return `${formatNumber(fraction * 100)} %`;
}

/** Text on one line, each line break (CRLF, CR or LF) read as a space: a table cell that keeps its row. */
export const oneLine = (text: string) => text.replace(/\r\n|[\r\n]/g, ' ');

/** A hyperparameter's value as text: a number as formatNumber writes it, text and booleans as they are. */
export function formatValue(value: HyperParameterValue): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}
