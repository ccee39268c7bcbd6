/** What every operation gets, and the visibility rules PAI applies to experiments. */
import type { Principal } from './auth.js';
import { wireErrors } from './errors.js';
import type { PaiState } from './state.js';
import type { ExperimentRecord, JsonObject } from './types.js';

export interface OperationContext {
  readonly state: PaiState;
  readonly principal: Principal;
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The JSON body; `{}` when none was sent. */
  readonly body: JsonObject;
}

/** Returns the response body; the handler adds RequestId. */
export type Operation = (ctx: OperationContext) => JsonObject;

/**
 * An experiment the caller may read: PUBLIC ones, and their own PRIVATE ones. Anything else is
 * INVALID_USER_OR_EXP, exactly like an id that never existed.
 */
export function readableExperiment(ctx: OperationContext, id: string): ExperimentRecord {
  const experiment = ctx.state.experiment(id);
  if (experiment === undefined || !visibleTo(experiment, ctx.principal.userId)) throw notFound(id);
  return experiment as ExperimentRecord;
}

/** An experiment the caller may change: only their own. */
export function ownExperiment(ctx: OperationContext, id: string): ExperimentRecord {
  const experiment = ctx.state.experiment(id);
  if (experiment === undefined || experiment.creator !== ctx.principal.userId) throw notFound(id);
  return experiment as ExperimentRecord;
}

export function visibleTo(experiment: Readonly<ExperimentRecord>, userId: string): boolean {
  return experiment.accessibility === 'PUBLIC' || experiment.creator === userId;
}

function notFound(id: string) {
  return wireErrors.notFound(`Experiment ${id} does not exist or is not accessible.`);
}
