// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI keys are literally written ${name}.
/** Field forms: what PAI sends as text is text, times are PAI's, numbers and objects are where PAI has them. */
import { parse as parseIni } from 'ini';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { paiFake } from '../../src/testing/index.js';
import { callPai, experimentPath } from './helpers/pai-call.js';
import { experimentRequest } from './helpers/pai-fixtures.js';
import { usePaiFakes } from './helpers/pai-msw.js';
import { createExperiment, getExperiment, listTrials, type TrialWire } from './helpers/pai-wire.js';

const fake = paiFake({ seed: 21, simulation: { failureRate: 0 } });
const objectForm = paiFake({
  region: 'cn-beijing',
  seed: 21,
  simulation: { failureRate: 0, finalMetricForm: 'object' },
});
usePaiFakes(fake, objectForm);
const HOUR = 60 * 60_000;
const PAI_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('experiment fields', () => {
  it('sends SearchSpace as JSON text, ConfigYml as YAML text, ConfigIni as INI text with AccessKeys masked', async () => {
    const request = experimentRequest();
    const id = await createExperiment();
    const experiment = await getExperiment(id);
    const config = request.HpoExperimentConfiguration as Record<string, unknown>;

    expect(typeof experiment.SearchSpace).toBe('string');
    expect(JSON.parse(experiment.SearchSpace as string)).toEqual(config.search_space);

    expect(typeof experiment.ConfigYml).toBe('string');
    expect(parseYaml(experiment.ConfigYml as string)).toEqual({
      experimentName: 'xgb_tune',
      experimentWorkingDirectory: '../expdir',
      searchSpaceFile: 'search_space.json',
      trialCommand: 'python3 -m hpo_tools.core.utils.run --config=./config.ini',
      trialConcurrency: 2,
      maxTrialNumber: 6,
      tuner: { name: 'TPE', classArgs: { optimize_mode: 'maximize' } },
      trainingService: { platform: 'local' },
    });

    const ini = parseIni(experiment.ConfigIni as string);
    expect(ini.dlc_config).toMatchObject({
      access_id: '******',
      access_key: '******',
      region: 'cn-hangzhou',
    });
    expect(ini.platform_config.cmd1).toMatch(/^dlc submit pytorch/);
    expect(ini.metric_config).toMatchObject({
      metric_type: 'stdout',
      metric_source1: 'cmd1',
      final_mode: 'final',
    });
    expect(experiment.ConfigIni).not.toContain('not-a-real-access-key');

    // The configuration object is echoed as an object, exactly as sent.
    expect(experiment.HpoExperimentConfiguration).toEqual(config);
  });

  it('uses PAI’s scalar forms: JobType "1", Deleted false, counts as numbers, times as YYYY-MM-DD HH:mm:ss UTC', async () => {
    const id = await createExperiment();
    fake.clock.advance(HOUR);
    const experiment = await getExperiment(id);
    expect(experiment).toMatchObject({ JobType: '1', Deleted: false, Creator: '1000000000000001' });
    expect(experiment.GmtCreateTime).toBe('2026-01-01 00:00:00');
    expect(experiment.GmtModifiedTime).toMatch(PAI_TIME);
    expect(typeof experiment.TrialCount).toBe('number');
    for (const count of Object.values(experiment.TrialStatus)) expect(typeof count).toBe('number');
  });
});

