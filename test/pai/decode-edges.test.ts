// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * PAI's lenient readers at their edges: what each one refuses and the words it uses, values
 * that are nearly right (blank, null, a list where an object belongs), statuses spelled loosely,
 * where the direction and the limits are found, and what stopping a trial answered.
 */
import { describe, expect, it } from 'vitest';
import { FieldFormatError } from '../../src/core/fields.js';
import {
  finalMetric,
  iniObject,
  jsonObject,
  metricEntries,
  optionalText,
  searchSpaceObject,
  trialStatusCounts,
  yamlObject,
} from '../../src/providers/pai/decode.js';
import {
  experimentFromWire,
  experimentObjective,
  experimentStatus,
  stopResults,
  trainingJobFromTrial,
  trialFromWire,
  trialStatus,
} from '../../src/providers/pai/normalize.js';
import { thrown } from '../helpers/thrown.js';
import { trialItem } from './helpers/env.js';

/** The message of the FieldFormatError `fn` throws. */
function refusal(fn: () => unknown): string {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(FieldFormatError);
  return (error as Error).message;
}

describe('what each reader refuses, in its words', () => {
  it('JSON objects and metric entries', () => {
    expect(refusal(() => jsonObject('[1, 2]', 'HpoExperimentConfiguration'))).toBe(
      'HpoExperimentConfiguration: expected a JSON object, got "[1, 2]"',
    );
    expect(refusal(() => jsonObject(5, 'JobMeta'))).toBe('JobMeta: expected a JSON object, got 5');
    expect(jsonObject('null', 'JobMeta')).toBeUndefined();
    expect(jsonObject(null, 'JobMeta')).toBeUndefined();
    expect(jsonObject(' ', 'JobMeta')).toBeUndefined();
    expect(refusal(() => metricEntries('[{"default": 1}, 2]', 'Metric'))).toBe(
      'Metric.1: expected a metric entry (an object), got 2',
    );
    expect(metricEntries('null', 'Metric')).toEqual([]);
    expect(metricEntries({ default: 1 }, 'Metric')).toEqual([{ default: 1 }]);
  });

  it('FinalMetric', () => {
    expect(refusal(() => finalMetric({ value: 1 }, 'FinalMetric'))).toBe(
      'FinalMetric: expected a FINAL metric entry with a "default" value, got an object',
    );
    expect(refusal(() => finalMetric([1], 'FinalMetric'))).toBe(
      'FinalMetric: expected a number, JSON text or a FINAL metric entry, got an array',
    );
    expect(refusal(() => finalMetric(true, 'FinalMetric'))).toBe(
      'FinalMetric: expected a number, JSON text or a FINAL metric entry, got true',
    );
    // Text opening like JSON is read as JSON; other text as a number.
    expect(finalMetric(' "0.25" ', 'FinalMetric')).toBe(0.25);
    expect(refusal(() => finalMetric('[0.25]', 'FinalMetric'))).toBe(
      'FinalMetric: expected a number, JSON text or a FINAL metric entry, got an array',
    );
    expect(refusal(() => finalMetric('x{"default": 1}', 'FinalMetric'))).toBe(
      'FinalMetric: expected a number, got "x{"default": 1}"',
    );
  });

  it('TrialStatus and SearchSpace', () => {
    expect(refusal(() => trialStatusCounts('[1]', 'TrialStatus'))).toBe(
      'TrialStatus: expected a map of trial status to count, got "[1]"',
    );
    expect(refusal(() => trialStatusCounts('{nope', 'TrialStatus'))).toBe(
      'TrialStatus: expected JSON text or a Python-style literal, got "{nope"',
    );
    expect(trialStatusCounts({ RUNNING: null, FAILED: '', FINISHED: 2 }, 'TrialStatus')).toEqual({
      FINISHED: 2,
    });
    expect(trialStatusCounts({ key: ' {"RUNNING": 2}', other: { RUNNING: 1 } }, 'TrialStatus')).toEqual({
      RUNNING: 3,
    });
    expect(refusal(() => searchSpaceObject('[1]', 'SearchSpace'))).toBe(
      'SearchSpace: expected an NNI search space (an object), got "[1]"',
    );
    expect(refusal(() => searchSpaceObject(7, 'SearchSpace'))).toBe(
      'SearchSpace: expected an NNI search space (an object), got 7',
    );
  });

  it('YAML and INI', () => {
    expect(refusal(() => yamlObject(5, 'ConfigYml'))).toBe('ConfigYml: expected YAML text, got 5');
    expect(refusal(() => yamlObject('a: [', 'ConfigYml'))).toBe('ConfigYml: expected YAML text, got "a: ["');
    expect(refusal(() => yamlObject('- a\n- b', 'ConfigYml'))).toBe(
      'ConfigYml: expected a YAML mapping, got "- a\n- b"',
    );
    expect(yamlObject('~', 'ConfigYml')).toBeUndefined();
    expect(yamlObject('# only a comment', 'ConfigYml')).toBeUndefined();
    const parsed = { tuner: { name: 'TPE' } };
    expect(yamlObject(parsed, 'ConfigYml')).toBe(parsed);
    expect(refusal(() => iniObject(5, 'ConfigIni'))).toBe('ConfigIni: expected INI text, got 5');
    const ini = { section: { key: 'v' } };
    expect(iniObject(ini, 'ConfigIni')).toBe(ini);
    const read = iniObject('[a]\nk = v\n[a.b]\nx = 1', 'ConfigIni');
    expect(read).toEqual({ a: { k: 'v', b: { x: '1' } } });
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((read as { a: object }).a)).toBe(Object.prototype);
  });

  it('optional text', () => {
    expect([
      optionalText(undefined),
      optionalText(null),
      optionalText(''),
      optionalText(0),
      optionalText('x'),
    ]).toEqual([undefined, undefined, '', '0', 'x']);
  });
});

