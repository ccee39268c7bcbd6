/**
 * What the exports write, character for character, for a comparison built by hand (so every
 * expected line below is worked out from the comparison, not from a run of the code). The end-
 * to-end tests (clouds.test.ts) check the shapes against real clouds' fakes and the JSON Schema.
 */
import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPercent,
  formatSeconds,
  formatValue,
  oneLine,
} from '../../src/compare/format.js';
import { type Comparison, type CsvOptions, toCsv, toJson, toMarkdown } from '../../src/compare/index.js';
import { InvalidArgumentError } from '../../src/core/errors.js';
import { handBuiltComparison } from './helpers/comparison.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const csv = (...records: string[]) => records.map((record) => `${record}\r\n`).join('');

describe('toMarkdown', () => {
  it('writes the rule, the runs, the best hyperparameters, what mattered and what was left out', () => {
    expect(toMarkdown(handBuiltComparison())).toBe(
      lines(
        '## Comparison by auc (maximize)',
        '',
        'Rule: mapped by the caller: aws → validation:auc, pai | east → auc\\val. Tolerance: 1 % of the best value across runs (0.84).',
        '',
        '| run | cloud | status | best auc | best trial | trials | to best | to within tolerance | took | trial time | billed | cost | unpriced |',
        '| --- | --- | --- | ---: | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
        '| aws | sagemaker | completed | 0.81 | job-1 | 2 | 1 trials | not reached | 10m 00s | 11m 30s | 10m 30s | 0.07475 | 0 |',
        '| pai \\| east | pai | stopped | 0.84 | t-1 | 2 | 1 trials | 1 trials, 1h 02m | 3h 01m | 1h 02m | - | - | 2 |',
        '',
        '### Best hyperparameters',
        '',
        '| parameter | aws | pai \\| east |',
        '| --- | --- | --- |',
        '| eta | 0.1 | 0.05 |',
        '| booster | gbtree | - |',
        '| early_stop | - | true |',
        '| max_depth | - | 6 |',
        '',
        '### What mattered',
        '',
        "Share of the objective's variation each parameter explains on its own (epsilon-squared).",
        '',
        '| run | trials | parameters, most important first |',
        '| --- | ---: | --- |',
        '| pai \\| east | 2 | max_depth 75 %, eta 25 % |',
        '',
        'Left out of the ranking: 1 failed, 1 not-finite.',
        '',
        'Not priced: 2 no-instance-type.',
      ),
    );
  });

  it('without prices, parameters, importance or exclusions: the shared rule and the runs table alone', () => {
    const base = handBuiltComparison();
    const plain: Comparison = {
      ...base,
      objective: { ...base.objective, rule: 'shared' },
      bestValue: undefined,
      parameters: [],
      importance: base.importance.map((i) => ({ ...i, parameters: [] })),
      excluded: [],
      pricing: undefined,
    };
    expect(toMarkdown(plain)).toBe(
      lines(
        '## Comparison by auc (maximize)',
        '',
        'Rule: every run optimises auc (maximize). Tolerance: 1 % of the best value across runs (-).',
        '',
        '| run | cloud | status | best auc | best trial | trials | to best | to within tolerance | took | trial time | billed |',
        '| --- | --- | --- | ---: | --- | ---: | --- | --- | ---: | ---: | ---: |',
        '| aws | sagemaker | completed | 0.81 | job-1 | 2 | 1 trials | not reached | 10m 00s | 11m 30s | 10m 30s |',
        '| pai \\| east | pai | stopped | 0.84 | t-1 | 2 | 1 trials | 1 trials, 1h 02m | 3h 01m | 1h 02m | - |',
      ),
    );
  });

  it('keeps a cell in its column: backslashes and pipes escaped, a line break read as a space', () => {
    const base = handBuiltComparison();
    const [aws, pai] = base.runs as [Comparison['runs'][0], Comparison['runs'][0]];
    const odd: Comparison = {
      ...base,
      parameters: ['path', 'eta'],
      runs: [
        { ...aws, best: undefined, trialsToBest: undefined, summary: { ...aws.summary, trialCounts: {} } },
        {
          ...pai,
          label: 'pai',
          best: {
            trialId: 't|1',
            value: 1e-5,
            hyperParameters: { path: 'C:\\data|v2\nnew', eta: 0.123456789 },
          },
          secondsToTolerance: undefined,
        },
      ],
      importance: [],
      excluded: [],
      pricing: { prices: {}, unpriced: [] },
    };
    const text = toMarkdown(odd);
    expect(text).toContain(
      '| aws | sagemaker | completed | - | - | - | - | not reached | 10m 00s | 11m 30s | 10m 30s | 0.07475 | 0 |',
    );
    expect(text).toContain(
      '| pai | pai | stopped | 1.000e-5 | t\\|1 | 2 | 1 trials | 1 trials | 3h 01m | 1h 02m | - | - | 2 |',
    );
    expect(text).toContain('| path | - | C:\\\\data\\|v2 new |');
    expect(text).toContain('| eta | - | 0.123457 |');
    expect(text).not.toContain('Not priced');
  });
});

