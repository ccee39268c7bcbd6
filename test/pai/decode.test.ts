// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/** The decoding rules for what PAI sends, each both ways where PAI may send either. */
import { describe, expect, it } from 'vitest';
import { FieldFormatError } from '../../src/core/fields.js';
import { ResponseFormatError } from '../../src/index.js';
import {
  finalMetric,
  iniObject,
  metricEntries,
  notedObjective,
  optionalBoolean,
  optionalTime,
  searchSpaceObject,
  trialStatusCounts,
  withObjectiveNote,
  yamlObject,
} from '../../src/providers/pai/decode.js';
import {
  experimentFromWire,
  experimentStatus,
  trialFromWire,
  trialStatus,
} from '../../src/providers/pai/normalize.js';
import { hyperParametersFromPai, hyperParametersToPai } from '../../src/providers/pai/search-space.js';
import { readHpoExperiment, readHpoTrial } from '../../src/providers/pai/views.js';
import { client, experimentItem, failure, on, trialItem, usePaiServer } from './helpers/env.js';

const env = usePaiServer();

function fieldError(fn: () => unknown): FieldFormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FieldFormatError) return error;
    throw error;
  }
  throw new Error('expected a FieldFormatError');
}

describe('JSON packed in strings', () => {
  it('Hyperparam, Metric and JobMeta read the same as text and as parsed values', () => {
    const parsed = {
      TrialId: 't1',
      Hyperparam: { '${lr}': 0.01, '${opt}': 'adam' },
      Metric: [
        { default: 0.5, type: 'PERIODICAL' },
        { default: 0.7, type: 'FINAL' },
      ],
      JobMeta: { nni_trial_id: 'ZLeAM', nni_exp_id: 'sy9zkpvc', nni_trial_sequence_id: 0 },
    };
    const text = {
      TrialId: 't1',
      Hyperparam: JSON.stringify(parsed.Hyperparam),
      Metric: JSON.stringify(parsed.Metric),
      JobMeta: JSON.stringify(parsed.JobMeta),
    };
    const { raw: _a, ...fromParsed } = trialFromWire(parsed);
    const { raw: _b, ...fromText } = trialFromWire(text);
    expect(fromText).toEqual(fromParsed);
    expect(fromParsed.hyperParameters).toEqual({ lr: 0.01, opt: 'adam' });
    expect(readHpoTrial(text).jobMeta).toEqual(parsed.JobMeta);
    expect(readHpoTrial(text).metricEntries).toEqual(parsed.Metric);
  });

  it('SearchSpace reads from JSON text, a Python-style literal and an object alike', () => {
    const object = { '${lr}': { _type: 'uniform', _value: [0.1, 0.5] } };
    const json = JSON.stringify(object);
    const python = "{'${lr}': {'_type': 'uniform', '_value': [0.1, 0.5]}}";
    for (const form of [object, json, python]) {
      expect(experimentFromWire({ ExperimentId: 'e', SearchSpace: form }).searchSpace).toEqual({
        spec: { lr: { kind: 'float', low: 0.1, high: 0.5, scale: 'linear' } },
        losses: [],
      });
    }
    expect(searchSpaceObject('', 'SearchSpace')).toBeUndefined();
    expect(fieldError(() => searchSpaceObject('{lr: [', 'SearchSpace')).path).toBe('SearchSpace');
  });

  it('HpoExperimentConfiguration is an object, and text of one is read too', () => {
    const configuration = { yml_config: { max_trial_number: 7, trial_concurrency: '3' } };
    for (const form of [configuration, JSON.stringify(configuration)]) {
      expect(
        experimentFromWire({ ExperimentId: 'e', HpoExperimentConfiguration: form } as never).limits,
      ).toEqual({
        maxTrials: 7,
        maxParallelTrials: 3,
      });
    }
  });

  it('maps trial hyperparameters from ${name} keys to plain names and back', () => {
    expect(hyperParametersFromPai({ '${lr}': 0.1, batch: 32, '${flag}': true })).toEqual({
      lr: 0.1,
      batch: 32,
      flag: true,
    });
    expect(hyperParametersToPai({ lr: 0.1, '${batch}': 32 })).toEqual({ '${lr}': 0.1, '${batch}': 32 });
  });

  it('reads a nested choice as its branch name and the branch values; other structures stay JSON text', () => {
    expect(
      hyperParametersFromPai({
        '${opt}': { _name: 'sgd', '${momentum}': 0.9, '${lr}': 0.2 },
        '${lr}': 0.1,
        '${layers}': [1, 2],
        '${none}': null,
      }),
    ).toEqual({ opt: 'sgd', momentum: 0.9, 'opt.sgd.lr': 0.2, lr: 0.1, layers: '[1,2]' });
  });
});