describe('statuses spelled loosely', () => {
  it('reads words in any case and with blanks, and nothing as unknown', () => {
    expect([experimentStatus(' running '), experimentStatus('Finished'), experimentStatus(null)]).toEqual([
      'running',
      'completed',
      'unknown',
    ]);
    expect([trialStatus(' succeeded\n'), trialStatus('early_stopped'), trialStatus(undefined)]).toEqual([
      'completed',
      'early_stopped',
      'unknown',
    ]);
    expect(experimentStatus('toString')).toBe('unknown');
  });
});

describe('where an experiment’s direction, metric and limits come from', () => {
  const yml = (assessor: string) => `assessor:\n  classArgs:\n    optimize_mode: ${assessor}\n`;

  it('takes the direction from the tuner, else the assessor, JSON configuration before YAML', () => {
    const fromConfigAssessor = experimentObjective({
      ExperimentId: 'e',
      HpoExperimentConfiguration: {
        yml_config: { assessor: { class_args: { optimize_mode: ' Minimize ' } } },
      },
    } as never);
    expect(fromConfigAssessor).toEqual({ metric: 'default', direction: 'minimize' });
    expect(experimentObjective({ ExperimentId: 'e', ConfigYml: yml('maximize') } as never)).toEqual({
      metric: 'default',
      direction: 'maximize',
    });
    expect(experimentObjective({ ExperimentId: 'e', ConfigYml: yml('sideways') } as never)).toBeUndefined();
    expect(experimentObjective({ ExperimentId: 'e' } as never)).toBeUndefined();
  });

  it('names the metric when metric_dict has one key, and names bad members by path', () => {
    const config = (metric_dict: unknown, extra: Record<string, unknown> = {}) => ({
      ExperimentId: 'e',
      HpoExperimentConfiguration: {
        yml_config: { tuner: { name: 'TPE', class_args: { optimize_mode: 'maximize' } }, ...extra },
        metric_config: { metric_dict },
      },
    });
    expect(experimentFromWire(config({ auc: 1 }) as never).objective).toEqual({
      metric: 'auc',
      direction: 'maximize',
    });
    expect(experimentFromWire(config({ a: 0.5, b: 0.5 }) as never).objective?.metric).toBe('default');
    expect(refusal(() => experimentFromWire(config('[1]') as never, 'Experiments.2.'))).toMatch(
      /^Experiments\.2\.HpoExperimentConfiguration\.metric_config\.metric_dict: expected a JSON object/,
    );
    expect(
      refusal(() => experimentFromWire(config({ auc: 1 }, { max_trial_number: 'many' }) as never, 'E.')),
    ).toMatch(/^E\.HpoExperimentConfiguration\.yml_config\.max_trial_number: /);
    expect(
      refusal(() =>
        experimentFromWire({ ExperimentId: 'e', ConfigYml: 'trialConcurrency: lots' } as never, 'E.'),
      ),
    ).toMatch(/^E\.ConfigYml\.trialConcurrency: /);
    expect(
      refusal(() =>
        experimentFromWire(
          { ExperimentId: 'e', HpoExperimentConfiguration: { search_space: '[1]' } } as never,
          'E.',
        ),
      ),
    ).toMatch(/^E\.HpoExperimentConfiguration\.search_space: /);
  });

  it('takes the algorithm name only when it is non-empty text', () => {
    const algorithm = (name: unknown, yml?: string) =>
      experimentFromWire({
        ExperimentId: 'e',
        HpoExperimentConfiguration: { yml_config: { tuner: { name } } },
        ConfigYml: yml,
      } as never).algorithm;
    expect(algorithm('TPE')).toBe('TPE');
    expect(algorithm('', 'tuner:\n  name: Anneal\n')).toBe('Anneal');
    expect(algorithm(7)).toBeUndefined();
  });

  it('dates the end of an ended experiment only, and names the experiment by its id when it has no name', () => {
    const experiment = (Status: string) =>
      experimentFromWire({ ExperimentId: 'e', Status, GmtModifiedTime: '2024-01-01 10:00:00' } as never);
    for (const Status of ['FINISHED', 'FAILED', 'USER_CANCELED']) {
      expect(experiment(Status).endedAt).toEqual(new Date('2024-01-01T10:00:00Z'));
    }
    for (const Status of ['RUNNING', 'CREATED', 'UNKNOWN'])
      expect(experiment(Status).endedAt).toBeUndefined();
    expect(experiment('RUNNING').name).toBe('e');
  });
});

