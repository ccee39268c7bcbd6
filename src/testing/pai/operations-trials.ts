/** ListHpoTrials, GetHpoTrial, Stop/RestartHpoTrials, the trial log operations and ListHpoTrialCommands. */

import { type Operation, type OperationContext, ownExperiment, readableExperiment } from './context.js';
import { wireErrors } from './errors.js';
import { invalid, queryEnum, readString, readStringList } from './input.js';
import { commandsRun, trialLog, trialLogName, trialLogPaths } from './logs.js';
import { pageOf, readLinePage, readOrder, readPage, sortBy } from './paging.js';
import { trialShape } from './render.js';
import { NOT_STOPPED, STOPPED } from './state.js';
import type { ExperimentRecord, JsonObject, TrialRecord } from './types.js';

export const TRIAL_OPERATIONS = {
  ListHpoTrials(ctx: OperationContext): JsonObject {
    const experiment = readableExperiment(ctx, ctx.params.ExperimentId as string);
    const page = readPage(ctx.query);
    const by = queryEnum(ctx.query, 'SortBy', ['CREATE_TIME', 'FINAL_METRIC'] as const) ?? 'CREATE_TIME';
    const trials = ctx.state.trialsOf(experiment.id) as TrialRecord[];
    const key =
      by === 'FINAL_METRIC'
        ? (t: TrialRecord) => (t.endStatus === 'SUCCEEDED' ? t.final?.default : undefined)
        : (t: TrialRecord) => t.createdAt;
    const sorted = sortBy(trials, key, readOrder(ctx.query, 'ASC'), (t) => t.sequence);
    return {
      TotalCount: sorted.length,
      Trials: pageOf(sorted, page).map((t) => trialShape(t, experiment, ctx.state.now, ctx.state.simulation)),
    };
  },

  GetHpoTrial(ctx: OperationContext): JsonObject {
    const { experiment, trial } = readableTrial(ctx);
    return trialShape(trial, experiment, ctx.state.now, ctx.state.simulation);
  },

  /**
   * Always HTTP 200 with a text per trial. When none of the trials could be stopped the body also
   * carries Code EXECUTION_FAILURE: one of PAI's "error inside a 200" answers (the Code/Message
   * pairing is the fake's choice; the texts are PAI's).
   */
  StopHpoTrials(ctx: OperationContext): JsonObject {
    const experiment = ownExperiment(ctx, ctx.params.ExperimentId as string);
    const ids = readStringList(ctx.body.TrialIds, 'TrialIds') ?? [];
    const results = ctx.state.stopTrials(experiment.id, ids);
    const outcomes = Object.values(results);
    if (outcomes.length === 0) return { Results: results };
    if (!outcomes.includes(STOPPED)) {
      return { Code: 'EXECUTION_FAILURE', Message: 'failed to stop any trial', Results: results };
    }
    const message = outcomes.includes(NOT_STOPPED)
      ? 'failed to stop some trials'
      : 'successfully stopped all trials';
    return { Message: message, Results: results };
  },

  RestartHpoTrials(ctx: OperationContext): JsonObject {
    const experiment = ownExperiment(ctx, ctx.params.ExperimentId as string);
    const ids = readStringList(ctx.body.TrialIds, 'TrialIds');
    const text = readString(ctx.body.TrialHyperParameters, 'TrialHyperParameters');
    const hyperparams = text === undefined || text.trim() === '' ? undefined : parseHyperparams(text);
    return { Results: ctx.state.restartTrials(experiment.id, ids, hyperparams) };
  },

  ListHpoTrialLogNames(ctx: OperationContext): JsonObject {
    return { LogNames: trialLogPaths(readableTrial(ctx).trial) };
  },

  ListHpoTrialLogs(ctx: OperationContext): JsonObject {
    const { experiment, trial } = readableTrial(ctx);
    const requested = ctx.query.get('LogName') || 'trial.log';
    const name = trialLogName(requested);
    if (name === undefined)
      throw invalid('LogName', `must be stdout, stderr or trial.log, got '${requested}'`);
    const lines = trialLog(name, experiment, trial, ctx.state.now);
    return { TotalCount: lines.length, Logs: pageOf(lines, readLinePage(ctx.query)) };
  },

  ListHpoTrialCommands(ctx: OperationContext): JsonObject {
    const { experiment, trial } = readableTrial(ctx);
    const commands = commandsRun(experiment, trial, ctx.state.now);
    return {
      Commands: commands.map((command, i) => ({
        Id: i + 1,
        Command: command,
        Output:
          trial.endStatus === 'FAILED' && i === commands.length - 1
            ? 'command failed with exit code 1.'
            : submitted(experiment.spec.platform),
      })),
    };
  },
} satisfies Record<string, Operation>;

function readableTrial(ctx: OperationContext): { experiment: ExperimentRecord; trial: TrialRecord } {
  const experiment = readableExperiment(ctx, ctx.params.ExperimentId as string);
  const trialId = ctx.params.TrialId as string;
  const trial = ctx.state.trial(experiment.id, trialId);
  if (trial === undefined)
    throw wireErrors.notFound(`Trial ${trialId} does not exist in experiment ${experiment.id}.`);
  return { experiment, trial: trial as TrialRecord };
}

/** What submitting a command prints on each platform; DLC's text is the reference example's. */
function submitted(platform: string): string {
  switch (platform.toLowerCase()) {
    case 'dlc':
      return 'dlc job submitted.';
    case 'maxcompute':
    case 'mc':
      return 'MaxCompute instance submitted.';
    case 'paiflow':
      return 'paiflow pipeline run submitted.';
    default:
      return 'command submitted.';
  }
}

/** TrialHyperParameters: JSON text of one combination, e.g. `{"${lr}": "0.01"}` (reference §3). */
function parseHyperparams(text: string): Record<string, string | number | boolean> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('TrialHyperParameters', 'must be JSON text of an object');
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.keys(value).length === 0
  ) {
    throw invalid('TrialHyperParameters', 'must be JSON text of a non-empty object');
  }
  return value as Record<string, string | number | boolean>;
}
