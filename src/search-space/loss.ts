/**
 * What a dialect could not express. A loss is data, not a log line: callers can show it, diff
 * it across clouds or refuse it (`strict`).
 */
export const LOSS_KINDS = [
  'dropped-step',
  'step-anchor',
  'step-rounded',
  'integer-as-float',
  'scale-changed',
  'approximated-distribution',
  'flattened-conditional',
  'value-type',
  'truncated-values',
  'dropped-value',
  'duplicate-values',
  'dropped-parameter',
] as const;

/** What kind of thing a dialect could not express (one of {@link LOSS_KINDS}). */
export type LossKind = (typeof LOSS_KINDS)[number];

/** One thing a translation lost: which parameter, what was asked, what was used instead. */
export interface Loss {
  /** The parameter's path in the neutral space; nested parameters as `choiceName.branch.param`. */
  readonly param: string;
  readonly kind: LossKind;
  /** What the neutral space asked for and the dialect cannot say. */
  readonly lost: string;
  /** What was written (or read) instead. */
  readonly usedInstead: string;
}

export function formatLoss(loss: Loss): string {
  return `${loss.param} [${loss.kind}]: ${loss.lost}; instead: ${loss.usedInstead}`;
}

/** Collects losses while a dialect is written or read. */
export class LossLog {
  readonly losses: Loss[] = [];

  add(param: string, kind: LossKind, lost: string, usedInstead: string): void {
    this.losses.push({ param, kind, lost, usedInstead });
  }
}

/** How numbers and value lists appear in loss texts. */
export function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(show).join(', ')}]` : JSON.stringify(value);
}
