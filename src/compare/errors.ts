import { CrosstuneError } from '../core/errors.js';
import type { ObjectiveDirection } from '../core/types.js';

/** One run's objective, as its experiment states it. */
export interface RunObjective {
  label: string;
  metric: string | undefined;
  direction: ObjectiveDirection | undefined;
}

/**
 * Runs that optimise different objectives (another name or direction, or none stated) cannot be
 * ranked together unless the caller maps them (`options.objective`).
 */
export class ObjectiveMismatchError extends CrosstuneError {
  static override readonly kind = 'ObjectiveMismatchError';
  readonly objectives: readonly RunObjective[];
  constructor(message: string, objectives: readonly RunObjective[]) {
    super(message);
    this.objectives = objectives;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), objectives: this.objectives };
  }
}