describe('FinalMetric', () => {
  it('is read as a bare number, number text, a FINAL entry and that entry as JSON text', () => {
    const entry = { default: 0.087745, type: 'FINAL', 'val_loss=([0-9\\.]+)': 0.087745 };
    expect(finalMetric(9999.2, 'FinalMetric')).toBe(9999.2);
    expect(finalMetric('9999.2', 'FinalMetric')).toBe(9999.2);
    expect(finalMetric(' 1e-3 ', 'FinalMetric')).toBe(0.001);
    expect(finalMetric(entry, 'FinalMetric')).toBe(0.087745);
    expect(finalMetric(JSON.stringify(entry), 'FinalMetric')).toBe(0.087745);
    expect(finalMetric('"0.25"', 'FinalMetric')).toBe(0.25);
    expect(finalMetric({ default: '0.5' }, 'FinalMetric')).toBe(0.5);
    expect(finalMetric('NaN', 'FinalMetric')).toBeNaN();
  });

  it('is absent when empty, and a malformed one names the field', () => {
    for (const empty of [undefined, null, '', '  '])
      expect(finalMetric(empty, 'FinalMetric')).toBeUndefined();
    expect(fieldError(() => finalMetric('abc', 'Trials.2.FinalMetric')).path).toBe('Trials.2.FinalMetric');
    expect(fieldError(() => finalMetric({ type: 'FINAL' }, 'FinalMetric')).path).toBe('FinalMetric');
    expect(fieldError(() => finalMetric({ default: 'x' }, 'FinalMetric')).path).toBe('FinalMetric.default');
    expect(fieldError(() => finalMetric('[1]', 'FinalMetric')).path).toBe('FinalMetric');
    expect(fieldError(() => finalMetric('{"default":', 'FinalMetric')).path).toBe('FinalMetric');
  });

  it('comes from the FINAL entry of Metric when PAI leaves FinalMetric out, and is listed when Metric lacks it', () => {
    const fromMetric = trialFromWire({
      TrialId: 't',
      Metric: '[{"default": 1}, {"default": 3, "type": "FINAL"}]',
    });
    expect(fromMetric.objective).toEqual({ metric: 'default', value: 3 });
    const fromField = trialFromWire({
      TrialId: 't',
      Metric: '[{"default": 1, "type": "PERIODICAL"}]',
      FinalMetric: 2,
    });
    expect(fromField.objective).toEqual({ metric: 'default', value: 2 });
    expect(fromField.metrics).toEqual([
      { name: 'default', value: 1, step: 0, final: false },
      { name: 'default', value: 2, final: true },
    ]);
    expect(trialFromWire({ TrialId: 't' }).objective).toBeUndefined();
  });
});

