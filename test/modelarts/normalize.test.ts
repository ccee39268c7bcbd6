/** JobResponse → Experiment / TrainingJob and trial rows → Trial, case by case. */
import { describe, expect, it } from 'vitest';
import { normalizing } from '../../src/core/fields.js';
import { ResponseFormatError } from '../../src/index.js';
import {
  experimentFromJob,
  experimentStatus,
  isMetricColumn,
  jobStatus,
  trainingJobFromJob,
  trialContext,
  trialFromRows,
  trialStatus,
  trialsFromTable,
} from '../../src/providers/modelarts/normalize.js';
import type { ModelArtsTrainingJobWire } from '../../src/providers/modelarts/wire.js';

function job(over: Partial<ModelArtsTrainingJobWire> = {}): ModelArtsTrainingJobWire {
  return {
    kind: 'job',
    metadata: { id: 'j-1', name: 'search', create_time: 1_700_000_000_000 },
    status: { phase: 'Running', start_time: 1_700_000_060_000, duration: 30_000 },
    algorithm: {
      policies: {
        auto_search: {
          reward_attrs: [{ name: 'loss', mode: 'min' }],
          search_params: [{ name: 'lr', param_type: 'continuous', lower_bound: '0.01', upper_bound: '0.1' }],
          algo_configs: [
            {
              name: 'tpe_search',
              params: [
                { key: 'gamma', value: '0.25', type: 'Float' },
                { key: 'num_samples', value: '20', type: 'Integer' },
              ],
            },
          ],
        },
      },
    },
    ...over,
  };
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('status maps', () => {
  it.each([
    ['Creating', 'pending'],
    ['Pending', 'pending'],
    ['Running', 'running'],
    ['Completed', 'completed'],
    ['Failed', 'failed'],
    ['Abnormal', 'failed'],
    ['Terminating', 'stopping'],
    ['Terminated', 'stopped'],
    ['RUNNING', 'running'],
    [' completed ', 'completed'],
    ['Queuing', 'unknown'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('phase %j → %s', (phase, status) => {
    expect(experimentStatus(phase)).toBe(status);
    expect(jobStatus(phase)).toBe(status);
  });

  it.each([
    ['PENDING', 'pending'],
    ['RUNNING', 'running'],
    ['PAUSED', 'pending'],
    ['TERMINATED', 'completed'],
    ['ERROR', 'failed'],
    ['terminated', 'completed'],
    [' Terminated\n', 'completed'],
    ['EARLY_STOPPED', 'unknown'],
    [null, 'unknown'],
  ])('trial status %j → %s', (word, status) => {
    expect(trialStatus(word)).toBe(status);
  });

  it('does not map members of Object.prototype', () => {
    for (const word of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(experimentStatus(word)).toBe('unknown');
      expect(jobStatus(word)).toBe('unknown');
      expect(trialStatus(word)).toBe('unknown');
    }
  });
});

describe('experimentFromJob', () => {
  it('reads the search policy', () => {
    const experiment = experimentFromJob(job());
    expect(experiment).toMatchObject({
      provider: 'modelarts',
      id: 'j-1',
      name: 'search',
      status: 'running',
      providerStatus: 'Running',
      objective: { metric: 'loss', direction: 'minimize' },
      algorithm: 'tpe_search',
      limits: { maxTrials: 20, maxParallelTrials: undefined, maxRuntimeSeconds: undefined },
      searchSpace: { spec: { lr: { kind: 'float', low: 0.01, high: 0.1, scale: 'linear' } }, losses: [] },
      createdAt: new Date(1_700_000_000_000),
      startedAt: new Date(1_700_000_060_000),
      // Still running: no end.
      endedAt: undefined,
      failureReason: undefined,
    });
  });

  it('ends a job that has ended at start + duration', () => {
    for (const phase of ['Completed', 'Failed', 'Terminated', 'Abnormal']) {
      const ended = experimentFromJob(
        job({ status: { phase, start_time: '1700000060000', duration: '30000' } }),
      );
      expect(ended.endedAt).toEqual(new Date(1_700_000_090_000));
    }
  });

  it('gives the failed tasks’ messages as the failure reason', () => {
    const failed = job({
      status: {
        phase: 'Failed',
        task_statuses: [
          { task: 'worker-0', exit_code: 1, message: 'CUDA out of memory' },
          { task: 'worker-1', exit_code: 0, message: '' },
          { message: 'job lost' },
        ],
      },
    });
    expect(experimentFromJob(failed).failureReason).toBe('worker-0: CUDA out of memory; job lost');
    expect(trainingJobFromJob(failed).failureReason).toBe('worker-0: CUDA out of memory; job lost');
    expect(
      experimentFromJob({ ...failed, status: { ...failed.status, phase: 'Running' } }).failureReason,
    ).toBe(undefined);
  });

  it('reads a plain job (no policies, nulls, no status) without inventing anything', () => {
    const plain: ModelArtsTrainingJobWire = {
      metadata: { id: 'j-2', name: null, create_time: null },
      status: null,
      algorithm: { policies: { auto_search: null } },
    };
    expect(experimentFromJob(plain)).toEqual({
      provider: 'modelarts',
      id: 'j-2',
      name: 'j-2',
      status: 'unknown',
      providerStatus: '',
      objective: undefined,
      algorithm: undefined,
      limits: { maxTrials: undefined, maxParallelTrials: undefined, maxRuntimeSeconds: undefined },
      trialCounts: {},
      searchSpace: undefined,
      createdAt: undefined,
      startedAt: undefined,
      endedAt: undefined,
      failureReason: undefined,
      raw: plain,
    });
  });

  it('reads the mode in either spelling and leaves the objective out without one', () => {
    const withMode = (mode: string | null) =>
      experimentFromJob(
        job({ algorithm: { policies: { auto_search: { reward_attrs: [{ name: 'acc', mode }] } } } }),
      ).objective;
    expect(withMode('MAX')).toEqual({ metric: 'acc', direction: 'maximize' });
    expect(withMode('minimize')).toEqual({ metric: 'acc', direction: 'minimize' });
    expect(withMode(null)).toBeUndefined();
  });

  it('reports a malformed setting by its path, and drops an unreadable search parameter as a loss', () => {
    const badLimit = job({
      algorithm: {
        policies: { auto_search: { algo_configs: [{ params: [{ key: 'num_samples', value: 'many' }] }] } },
      },
    });
    const error = thrown(() =>
      normalizing({ provider: 'modelarts', operation: 'getTrainingJob' }, () => experimentFromJob(badLimit)),
    );
    expect(ResponseFormatError.is(error)).toBe(true);
    expect(error).toMatchObject({ path: 'algorithm.policies.auto_search.algo_configs.0.params.0.value' });

    const badSpace = job({
      algorithm: { policies: { auto_search: { search_params: [{ name: 'lr', param_type: 'continuous' }] } } },
    });
    // An entry the dialect cannot read is left out and recorded, not a failure of the whole job.
    const mixed = job({
      algorithm: {
        policies: {
          auto_search: {
            search_params: [
              { name: 'lr', param_type: 'continuous' },
              { name: 'b', param_type: 'discrete', discrete_values: ['16', '32'] },
            ],
          },
        },
      },
    });
    const read = experimentFromJob(mixed).searchSpace;
    expect(read?.spec).toEqual({ b: { kind: 'choice', values: [16, 32] } });
    expect(read?.losses).toEqual([expect.objectContaining({ param: 'lr', kind: 'dropped-parameter' })]);
    expect(experimentFromJob(badSpace).searchSpace).toEqual({ spec: {}, losses: [expect.anything()] });
  });

  it('reads numeric discrete values as the dialect does', () => {
    const numeric = job({
      algorithm: { policies: { auto_search: { search_params: [{ name: 'b', discrete_values: [16, 32] }] } } },
    });
    expect(experimentFromJob(numeric).searchSpace?.spec).toEqual({ b: { kind: 'choice', values: [16, 32] } });
  });

  it('reads auto_stop hours as the run-time limit', () => {
    const limited = job({ spec: { auto_stop: { time_unit: 'HOURS', duration: 3 } } });
    expect(experimentFromJob(limited).limits.maxRuntimeSeconds).toBe(10_800);
  });
});

describe('trainingJobFromJob', () => {
  it('is the job itself, with its fixed parameters', () => {
    const training = trainingJobFromJob(
      job({
        algorithm: { parameters: [{ name: 'epochs', value: '10' }, { name: 'x' }, { value: 'nameless' }] },
      }),
    );
    expect(training).toMatchObject({
      provider: 'modelarts',
      id: 'j-1',
      name: 'search',
      experimentId: 'j-1',
      status: 'running',
      providerStatus: 'Running',
      hyperParameters: { epochs: '10' },
      metrics: [],
    });
    expect(training.trialId).toBeUndefined();
    // status.duration (ms) so far; the job names no flavor here.
    expect(training.usage).toEqual({ durationSeconds: 30, derived: [] });
  });

  it('reads its flavor and node count as the usage, and a malformed node count by its path', () => {
    const spec = { resource: { flavor_id: 'modelarts.p3.large.public', node_count: '2' } };
    expect(trainingJobFromJob(job({ spec })).usage).toEqual({
      durationSeconds: 30,
      instanceType: 'modelarts.p3.large.public',
      instanceCount: 2,
      derived: [],
    });
    expect(trainingJobFromJob(job({ status: { phase: 'Creating' } })).usage).toBeUndefined();
    const bad = { resource: { node_count: 'two' } };
    expect(() =>
      normalizing({ operation: 'ShowTrainingJobDetails' }, () => trainingJobFromJob(job({ spec: bad }))),
    ).toThrow(/spec.resource.node_count/);
  });
});

describe('trial rows', () => {
  const context = trialContext(job());

  it('takes the objective name from the experiment, its value from best_reward, else reward_attr', () => {
    const trials = trialsFromTable(
      {
        header: ['trial_id', 'status', 'best_reward', 'reward_attr'],
        data: [
          ['t1', 'TERMINATED', '0.5', '0.7'],
          ['t2', 'RUNNING', '', '0.7'],
          ['t3', 'PENDING', '', ''],
        ],
      },
      context,
    );
    expect(trials.map((t) => t.objective)).toEqual([
      { metric: 'loss', value: 0.5 },
      { metric: 'loss', value: 0.7 },
      undefined,
    ]);
  });

  it('reads time_total_s as the duration, and dates a trial only by a timestamp column', () => {
    const trials = trialsFromTable(
      {
        header: ['trial_id', 'status', 'time_total_s', 'timestamp'],
        data: [
          ['t1', 'TERMINATED', '19.5', '1700000100'],
          ['t2', 'RUNNING', '4', '1700000100'],
          ['t3', 'ERROR', 'nan', '1700000100'],
          ['t4', 'TERMINATED', '30', ''],
          ['t5', 'PENDING', '', ''],
        ],
      },
      context,
    );
    expect(trials.map((t) => [t.usage, t.startedAt, t.endedAt])).toEqual([
      // Ended: its last report is its end; its start is that less the time it ran.
      [{ durationSeconds: 19.5, derived: [] }, new Date(1_700_000_080_500), new Date(1_700_000_100_000)],
      // Still running: started, not ended.
      [{ durationSeconds: 4, derived: [] }, new Date(1_700_000_096_000), undefined],
      // No usable run time: nothing derived from it; the failed trial's report still dates its end.
      [undefined, undefined, new Date(1_700_000_100_000)],
      [{ durationSeconds: 30, derived: [] }, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
  });

  it('keeps an unknown status word in providerStatus and falls back to done when the word is empty', () => {
    const trials = trialsFromTable(
      {
        header: ['trial_id', 'status', 'done'],
        data: [
          ['t1', 'SOMETHING_NEW', 'True'],
          ['t2', '', 'True'],
          ['t3', '', 'False'],
          ['t4', '', ''],
        ],
      },
      context,
    );
    expect(trials.map((t) => [t.status, t.providerStatus])).toEqual([
      ['unknown', 'SOMETHING_NEW'],
      ['completed', ''],
      ['running', ''],
      ['unknown', ''],
    ]);
  });

  it('makes a point of every numeric metric cell and skips bookkeeping, empty and text cells', () => {
    const [trial] = trialsFromTable(
      {
        header: [
          '',
          'trial_id',
          'pid',
          'training_iteration',
          'time_total_s',
          'timestamp',
          'hostname',
          'config/lr',
          'val_loss',
          'note',
          'acc',
          'f1',
          'grad',
        ],
        data: [
          [
            '0',
            't1',
            '314',
            '3',
            '1.5',
            '1700000000',
            'host',
            '0.1',
            'nan',
            'diverged',
            '',
            '-inf',
            'tensor(2.5)',
          ],
        ],
      },
      context,
    );
    expect(trial?.metrics).toEqual([
      { name: 'f1', value: Number.NEGATIVE_INFINITY, step: 3 },
      { name: 'grad', value: 2.5, step: 3 },
      { name: 'val_loss', value: Number.NaN, step: 3 },
    ]);
    expect(['', 'pid', 'status', 'config/lr', 'param/lr', 'acc'].map(isMetricColumn)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('has no step when training_iteration is missing', () => {
    const [trial] = trialsFromTable({ header: ['trial_id', 'acc'], data: [['t1', '0.5']] }, context);
    expect(trial?.metrics).toEqual([{ name: 'acc', value: 0.5, step: undefined }]);
  });

  it('refuses a row without a trial id', () => {
    const error = thrown(() =>
      trialsFromTable({ header: ['trial_id', 'acc'], data: [['', '0.5']] }, context),
    );
    expect(error).toMatchObject({ path: 'items.data.0.trial_id' });
  });

  it('single-trial answer: the latest report by training_iteration gives status and objective', () => {
    const trial = trialFromRows(
      {
        header: ['training_iteration', 'done', 'best_reward', 'trial_id', 'acc', 'config'],
        // Reports out of order: iteration 3 is the latest.
        data: [
          ['1', 'False', '0.1', 'abc', '0.1', { lr: 0.1 }],
          ['3', 'True', '0.3', 'abc', '0.3', { lr: 0.1 }],
          ['2', 'False', '0.2', 'abc', '0.2', { lr: 0.1 }],
        ],
      },
      context,
    );
    expect(trial).toMatchObject({
      id: 'abc',
      status: 'completed',
      providerStatus: '',
      objective: { metric: 'loss', value: 0.3 },
      hyperParameters: { lr: 0.1 },
      metrics: [
        { name: 'acc', value: 0.1, step: 1 },
        { name: 'acc', value: 0.3, step: 3 },
        { name: 'acc', value: 0.2, step: 2 },
      ],
    });
    expect(trial.raw.rows).toHaveLength(3);
  });

  it('single-trial answer: without a trial_id column the id asked for names it', () => {
    const trial = trialFromRows(
      { header: ['done', 'acc'], data: [['False', '0.5']] },
      { ...context, trialId: 'x9' },
    );
    expect([trial.id, trial.status]).toEqual(['x9', 'running']);
  });

  it('single-trial answer with no rows: pending when the trial asked for is known, else an error', () => {
    const empty = { header: ['done'], data: [] };
    expect(trialFromRows(empty, { ...context, trialId: 'x9' })).toEqual({
      provider: 'modelarts',
      id: 'x9',
      experimentId: 'j-1',
      status: 'pending',
      providerStatus: '',
      hyperParameters: {},
      metrics: [],
      raw: { header: ['done'], rows: [] },
    });
    expect(thrown(() => trialFromRows(empty, context))).toMatchObject({ path: 'data' });
  });
});