describe('toCsv', () => {
  it('trials: one RFC 4180 record per trial, a column per hyperparameter, CRLF line ends', () => {
    expect(toCsv(handBuiltComparison(), { table: 'trials' })).toBe(
      csv(
        'run,cloud,experiment,trial,index,status,provider_status,auc,excluded,started_at,ended_at,duration_s,billable_s,instance_type,instance_count,cost,param:eta,param:booster,param:early_stop,param:max_depth',
        'aws,sagemaker,xgb-auc,job-1,1,completed,Completed,0.81,,2026-01-01T00:00:00.000Z,2026-01-01T00:10:00.000Z,600,540,ml.m5.xlarge,2,0.069,0.1,gbtree,,',
        'aws,sagemaker,xgb-auc,job-2,2,failed,Failed,,failed,2026-01-01T00:05:00.000Z,2026-01-01T00:06:30.000Z,90,90,ml.m5.xlarge,1,0.00575,0.3,"dart, ""fast""",,',
        'pai | east,pai,exp-7,t-1,1,completed,SUCCEEDED,0.84,,2026-01-02T08:00:00.000Z,2026-01-02T09:02:03.000Z,3723,,,,,0.05,,true,6',
        'pai | east,pai,exp-7,t-2,2,completed,SUCCEEDED,NaN,not-finite,,,,,,,,0.00002,,false,3',
      ),
    );
  });

  it('runs: one record per run, its best hyperparameters, what was derived', () => {
    expect(toCsv(handBuiltComparison(), { table: 'runs' })).toBe(
      csv(
        'run,cloud,experiment,status,provider_status,best_auc,best_trial,trials,trials_to_best,trials_to_tolerance,seconds_to_tolerance,duration_s,trial_s,billable_s,cost,unpriced_trials,derived,param:eta,param:booster,param:early_stop,param:max_depth',
        'aws,sagemaker,xgb-auc,completed,Completed,0.81,job-1,2,1,,,600,690,630,0.07475,0,firstTrialAt lastTrialEndedAt,0.1,gbtree,,',
        'pai | east,pai,exp-7,stopped,STOPPED,0.84,t-1,2,1,1,3723,10859.5,3723,,,,bestTrial trialCounts durationSeconds trialSeconds,0.05,,true,6',
      ),
    );
  });

  it('quotes a cell holding a bare line feed or carriage return, and a run without a best leaves its cells empty', () => {
    const base = handBuiltComparison();
    const [aws] = base.runs as [Comparison['runs'][0]];
    const odd: Comparison = {
      ...base,
      parameters: ['note'],
      runs: [{ ...aws, experimentId: 'two\nlines', providerStatus: 'Done\rOK', best: undefined }],
    };
    expect(toCsv(odd, { table: 'runs' }).split('\r\n')[1]).toBe(
      'aws,sagemaker,"two\nlines",completed,"Done\rOK",,,2,1,,,600,690,630,0.07475,0,firstTrialAt lastTrialEndedAt,',
    );
  });

  it('refuses a table it does not write, or no options at all, naming what it got', () => {
    expect(() => toCsv(handBuiltComparison(), { table: 'curves' as 'runs' })).toThrow(
      new InvalidArgumentError("toCsv needs { table: 'trials' } or { table: 'runs' }, got curves"),
    );
    // From JavaScript, without the options TypeScript asks for.
    expect(() => toCsv(handBuiltComparison(), undefined as unknown as CsvOptions)).toThrow(
      new InvalidArgumentError("toCsv needs { table: 'trials' } or { table: 'runs' }, got undefined"),
    );
  });
});

