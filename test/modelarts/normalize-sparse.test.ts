/**
 * A ModelArts search job that leaves things out (no status, no algorithm, empty lists, nulls) read
 * as an experiment, a training job and a trial context: nothing invented, nothing refused; and how
 * long a job ran, from what its status says.
 */
import { describe, expect, it } from 'vitest';
import {
  experimentFromJob,
  trainingJobFromJob,
  trialContext,
} from '../../src/providers/modelarts/normalize.js';

const job = (overrides: Record<string, unknown> = {}) =>
  ({
    kind: 'job',
    metadata: { id: 'job-1', name: 'search', create_time: 1_700_000_000_000 },
    ...overrides,
  }) as never;
const autoSearch = (auto_search: unknown) => job({ algorithm: { policies: { auto_search } } });

describe('a job without status, algorithm or resources', () => {
  it('reads as a training job with no status word, no fixed arguments and no usage', () => {
    const read = trainingJobFromJob(job({ spec: {} }));
    expect([read.status, read.providerStatus, read.hyperParameters, read.usage]).toEqual([
      'unknown',
      '',
      {},
      undefined,
    ]);
    expect(trialContext(job())).toEqual({
      experimentId: 'job-1',
      objective: undefined,
      objectiveMetric: undefined,
    });
  });

  it('reads empty algorithm lists and null settings as no setting', () => {
    const empty = experimentFromJob(autoSearch({ algo_configs: [], reward_attrs: [] }));
    expect([empty.algorithm, empty.limits.maxTrials, empty.objective]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(trialContext(autoSearch({ reward_attrs: [] })).objectiveMetric).toBeUndefined();
    expect(trialContext(autoSearch({})).objectiveMetric).toBeUndefined();
    const nulls = experimentFromJob(
      autoSearch({ algo_configs: [{ params: [{ key: 'num_samples', value: null }] }] }),
    );
    expect(nulls.limits.maxTrials).toBeUndefined();
    const noDuration = experimentFromJob(job({ spec: { auto_stop: { time_unit: 'HOURS' } } }));
    expect(noDuration.limits.maxRuntimeSeconds).toBeUndefined();
  });

  it('leaves out a fixed argument without a value', () => {
    expect(
      trainingJobFromJob(job({ algorithm: { parameters: [{ name: 'a' }] } })).hyperParameters,
    ).toStrictEqual({});
  });

  it('names a search parameter without a name by its place', () => {
    const read = experimentFromJob(autoSearch({ search_params: [{ name: '', param_type: 'continuous' }] }));
    expect(read.searchSpace?.losses.map((l) => [l.param, l.kind])).toEqual([
      ['algorithm.policies.auto_search.search_params.0', 'dropped-parameter'],
    ]);
  });
});

describe('times and usage', () => {
  const status = (s: Record<string, unknown>, spec: unknown = { resource: { flavor_id: 'gpu.p1' } }) =>
    trainingJobFromJob(job({ status: s, spec }));

  it('reads an infinite time as none, and a null duration as an end not known', () => {
    expect(
      experimentFromJob(job({ metadata: { id: 'j', create_time: 'Infinity' } })).createdAt,
    ).toBeUndefined();
    const ended = status({ phase: 'Completed', start_time: 1000, duration: null });
    expect([ended.startedAt, ended.endedAt]).toEqual([new Date(1000), undefined]);
  });

  it('gives the run time in seconds when it is a finite number, 0 included, with the flavor', () => {
    expect(status({ phase: 'Running', duration: 0 }).usage).toEqual({
      durationSeconds: 0,
      instanceType: 'gpu.p1',
      derived: [],
    });
    for (const duration of [-5, 'inf', undefined]) {
      expect(status({ phase: 'Running', duration }).usage).toEqual({ instanceType: 'gpu.p1', derived: [] });
    }
    expect(status({ phase: 'Running', duration: 1500 }, {}).usage).toEqual({
      durationSeconds: 1.5,
      derived: [],
    });
  });

  it('gives a failure reason only for a failed job', () => {
    const tasks = [{ task: 'worker-0', message: 'exited' }];
    expect(status({ phase: 'Completed', task_statuses: tasks }).failureReason).toBeUndefined();
    expect(status({ phase: 'Failed', task_statuses: tasks }).failureReason).toBe('worker-0: exited');
  });
});