describe('trial fields', () => {
  it('sends Hyperparam, Metric and JobMeta as JSON text and FinalMetric as the FINAL default, by default as a number text', async () => {
    const id = await createExperiment({ maxTrials: 2 });
    fake.clock.advance(3 * HOUR);
    const [trial] = (await listTrials(id)).Trials as [TrialWire];
    for (const field of ['Hyperparam', 'Metric', 'FinalMetric', 'JobMeta', 'Model'] as const) {
      expect(typeof trial[field]).toBe('string');
    }
    // Python's json.dumps spacing, as PAI's backend writes these two.
    expect(trial.Hyperparam).toMatch(
      /^\{"\$\{max_depth\}": \d+, "\$\{eta\}": [\d.e-]+, "\$\{booster\}": "(gbtree|dart)"\}$/,
    );
    const meta = JSON.parse(trial.JobMeta) as Record<string, unknown>;
    expect(meta).toEqual({
      nni_trial_id: expect.stringMatching(/^[A-Za-z0-9]{5}$/),
      nni_exp_id: expect.stringMatching(/^[a-z0-9]{8}$/),
      nni_trial_sequence_id: 0,
      platform: 'DLC',
    });
    const metric = JSON.parse(trial.Metric) as Array<Record<string, unknown>>;
    for (const entry of metric) {
      expect(Object.keys(entry)).toEqual([
        'default',
        'type',
        'val_auc=([0-9\\.]+)',
        'val_recall=([0-9\\.]+)',
      ]);
      const weighted =
        0.75 * (entry['val_auc=([0-9\\.]+)'] as number) + 0.25 * (entry['val_recall=([0-9\\.]+)'] as number);
      expect(entry.default).toBeCloseTo(weighted, 5);
    }
    expect(metric.slice(0, -1).every((e) => e.type === 'PERIODICAL')).toBe(true);
    const final = metric.at(-1) as Record<string, unknown>;
    expect(final.type).toBe('FINAL');
    expect(trial.FinalMetric).toBe(String(final.default));
    expect(trial.Model).toBe(`oss://my-bucket/models/${id}/${trial.TrialId}/`);
    expect(trial).toMatchObject({ ParameterId: 0, MetricName: '', UserScore: 0, UserComment: '' });
    expect(trial.GmtCreateTime).toMatch(PAI_TIME);
  });

  it('sends FinalMetric as the whole FINAL entry’s JSON text with finalMetricForm "object"', async () => {
    const created = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/hpo/experiment', {
      endpoint: 'https://paiautoml.cn-beijing.aliyuncs.com',
      body: experimentRequest({ maxTrials: 1 }),
    });
    objectForm.clock.advance(3 * HOUR);
    const response = await callPai<{ Trials: TrialWire[] }>(
      'GET',
      experimentPath(created.json.ExperimentId, '/trials'),
      {
        endpoint: 'https://paiautoml.cn-beijing.aliyuncs.com',
      },
    );
    const trial = response.json.Trials[0] as TrialWire;
    const final = JSON.parse(trial.FinalMetric) as Record<string, unknown>;
    expect(final.type).toBe('FINAL');
    expect(JSON.parse(trial.Metric).at(-1)).toEqual(final);
  });

  it('derives the FINAL entry from the reports by final_mode', async () => {
    const finalOf = async (finalMode: 'final' | 'best' | 'avg') => {
      const id = await createExperiment({ maxTrials: 1, finalMode });
      fake.clock.advance(3 * HOUR);
      const trial = fake.state.trialsOf(id)[0];
      return { reports: trial?.reports.map((r) => r.default) ?? [], final: trial?.final?.default };
    };
    const last = await finalOf('final');
    expect(last.final).toBe(last.reports.at(-1));
    const best = await finalOf('best');
    expect(best.final).toBe(Math.max(...best.reports));
    const avg = await finalOf('avg');
    const mean = avg.reports.reduce((a, b) => a + b, 0) / avg.reports.length;
    expect(avg.final).toBeCloseTo(mean, 4);
  });
});

describe('envelope', () => {
  it('puts RequestId in the body and in x-acs-request-id, and errors in exactly PAI’s fields', async () => {
    const ok = await callPai('GET', '/api/automl/v1/serviceidentityrole');
    expect(ok.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(ok.json.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(ok.headers.get('x-acs-request-id')).toBe(ok.json.RequestId);
    const error = await callPai('GET', experimentPath('missing'));
    expect(Object.keys(error.json)).toEqual(['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    expect(error.json.Recommend).toBe(
      `https://api.aliyun.com/troubleshoot?q=INVALID_USER_OR_EXP&product=paiAutoML&requestId=${error.json.RequestId}`,
    );
  });
});