describe('Metric', () => {
  it('keeps regular-expression metric names as written, and every entry in order', () => {
    const regex = 'val_loss=([0-9\\.]+)';
    const trial = trialFromWire({
      TrialId: 't',
      Metric: JSON.stringify([{ [regex]: '0.5' }, { [regex]: 0.25, type: 'FINAL' }]),
    });
    expect(trial.metrics).toEqual([
      { name: regex, value: 0.5, step: 0, final: false },
      { name: regex, value: 0.25, step: 1, final: true },
    ]);
  });

  it('names a malformed entry or value', () => {
    expect(metricEntries({ default: 1 }, 'Metric')).toEqual([{ default: 1 }]);
    expect(fieldError(() => metricEntries('[1, 2]', 'Metric')).path).toBe('Metric.0');
    expect(
      fieldError(() => trialFromWire({ TrialId: 't', Metric: [{ default: 1 }, { auc: 'high' }] })).path,
    ).toBe('Metric.1.auc');
  });
});

describe('ConfigYml and ConfigIni', () => {
  it('parses the YAML file, and names malformed YAML', () => {
    expect(
      yamlObject(
        'tuner:\n  name: TPE\n  classArgs:\n    optimize_mode: minimize\nmaxTrialNumber: 10',
        'ConfigYml',
      ),
    ).toEqual({
      tuner: { name: 'TPE', classArgs: { optimize_mode: 'minimize' } },
      maxTrialNumber: 10,
    });
    expect(yamlObject('', 'ConfigYml')).toBeUndefined();
    expect(fieldError(() => yamlObject('tuner: [TPE', 'ConfigYml')).path).toBe('ConfigYml');
    expect(fieldError(() => yamlObject('just text', 'Experiments.1.ConfigYml')).path).toBe(
      'Experiments.1.ConfigYml',
    );
  });

  it('reads the YAML for algorithm, limits and direction when there is no JSON configuration', () => {
    const experiment = experimentFromWire({
      ExperimentId: 'e',
      ConfigYml:
        'trialConcurrency: 3\nmaxTrialNumber: 12\ntuner:\n  name: Evolution\n  classArgs:\n    optimize_mode: minimize',
    });
    expect(experiment).toMatchObject({
      algorithm: 'Evolution',
      limits: { maxTrials: 12, maxParallelTrials: 3 },
      objective: { metric: 'default', direction: 'minimize' },
    });
  });

  it('parses the INI file, masked secrets staying masked', () => {
    const ini =
      '[odps_config]\naccess_id=******\naccess_key=******\nproject_name=my_project\n[oss_config]\naccessKeySecret=***\nendpoint=oss-cn-beijing.aliyuncs.com';
    expect(iniObject(ini, 'ConfigIni')).toEqual({
      odps_config: { access_id: '******', access_key: '******', project_name: 'my_project' },
      oss_config: { accessKeySecret: '***', endpoint: 'oss-cn-beijing.aliyuncs.com' },
    });
    expect(readHpoExperiment({ ExperimentId: 'e', ConfigIni: ini }).configIni).toMatchObject({
      odps_config: { access_key: '******' },
    });
  });
});

