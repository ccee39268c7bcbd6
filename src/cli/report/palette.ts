/**
 * Colours that stay apart for readers with any common colour-vision deficiency (Okabe & Ito,
 * "Color Universal Design", 2008) and read on both the light and the dark background. Black is
 * left out (lost on dark), yellow and grey come last (faint on light).
 */
import type { TrialStatus } from '../../core/types.js';

const OKABE_ITO = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  purple: '#CC79A7',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  yellow: '#F0E442',
  grey: '#999999',
} as const;

/** A run's colour by its position among the runs (repeating past eight runs). */
export function runColor(position: number): string {
  const colors = Object.values(OKABE_ITO);
  return colors[position % colors.length] as string;
}

/** Every trial status in the order a breakdown lists them, each with a colour that hints at its meaning. */
export const STATUS_COLORS: ReadonlyArray<readonly [TrialStatus, string]> = [
  ['completed', OKABE_ITO.green],
  ['early_stopped', OKABE_ITO.sky],
  ['stopped', OKABE_ITO.orange],
  ['failed', OKABE_ITO.vermillion],
  ['running', OKABE_ITO.blue],
  ['stopping', OKABE_ITO.yellow],
  ['pending', OKABE_ITO.grey],
  ['unknown', OKABE_ITO.purple],
];
