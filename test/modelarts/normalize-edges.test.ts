/**
 * ModelArts' normalizer at its edges: every status word, what counts as a metric column, times
 * that are zero, blank or not numbers, how long a job ran, what a failed job says, objectives
 * and settings spelled loosely, and which report of a trial is the latest.
 */
import { describe, expect, it } from 'vitest';
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
import { fieldPathOf } from '../helpers/thrown.js';

const job = (overrides: Record<string, unknown> = {}) =>
  ({
    kind: 'job',
    metadata: { id: 'job-1', name: 'search', create_time: 1_700_000_000_000 },
    status: { phase: 'Completed', start_time: 1_700_000_060_000, duration: 120_000 },
    algorithm: {
      policies: {
        auto_search: {
          reward_attrs: [{ name: 'acc', mode: 'max' }],
          algo_configs: [
            {
              name: 'bayes_opt_search',
              params: [
                { key: 'max_concurrent', value: '2' },
                { key: 'num_samples', value: '12' },
              ],
            },
          ],
        },
      },
    },
    ...overrides,
  }) as never;

const pathOf = fieldPathOf;

describe('status words', () => {
  it('reads every job phase in any case, and every Ray trial state', () => {
    const phases = [
      'Creating',
      'Pending',
      'RUNNING',
      ' completed ',
      'Failed',
      'Abnormal',
      'Terminating',
      'Terminated',
    ];
    expect(phases.map(experimentStatus)).toEqual([
      'pending',
      'pending',
      'running',
      'completed',
      'failed',
      'failed',
      'stopping',
      'stopped',
    ]);
    expect(phases.map(jobStatus)).toEqual(phases.map(experimentStatus));
    expect([experimentStatus('Paused'), jobStatus(null), experimentStatus(undefined)]).toEqual([
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(['PENDING', 'Running', 'PAUSED', 'TERMINATED', 'ERROR', 'gone', null].map(trialStatus)).toEqual([
      'pending',
      'running',
      'pending',
      'completed',
      'failed',
      'unknown',
      'unknown',
    ]);
  });
});

describe('metric columns', () => {
  it('leaves out every column Ray and pandas write for themselves, and flattened hyperparameters', () => {
    const bookkeeping = [
      '',
      'index',
      'Unnamed: 0',
      'done',
      'pid',
      'config',
      'trial_id',
      'trial_index',
      'training_iteration',
      'time_total_s',
      'worker_index',
      'reward_attr',
      'status',
      'best_reward',
      'timestamp',
      'date',
      'hostname',
      'node_ip',
      'time_this_iter_s',
      'timesteps_total',
      'episodes_total',
      'experiment_id',
      'iterations_since_restore',
      'time_since_restore',
      'timesteps_since_restore',
      'experiment_tag',
      'logdir',
      'config/lr',
      'param/lr',
    ];
    expect(bookkeeping.filter(isMetricColumn)).toEqual([]);
    expect(
      ['acc', 'loss', 'configuration', 'parameters', 'Index', 'my/config/x'].filter(isMetricColumn),
    ).toEqual(['acc', 'loss', 'configuration', 'parameters', 'Index', 'my/config/x']);
  });
});

describe('a search job read as an experiment and as a training job', () => {
  it('dates the job: absent for 0 or blank, an end only once ended', () => {
    const read = experimentFromJob(job());
    expect([read.createdAt, read.startedAt, read.endedAt]).toEqual([
      new Date(1_700_000_000_000),
      new Date(1_700_000_060_000),
      new Date(1_700_000_180_000),
    ]);
    const running = experimentFromJob(job({ status: { phase: 'Running', start_time: 1, duration: 5 } }));
    expect([running.startedAt, running.endedAt]).toEqual([new Date(1), undefined]);
    const unset = experimentFromJob(
      job({
        metadata: { id: 'j', create_time: '0' },
        status: { phase: 'Failed', start_time: '', duration: '' },
      }),
    );
    expect([unset.createdAt, unset.startedAt, unset.endedAt, unset.name]).toEqual([
      undefined,
      undefined,
      undefined,
      'j',
    ]);
    const odd = experimentFromJob(
      job({
        metadata: { id: 'j', create_time: 'NaN' },
        status: { phase: 'Completed', start_time: -5, duration: 'NaN' },
      }),
    );
    expect([odd.createdAt, odd.startedAt, odd.endedAt]).toEqual([undefined, undefined, undefined]);
    const started = trainingJobFromJob(
      job({ status: { phase: 'Terminated', start_time: 10, duration: '90' } }),
    );
    expect([started.status, started.endedAt]).toEqual(['stopped', new Date(100)]);
  });

  it('names a malformed time or duration', () => {
    expect(pathOf(() => experimentFromJob(job({ metadata: { id: 'j', create_time: 'soon' } })))).toBe(
      'metadata.create_time',
    );
    expect(pathOf(() => experimentFromJob(job({ status: { phase: 'Running', start_time: 'soon' } })))).toBe(
      'status.start_time',
    );
    expect(
      pathOf(() =>
        trainingJobFromJob(job({ status: { phase: 'Running', start_time: 1, duration: 'long' } })),
      ),
    ).toBe('status.duration');
  });

  it('says why a failed job failed, task by task, and nothing for one that did not fail', () => {
    const tasks = [{ task: 'worker-0', message: 'OOM' }, { message: 'disk full' }, { task: 'worker-1' }];
    expect(experimentFromJob(job({ status: { phase: 'Failed', task_statuses: tasks } })).failureReason).toBe(
      'worker-0: OOM; disk full',
    );
    expect(
      trainingJobFromJob(job({ status: { phase: 'Abnormal', task_statuses: [{ task: 'w' }] } }))
        .failureReason,
    ).toBe(undefined);
    expect(
      experimentFromJob(job({ status: { phase: 'Completed', task_statuses: tasks } })).failureReason,
    ).toBe(undefined);
  });

  it('reads the objective, the algorithm settings and the time limit, loosely spelled or absent', () => {
    const read = experimentFromJob(job({ spec: { auto_stop: { time_unit: 'Hours', duration: '2' } } }));
    expect([read.objective, read.algorithm, read.limits]).toEqual([
      { metric: 'acc', direction: 'maximize' },
      'bayes_opt_search',
      { maxTrials: 12, maxParallelTrials: 2, maxRuntimeSeconds: 7200 },
    ]);
    const auto = (reward: unknown, params: unknown[] = []) =>
      experimentFromJob(
        job({
          algorithm: { policies: { auto_search: { reward_attrs: [reward], algo_configs: [{ params }] } } },
          spec: { auto_stop: { time_unit: 'MINUTES', duration: 30 } },
        }),
      );
    expect(auto({ name: 'loss', mode: ' MINIMIZE ' }).objective).toEqual({
      metric: 'loss',
      direction: 'minimize',
    });
    expect(auto({ name: 'loss', mode: 'MIN' }).objective?.direction).toBe('minimize');
    expect(auto({ name: 'acc', mode: 'Maximize' }).objective?.direction).toBe('maximize');
    expect(auto({ name: 'acc', mode: 'sideways' }).objective).toBeUndefined();
    expect(auto({ name: '', mode: 'max' }).objective).toBeUndefined();
    const blank = auto({ name: 'acc', mode: 'max' }, [{ key: 'num_samples', value: '' }]);
    expect(blank.limits).toEqual({
      maxTrials: undefined,
      maxParallelTrials: undefined,
      maxRuntimeSeconds: undefined,
    });
    expect(
      pathOf(() =>
        auto({ name: 'acc' }, [
          { key: 'x', value: '1' },
          { key: 'num_samples', value: 'many' },
        ]),
      ),
    ).toBe('algorithm.policies.auto_search.algo_configs.0.params.1.value');
    expect(
      pathOf(() => experimentFromJob(job({ spec: { auto_stop: { time_unit: 'hours', duration: 'long' } } }))),
    ).toBe('spec.auto_stop.duration');
    expect(
      experimentFromJob(job({ spec: { auto_stop: { time_unit: 'hours', duration: null } } })).limits
        .maxRuntimeSeconds,
    ).toBe(undefined);
  });

  it('gives the job’s fixed arguments as its hyperparameters, skipping empty ones, __proto__ as a member', () => {
    const read = trainingJobFromJob(
      job({
        algorithm: {
          parameters: [
            { name: 'epochs', value: '10' },
            { name: 'none', value: null },
            { name: '', value: 'x' },
            { name: '__proto__', value: 'p' },
          ],
        },
      }),
    );
    expect(Object.keys(read.hyperParameters)).toEqual(['epochs', '__proto__']);
    expect(Object.hasOwn(read.hyperParameters, '__proto__')).toBe(true);
  });

  it('keeps the reward name for trials when its mode cannot be read', () => {
    const context = (reward: unknown) =>
      trialContext(job({ algorithm: { policies: { auto_search: { reward_attrs: [reward] } } } }));
    expect(context({ name: 'acc', mode: 'sideways' })).toEqual({
      experimentId: 'job-1',
      objective: undefined,
      objectiveMetric: 'acc',
    });
    expect(context({ name: '', mode: 'sideways' }).objectiveMetric).toBeUndefined();
    expect(context({ name: 'acc', mode: 'max' }).objectiveMetric).toBe('acc');
  });
});

describe('trials read from the table', () => {
  const header = [
    'trial_id',
    'status',
    'done',
    'training_iteration',
    'best_reward',
    'reward_attr',
    'acc',
    'config',
  ];
  const row = (cells: Partial<Record<string, unknown>>) => header.map((h) => (h in cells ? cells[h] : ''));

  it('takes the status word, else done, else unknown', () => {
    const trials = trialsFromTable(
      {
        header,
        data: [
          row({ trial_id: 'a', status: 'ERROR' }),
          row({ trial_id: 'b', done: 'True' }),
          row({ trial_id: 'c', done: 'False' }),
          row({ trial_id: 'd', status: '  ' }),
        ],
      } as never,
      { experimentId: 'j' },
    );
    expect(trials.map((t) => [t.id, t.status, t.providerStatus])).toEqual([
      ['a', 'failed', 'ERROR'],
      ['b', 'completed', ''],
      ['c', 'running', ''],
      ['d', 'unknown', '  '],
    ]);
  });

  it('takes the best reward when finite, else the current one, named by the context or "reward"', () => {
    const objective = (best: unknown, current: unknown, context: Record<string, unknown> = {}) =>
      trialsFromTable(
        { header, data: [row({ trial_id: 't', best_reward: best, reward_attr: current })] } as never,
        {
          experimentId: 'j',
          ...context,
        },
      )[0]?.objective;
    expect(objective('0.7', '0.5', { objectiveMetric: 'acc' })).toEqual({ metric: 'acc', value: 0.7 });
    expect(objective('nan', '0.5', { objective: { metric: 'f1', direction: 'maximize' } })).toEqual({
      metric: 'f1',
      value: 0.5,
    });
    expect(objective('-inf', '')).toEqual({ metric: 'reward', value: Number.NEGATIVE_INFINITY });
    expect(objective('', '')).toBeUndefined();
  });

  it('names a row without a trial id, and uses the trial asked for when the table has none', () => {
    expect(
      pathOf(() =>
        trialsFromTable({ header, data: [row({ trial_id: ' ' })] } as never, { experimentId: 'j' }),
      ),
    ).toBe('items.data.0.trial_id');
    const only = trialFromRows({ header: ['acc'], data: [['0.5']] } as never, {
      experimentId: 'j',
      trialId: 'asked',
    });
    expect(only.id).toBe('asked');
  });

  it('takes the latest report by training_iteration, the later row on a tie or without one', () => {
    const read = (data: unknown[][]) =>
      trialFromRows({ header, data } as never, { experimentId: 'j' }).objective?.value;
    expect(
      read([
        row({ trial_id: 't', training_iteration: '1', reward_attr: '0.1' }),
        row({ trial_id: 't', training_iteration: '3', reward_attr: '0.3' }),
        row({ trial_id: 't', training_iteration: '2', reward_attr: '0.2' }),
      ]),
    ).toBe(0.3);
    expect(
      read([
        row({ trial_id: 't', training_iteration: '2', reward_attr: '0.1' }),
        row({ trial_id: 't', training_iteration: '2', reward_attr: '0.2' }),
      ]),
    ).toBe(0.2);
    expect(
      read([row({ trial_id: 't', reward_attr: '0.1' }), row({ trial_id: 't', reward_attr: '0.4' })]),
    ).toBe(0.4);
    expect(
      read([
        row({ trial_id: 't', training_iteration: '5', reward_attr: '0.5' }),
        row({ trial_id: 't', reward_attr: '0.6' }),
      ]),
    ).toBe(0.6);
  });

  it('gives every numeric metric cell a point at its iteration', () => {
    const trial = trialFromRows(
      {
        header,
        data: [
          row({ trial_id: 't', training_iteration: '1', acc: '0.5' }),
          row({ trial_id: 't', training_iteration: '2', acc: 'n/a' }),
          row({ trial_id: 't', acc: '0.9' }),
        ],
      } as never,
      { experimentId: 'j' },
    );
    expect(trial.metrics).toEqual([
      { name: 'acc', value: 0.5, step: 1 },
      { name: 'acc', value: 0.9, step: undefined },
    ]);
  });

  it('reads an empty single-trial answer as the pending trial asked for, or names what is missing', () => {
    expect(
      trialFromRows({ header: ['acc'], data: [] } as never, { experimentId: 'j', trialId: 't9' }),
    ).toEqual({
      provider: 'modelarts',
      id: 't9',
      experimentId: 'j',
      status: 'pending',
      providerStatus: '',
      hyperParameters: {},
      metrics: [],
      raw: { header: ['acc'], rows: [] },
    });
    expect(pathOf(() => trialFromRows({ header: [], data: [] } as never, { experimentId: 'j' }))).toBe(
      'data',
    );
    expect(
      pathOf(() => trialFromRows({ header: [], data: [] } as never, { experimentId: 'j' }, 'answer')),
    ).toBe('answer.data');
  });
});
