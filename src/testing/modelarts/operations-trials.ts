/** The autosearch operations on a job: its trial table, one trial, early stop, parameter analysis. */
import { deriveRng } from '../engine/rng.js';
import type { Operation, OperationContext } from './context.js';
import { wireErrors } from './errors.js';
import { queryInteger } from './input.js';
import { requireJob } from './operations-jobs.js';
import { pageOf } from './paging.js';
import { listHeader, listRow, trialHeader, trialRows } from './render-trials.js';
import type { JobRecord, JsonObject, TrialRecord } from './types.js';

/** The page size when `limit` is absent, as the reference example answers (`limit: 50`). */
export const DEFAULT_TRIALS_LIMIT = 50;

export const TRIAL_OPERATIONS = {
  ShowAutoSearchTrials(ctx: OperationContext) {
    const job = requireJob(ctx);
    const limit = queryInteger(ctx.query, 'limit', 1) ?? DEFAULT_TRIALS_LIMIT;
    const offset = queryInteger(ctx.query, 'offset', 0) ?? 0;
    const spec = job.autoSearch;
    const now = ctx.state.now;
    const rows =
      spec === undefined ? [] : ctx.state.trialsOf(job.id).map((t) => listRow(t as TrialRecord, spec, now));
    const data = pageOf(rows, offset, limit, ctx.offsetMeanings.trials);
    return {
      body: {
        total: rows.length,
        count: data.length,
        limit,
        offset,
        group_by: '',
        items: { header: listHeader(spec), data },
      },
    };
  },

  ShowAutoSearchPerTrial(ctx: OperationContext) {
    const { job, trial } = requireTrial(ctx);
    const spec = job.autoSearch;
    return {
      body: {
        header: trialHeader(spec),
        data: spec === undefined ? [] : trialRows(trial, spec, ctx.state.now),
      },
    };
  },

  /** Bodiless POST; 200 `{earlystop_trial}` as in the example. */
  ShowAutoSearchTrialEarlyStop(ctx: OperationContext) {
    const { job, trial } = requireTrial(ctx);
    ctx.state.earlyStopTrial(job.id, trial.id);
    return { body: { earlystop_trial: trial.id } };
  },

  /**
   * fANOVA importances, written once the search has completed (empty before): mean/std with four
   * decimals, as in the example (`"0.2443/0.3867"`).
   */
  ShowAutoSearchParamsAnalysis(ctx: OperationContext) {
    const job = requireJob(ctx);
    const names = job.phase === 'Completed' ? (job.autoSearch?.paramNames ?? []) : [];
    const data = names.map((name) => {
      const rng = deriveRng(ctx.state.seed, 'modelarts', 'importance', job.id, name);
      return [name, `${(0.05 + 0.85 * rng()).toFixed(4)}/${(0.1 + 0.4 * rng()).toFixed(4)}`];
    });
    return { body: { header: ['parameters', 'the mean/std of importance'], data } };
  },

  /** The OBS path of the parameter's fANOVA plot, under the job's first output (an OBS path, not a URL). */
  ShowAutoSearchParamAnalysisResultPath(ctx: OperationContext) {
    const job = requireJob(ctx);
    const name = ctx.params.param as string;
    if (!(job.autoSearch?.paramNames ?? []).includes(name)) throw wireErrors.invalidParam('parameter_name');
    return { body: { file_path: `${outputPath(job)}/log/hyperparameter-analysis/fanova/${name}.png` } };
  },
} satisfies Record<string, Operation>;

function requireTrial(ctx: OperationContext): { job: JobRecord; trial: TrialRecord } {
  const job = requireJob(ctx);
  const trial = ctx.state.trial(job.id, ctx.params.trial as string);
  // What ModelArts answers for an unknown trial is not documented; the fake names the parameter.
  if (trial === undefined) throw wireErrors.invalidParam('trial_id');
  return { job, trial: trial as TrialRecord };
}

function outputPath(job: JobRecord): string {
  const algorithm = job.request.algorithm as JsonObject | undefined;
  const outputs = Array.isArray(algorithm?.outputs) ? (algorithm.outputs as JsonObject[]) : [];
  const obs = ((outputs[0]?.remote as JsonObject | undefined)?.obs as JsonObject | undefined)?.obs_url;
  const base = typeof obs === 'string' && obs !== '' ? obs : `/modelarts-training/${job.name}/output/`;
  return base.replace(/^obs:\/\//, '/').replace(/\/+$/, '');
}