describe('toJson', () => {
  it('writes every key, null for what is unknown or not finite, dates as ISO text, no raw answers', () => {
    const base = handBuiltComparison();
    const [aws] = base.runs as [Comparison['runs'][0]];
    const json = toJson({
      ...base,
      runs: [{ ...aws, cost: Number.POSITIVE_INFINITY }, ...base.runs.slice(1)],
    });
    expect(json).toStrictEqual({
      version: 1,
      objective: {
        metric: 'auc',
        direction: 'maximize',
        rule: 'mapped',
        runs: [
          { label: 'aws', metric: 'validation:auc', direction: 'maximize' },
          { label: 'pai | east', metric: 'auc\\val', direction: null },
        ],
      },
      tolerance: 0.01,
      bestValue: 0.84,
      parameters: ['eta', 'booster', 'early_stop', 'max_depth'],
      runs: [
        {
          label: 'aws',
          cloud: 'sagemaker',
          experimentId: 'xgb-auc',
          experimentName: 'xgb auc',
          status: 'completed',
          providerStatus: 'Completed',
          best: { trialId: 'job-1', value: 0.81, hyperParameters: { eta: 0.1, booster: 'gbtree' } },
          trialsToBest: 1,
          trialsToTolerance: null,
          secondsToTolerance: null,
          cost: null,
          unpricedTrials: 0,
          summary: {
            bestTrialId: 'job-1',
            trialCounts: { total: 2, completed: 1, failed: 1 },
            firstTrialAt: '2026-01-01T00:00:00.000Z',
            lastTrialEndedAt: '2026-01-01T00:10:00.000Z',
            durationSeconds: 600,
            trialSeconds: 690,
            billableSeconds: 630,
            derived: ['firstTrialAt', 'lastTrialEndedAt'],
          },
        },
        {
          label: 'pai | east',
          cloud: 'pai',
          experimentId: 'exp-7',
          experimentName: 'xgb\nauc',
          status: 'stopped',
          providerStatus: 'STOPPED',
          best: {
            trialId: 't-1',
            value: 0.84,
            hyperParameters: { eta: 0.05, max_depth: 6, early_stop: true },
          },
          trialsToBest: 1,
          trialsToTolerance: 1,
          secondsToTolerance: 3723,
          cost: null,
          unpricedTrials: 2,
          summary: {
            bestTrialId: null,
            trialCounts: { total: 2, completed: 2 },
            firstTrialAt: null,
            lastTrialEndedAt: null,
            durationSeconds: 10_859.5,
            trialSeconds: 3723,
            billableSeconds: null,
            derived: ['bestTrial', 'trialCounts', 'durationSeconds', 'trialSeconds'],
          },
        },
      ],
      trials: [
        {
          run: 'aws',
          cloud: 'sagemaker',
          experimentId: 'xgb-auc',
          trialId: 'job-1',
          index: 1,
          status: 'completed',
          providerStatus: 'Completed',
          objective: 0.81,
          excluded: null,
          hyperParameters: { eta: 0.1, booster: 'gbtree' },
          startedAt: '2026-01-01T00:00:00.000Z',
          endedAt: '2026-01-01T00:10:00.000Z',
          durationSeconds: 600,
          billableSeconds: 540,
          instanceType: 'ml.m5.xlarge',
          instanceCount: 2,
          cost: 0.069,
        },
        {
          run: 'aws',
          cloud: 'sagemaker',
          experimentId: 'xgb-auc',
          trialId: 'job-2',
          index: 2,
          status: 'failed',
          providerStatus: 'Failed',
          objective: null,
          excluded: 'failed',
          hyperParameters: { eta: 0.3, booster: 'dart, "fast"' },
          startedAt: '2026-01-01T00:05:00.000Z',
          endedAt: '2026-01-01T00:06:30.000Z',
          durationSeconds: 90,
          billableSeconds: 90,
          instanceType: 'ml.m5.xlarge',
          instanceCount: 1,
          cost: 0.00575,
        },
        {
          run: 'pai | east',
          cloud: 'pai',
          experimentId: 'exp-7',
          trialId: 't-1',
          index: 1,
          status: 'completed',
          providerStatus: 'SUCCEEDED',
          objective: 0.84,
          excluded: null,
          hyperParameters: { eta: 0.05, max_depth: 6, early_stop: true },
          startedAt: '2026-01-02T08:00:00.000Z',
          endedAt: '2026-01-02T09:02:03.000Z',
          durationSeconds: 3723,
          billableSeconds: null,
          instanceType: null,
          instanceCount: null,
          cost: null,
        },
        {
          run: 'pai | east',
          cloud: 'pai',
          experimentId: 'exp-7',
          trialId: 't-2',
          index: 2,
          status: 'completed',
          providerStatus: 'SUCCEEDED',
          objective: null,
          excluded: 'not-finite',
          hyperParameters: { eta: 2e-5, max_depth: 3, early_stop: false },
          startedAt: null,
          endedAt: null,
          durationSeconds: null,
          billableSeconds: null,
          instanceType: null,
          instanceCount: null,
          cost: null,
        },
      ],
      // Written as the comparison holds them: plain data already, copied key for key.
      curves: base.curves,
      importance: base.importance,
      excluded: base.excluded,
      pricing: base.pricing,
    });
  });

  it('is plain data: its JSON text reads back equal, and nothing in it is shared with the comparison', () => {
    const comparison = handBuiltComparison();
    const json = toJson({ ...comparison, pricing: undefined });
    expect(json.pricing).toBeNull();
    expect(JSON.parse(JSON.stringify(json))).toStrictEqual(json);
    const aws = json.runs[0] as { best: { hyperParameters: Record<string, unknown> } };
    aws.best.hyperParameters.eta = 9;
    (json.trials[0] as { hyperParameters: Record<string, unknown> }).hyperParameters.eta = 9;
    json.parameters.push('changed');
    expect(comparison.runs[0]?.best?.hyperParameters.eta).toBe(0.1);
    expect(comparison.trials[0]?.hyperParameters.eta).toBe(0.1);
    expect(comparison.parameters).toHaveLength(4);
  });
});

