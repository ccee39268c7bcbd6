import { CrosstuneError, type ErrorDetails } from '../core/errors.js';
import { formatLoss, type Loss } from './loss.js';
import type { Target } from './types.js';

export interface SearchSpaceErrorDetails extends ErrorDetails {
  losses?: readonly Loss[] | undefined;
  issues?: readonly string[] | undefined;
}

/**
 * A search space that is invalid (`issues`) or that a dialect cannot express exactly while
 * `strict` was asked for (`losses`). The message lists every issue and every loss.
 */
export class SearchSpaceError extends CrosstuneError {
  static override readonly kind = 'SearchSpaceError';
  readonly losses: readonly Loss[];
  readonly issues: readonly string[];

  constructor(summary: string, details: SearchSpaceErrorDetails = {}) {
    const { losses = [], issues = [], ...rest } = details;
    const lines = [...issues, ...losses.map(formatLoss)].map((line) => `\n  - ${line}`);
    super(`${summary}${lines.join('')}`, rest);
    this.losses = losses;
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), losses: this.losses, issues: this.issues };
  }
}

/** `strict` mode: any loss is an error naming all of them. */
export function refuseLosses(
  losses: readonly Loss[],
  strict: boolean | undefined,
  summary: string,
  target: Target,
): void {
  if (strict && losses.length > 0) throw new SearchSpaceError(summary, { losses, provider: target });
}

/** Input that is not a search space of the dialect it claims to be. */
export function malformed(source: string, issues: readonly string[]): SearchSpaceError {
  return new SearchSpaceError(`Not a valid ${source} search space`, { issues });
}