describe('times, Deleted and TrialStatus', () => {
  it('reads YYYY-MM-DD HH:mm:ss as UTC, ISO text as given, and names a bad time', () => {
    expect(optionalTime('2024-01-02 12:34:56', 'GmtCreateTime')).toEqual(new Date('2024-01-02T12:34:56Z'));
    expect(optionalTime('2023-06-07T13:17:13Z', 'GmtCreateTime')).toEqual(new Date('2023-06-07T13:17:13Z'));
    expect(optionalTime('', 'GmtCreateTime')).toBeUndefined();
    expect(fieldError(() => optionalTime('2024/01/02', 'Trials.0.GmtCreateTime')).path).toBe(
      'Trials.0.GmtCreateTime',
    );
  });

  it('reads Deleted as a boolean or 0/1', () => {
    const cases: [unknown, boolean][] = [
      [true, true],
      [false, false],
      [1, true],
      [0, false],
      ['1', true],
      ['0', false],
      ['True', true],
    ];
    for (const [value, expected] of cases) expect(optionalBoolean(value, 'Deleted')).toBe(expected);
    expect(fieldError(() => optionalBoolean('maybe', 'Deleted')).path).toBe('Deleted');
  });

  it('reads TrialStatus as a map of numbers or number text, or as JSON or Python-style text', () => {
    const expected = { FINISHED: 3, RUNNING: 1 };
    for (const form of [
      { FINISHED: 3, RUNNING: 1 },
      { FINISHED: '3', RUNNING: '1' },
      '{"FINISHED": 3, "RUNNING": 1}',
      "{'FINISHED': 3, 'RUNNING': 1}",
      "{‘FINISHED':3, 'RUNNING':1}",
      { key: "{'FINISHED':3, 'RUNNING':1}" },
    ]) {
      expect(trialStatusCounts(form, 'TrialStatus')).toEqual(expected);
    }
    expect(trialStatusCounts('', 'TrialStatus')).toBeUndefined();
    expect(fieldError(() => trialStatusCounts({ FINISHED: 'many' }, 'TrialStatus')).path).toBe(
      'TrialStatus.FINISHED',
    );
    expect(fieldError(() => trialStatusCounts('FINISHED=3', 'TrialStatus')).path).toBe('TrialStatus');
  });

  it('counts trials by neutral status, total from TrialCount else the sum', () => {
    const counts = (TrialStatus: unknown, TrialCount?: unknown) =>
      experimentFromWire({ ExperimentId: 'e', TrialStatus, TrialCount } as never).trialCounts;
    expect(counts({ SUCCEEDED: 2, FINISHED: 1, USER_CANCELED: 1, SYS_CANCELED: 2, WAITING: 4 })).toEqual({
      completed: 3,
      stopped: 3,
      pending: 4,
      total: 10,
    });
    expect(counts({ RUNNING: 1 }, '5')).toEqual({ running: 1, total: 5 });
    expect(counts(undefined)).toEqual({ total: undefined });
  });
});