describe('how numbers and spans read', () => {
  it('numbers: six significant digits, an exponent only far from everyday sizes', () => {
    const cases: [number | undefined, string][] = [
      [undefined, '-'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [Number.NEGATIVE_INFINITY, '-Infinity'],
      [0, '0'],
      [0.123456789, '0.123457'],
      [123456.789, '123457'],
      [999_999_999, '1000000000'],
      [1e9, '1.000e+9'],
      [-2.5e9, '-2.500e+9'],
      [1e-4, '0.0001'],
      [9.99e-5, '9.990e-5'],
      [-0.5, '-0.5'],
    ];
    for (const [value, text] of cases) expect([value, formatNumber(value)]).toEqual([value, text]);
  });

  it('spans: whole seconds, then minutes and seconds, then hours and minutes', () => {
    const cases: [number | undefined, string][] = [
      [undefined, '-'],
      [Number.NaN, '-'],
      [Number.POSITIVE_INFINITY, '-'],
      [0, '0s'],
      [59.4, '59s'],
      [59.5, '1m 00s'],
      [125, '2m 05s'],
      [3599.4, '59m 59s'],
      [3599.5, '1h 00m'],
      [3661, '1h 01m'],
      [172_800, '48h 00m'],
    ];
    for (const [value, text] of cases) expect([value, formatSeconds(value)]).toEqual([value, text]);
  });

  it('hyperparameter values: numbers as numbers read, text and booleans as they are', () => {
    expect([0.123456789, 1e9, 'dart, "fast"', true, false].map(formatValue)).toEqual([
      '0.123457',
      '1.000e+9',
      'dart, "fast"',
      'true',
      'false',
    ]);
  });

  it('one line: each line break, CRLF, CR or LF, read as a space', () => {
    expect(oneLine('a\r\nb\rc\nd\n\ne')).toBe('a b c d  e');
  });

  it('percentages: a fraction times 100, as numbers read', () => {
    expect(formatPercent(0.25)).toBe('25 %');
    expect(formatPercent(0.123456)).toBe('12.3456 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0)).toBe('0 %');
  });
});