describe('trial metrics', () => {
  it('skips empty metric values and reads the objective from the FINAL entry', () => {
    const trial = trialFromWire(
      trialItem('t', {
        FinalMetric: '',
        Metric: JSON.stringify([
          { default: 0.1, loss: null, type: 'PERIODICAL' },
          { default: 0.3, type: 'final' },
        ]),
      }) as never,
    );
    expect(trial.metrics).toEqual([
      { name: 'default', value: 0.1, step: 0, final: false },
      { name: 'default', value: 0.3, step: 1, final: true },
    ]);
    expect(trial.objective).toEqual({ metric: 'default', value: 0.3 });
    const periodicOnly = trialFromWire(
      trialItem('t', { FinalMetric: '', Metric: '[{"default": 0.2, "type": "PERIODICAL"}]' }) as never,
    );
    expect(periodicOnly.objective).toBeUndefined();
  });

  it('takes the experiment id from the trial, else from the caller, else empty', () => {
    expect(
      trialFromWire(trialItem('t', { ExperimentId: undefined }) as never, '', { experimentId: 'from-call' })
        .experimentId,
    ).toBe('from-call');
    expect(trialFromWire(trialItem('t', { ExperimentId: undefined }) as never).experimentId).toBe('');
  });
});

describe('training jobs derived from trials', () => {
  const trial = (JobMeta: unknown) => trialFromWire(trialItem('t7', { JobMeta }) as never);

  it('are named by NNI’s trial id, text or number, else by the trial id', () => {
    expect(trainingJobFromTrial(trial('{"nni_trial_id": "Ab3"}'), undefined).id).toBe('Ab3');
    expect(trainingJobFromTrial(trial({ nni_trial_id: 42 }), undefined).name).toBe('42');
    expect(trainingJobFromTrial(trial({ nni_trial_id: true }), undefined).id).toBe('t7');
    expect(trainingJobFromTrial(trial(''), undefined).id).toBe('t7');
  });

  it('names malformed JobMeta', () => {
    expect(refusal(() => trainingJobFromTrial(trial('[1]'), undefined))).toMatch(
      /^JobMeta: expected a JSON object/,
    );
  });
});

describe('stop results', () => {
  it('reads each trial’s message: stopped unless it says it failed, non-text as JSON, none as not stopped', () => {
    expect(
      stopResults({ a: 'stopped', b: 'Failed to stop', c: { code: 1 }, d: 'error: busy' }, [
        'a',
        'b',
        'c',
        'd',
        'e',
      ]),
    ).toEqual([
      { trialId: 'a', stopped: true, message: 'stopped' },
      { trialId: 'b', stopped: false, message: 'Failed to stop' },
      { trialId: 'c', stopped: true, message: '{"code":1}' },
      { trialId: 'd', stopped: false, message: 'error: busy' },
      { trialId: 'e', stopped: false, message: undefined },
    ]);
    expect(stopResults(undefined, ['a'])).toEqual([{ trialId: 'a', stopped: false, message: undefined }]);
    expect(stopResults(null, ['a'])).toEqual([{ trialId: 'a', stopped: false, message: undefined }]);
  });
});