describe('statuses', () => {
  it('maps every documented experiment status, and any other word to unknown', () => {
    expect(
      [
        'CREATED',
        'WAITING',
        'RUNNING',
        'NO_MORE_TRIAL',
        'FINISHED',
        'FAILED',
        'EARLY_STOPPED',
        'USER_CANCELED',
        'SYS_CANCELED',
        'UNKNOWN',
        'PAUSED',
        '',
      ].map(experimentStatus),
    ).toEqual([
      'pending',
      'pending',
      'running',
      'running',
      'completed',
      'failed',
      'stopped',
      'stopped',
      'stopped',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('maps every documented trial status (FINISHED too), and any other word to unknown', () => {
    expect(
      [
        'UNKNOWN',
        'RUNNING',
        'WAITING',
        'EARLY_STOPPED',
        'SUCCEEDED',
        'FINISHED',
        'FAILED',
        'USER_CANCELED',
        'SYS_CANCELED',
        'running',
        'TO_BE_RESUMED',
      ].map(trialStatus),
    ).toEqual([
      'unknown',
      'running',
      'pending',
      'early_stopped',
      'completed',
      'completed',
      'failed',
      'stopped',
      'stopped',
      'running',
      'unknown',
    ]);
  });

  it('keeps the word PAI sent and the untouched answer, and dates the end of an ended trial', () => {
    const item = trialItem('t1', { Status: 'EARLY_STOPPED' });
    const copy = structuredClone(item);
    const trial = trialFromWire(item as never);
    expect(trial).toMatchObject({ status: 'early_stopped', providerStatus: 'EARLY_STOPPED' });
    expect(trial.raw).toBe(item);
    expect(item).toEqual(copy);
    expect(trial.endedAt).toEqual(new Date('2024-01-02T13:00:00Z'));
    expect(trialFromWire(trialItem('t2', { Status: 'RUNNING' }) as never).endedAt).toBeUndefined();
  });

  it('dates the end of every trial nothing follows, and of no other', () => {
    const ended = (Status: string) =>
      trialFromWire(trialItem('t', { Status }) as never).endedAt !== undefined;
    const words = ['SUCCEEDED', 'FINISHED', 'FAILED', 'EARLY_STOPPED', 'USER_CANCELED', 'SYS_CANCELED'];
    for (const word of words) expect([word, ended(word)]).toEqual([word, true]);
    for (const word of ['WAITING', 'RUNNING', 'UNKNOWN', 'SOMETHING_NEW'])
      expect([word, ended(word)]).toEqual([word, false]);
  });
});

describe('a malformed field over the wire', () => {
  it('is a ResponseFormatError naming the field, with the operation and request id', async () => {
    env.server.use(
      on('get', '/hpo/experiment/e1/trial/t1', {
        RequestId: 'RID-7',
        ...trialItem('t1', { ExperimentId: 'e1', Hyperparam: '{"${lr}": ' }),
      }),
      on('get', '/hpo/experiment/e1', experimentItem('e1')),
    );
    const error = await failure(client().trials.get('e1', 't1'));
    expect(ResponseFormatError.is(error)).toBe(true);
    expect(error).toMatchObject({
      path: 'Hyperparam',
      operation: 'GetHpoTrial',
      requestId: 'RID-7',
      retryable: false,
    });
    expect(error.message).toBe('GetHpoTrial: Hyperparam: expected JSON text, got "{"${lr}": "');
  });

  it('in a listing names the item', async () => {
    env.server.use(
      on('get', '/hpo/experiment/e1/trials', {
        TotalCount: 2,
        Trials: [trialItem('t1'), trialItem('t2', { FinalMetric: 'high' })],
      }),
      on('get', '/hpo/experiment/e1', experimentItem('e1')),
    );
    const error = await failure(client().trials.list('e1').toArray());
    expect(error).toMatchObject({ name: 'ResponseFormatError', path: 'Trials.1.FinalMetric' });
  });

  it('that breaks the structure is named by the wire schema', async () => {
    env.server.use(
      on('get', '/hpo/experiments', {
        TotalCount: 1,
        Experiments: [experimentItem('e1', { TrialCount: { n: 1 } })],
      }),
    );
    const error = await failure(client().experiments.list().toArray());
    expect(error).toMatchObject({ name: 'ResponseFormatError', path: 'Experiments.0.TrialCount' });
  });
});

describe('the objective note in a description', () => {
  it('is written as the last line and read back from the last line only', () => {
    expect(withObjectiveNote(undefined, 'validation:auc')).toBe('[crosstune] objective: validation:auc');
    expect(withObjectiveNote('', 'f1')).toBe('[crosstune] objective: f1');
    const noted = withObjectiveNote('mine\n[crosstune] objective: old', 'new');
    expect(notedObjective(noted)).toBe('new');
    expect(notedObjective('[crosstune] objective: auc\nedited below')).toBeUndefined();
    expect(notedObjective('[crosstune] objective: ')).toBeUndefined();
    expect(notedObjective('objective: auc')).toBeUndefined();
    expect(notedObjective(undefined)).toBeUndefined();
    expect(notedObjective(null)).toBeUndefined();
  });

  it('names the objective of an experiment read back, before metric_dict', () => {
    const item = experimentItem('e1', {
      Description: 'sweep\n[crosstune] objective: validation:auc',
      HpoExperimentConfiguration: {
        metric_config: { metric_dict: { 'auc=([0-9.]+)': 1 } },
        yml_config: { tuner: { name: 'TPE', class_args: { optimize_mode: 'maximize' } } },
      },
    });
    expect(experimentFromWire(item as never).objective).toEqual({
      metric: 'validation:auc',
      direction: 'maximize',
    });
    const { Description: _gone, ...plain } = item;
    expect(experimentFromWire(plain as never).objective?.metric).toBe('auc=([0-9.]+)');
  });
});
