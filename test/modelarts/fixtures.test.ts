/**
 * Every documented example answer (copied into test/fixtures/modelarts) parsed with its wire
 * schema and normalized, with the values asserted.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildCreateRequest } from '../../src/providers/modelarts/create.js';
import { readCell, readTable } from '../../src/providers/modelarts/decode.js';
import {
  experimentFromJob,
  trainingJobFromJob,
  trialContext,
  trialFromRows,
  trialsFromTable,
} from '../../src/providers/modelarts/normalize.js';
import type { CreateTrainingJobRequest } from '../../src/providers/modelarts/shapes.js';
import * as wire from '../../src/providers/modelarts/wire.js';
import { choice, float } from '../../src/search-space/index.js';
import documentedCreateRequest from '../fixtures/modelarts/create-training-job-request.json' with {
  type: 'json',
};
import { fixture, wireFixture } from './helpers/fixtures.js';

const JOB_ID = '5b60a667-1438-4eb5-9705-85b860e623dc';

const searchJob = () => wireFixture('autosearch-job', wire.TrainingJobSchema());

describe('autosearch-trials (list answer)', () => {
  const answer = () => wireFixture('autosearch-trials', wire.AutoSearchTrialsResponseSchema());

  it('parses with its paging members', () => {
    const page = answer();
    expect([page.total, page.count, page.limit, page.offset, page.group_by]).toEqual([8, 8, 50, 0, '']);
    expect(page.items?.header).toHaveLength(13);
    expect(page.items?.data).toHaveLength(8);
  });

  it('normalizes into 8 trials, the first one value by value', () => {
    const page = answer();
    const trials = trialsFromTable(page.items, trialContext(searchJob()));
    expect(trials.map((t) => t.id)).toEqual([
      'ae544174',
      'ae548666',
      'ae54c0ea',
      'ae5503c0',
      'bef46590',
      'bef578f4',
      'bef5c584',
      'bef60684',
    ]);
    expect(trials[0]).toEqual({
      provider: 'modelarts',
      id: 'ae544174',
      experimentId: JOB_ID,
      status: 'completed',
      providerStatus: 'TERMINATED',
      hyperParameters: { batch_size: 32, learning_rate: 0.05512301741232006 },
      objective: { metric: 'acc', value: 0.0625 },
      metrics: [
        { name: 'acc', value: 0.0625, step: 2 },
        { name: 'loss', value: 0.0754, step: 2 },
      ],
      // Ray's time_total_s, as read; the table has no time of day to date the trial by.
      usage: { durationSeconds: 19.477163314819336, derived: [] },
      raw: { header: page.items?.header, rows: [page.items?.data?.[0]] },
    });
  });

  it('reads every row: statuses, objectives, the tensor losses, hyperparameters', () => {
    const trials = trialsFromTable(answer().items, trialContext(searchJob()));
    expect(new Set(trials.map((t) => t.status))).toEqual(new Set(['completed']));
    expect(trials.map((t) => t.objective?.value)).toEqual([
      0.0625, 0.0, 0.1875, 0.25, 0.09375, 0.1875, 0.046875, 0.0625,
    ]);
    expect(trials.map((t) => t.metrics.find((m) => m.name === 'loss')?.value)).toEqual([
      0.0754, 0.076, 0.1469, 0.0716, 0.074, 0.0723, 0.0381, 0.0778,
    ]);
    expect(trials[6]?.hyperParameters).toEqual({ batch_size: 64, learning_rate: 0.06297447200613912 });
    for (const trial of trials)
      expect(Object.keys(trial.hyperParameters).sort()).toEqual(['batch_size', 'learning_rate']);
  });

  it('keeps the cells untouched in raw (trial_index and the param/ duplicates included)', () => {
    const page = answer();
    const [first] = trialsFromTable(page.items, { experimentId: JOB_ID });
    expect(first?.raw.rows[0]?.[3]).toEqual({
      batch_size: 32,
      learning_rate: 0.05512301741232006,
      trial_index: 0,
      'param/batch_size': 32,
      'param/learning_rate': 0.05512301741232006,
    });
    expect(first?.raw.rows[0]?.[11]).toBe("tensor(0.0754, device='cuda:0', requires_grad=True)");
    // Without the experiment's reward name the objective is called `reward`.
    expect(first?.objective).toEqual({ metric: 'reward', value: 0.0625 });
  });
});

describe('autosearch-trials/{trial} (single-trial answer)', () => {
  const answer = () => wireFixture('autosearch-trial-ae544174', wire.TrialTableSchema());

  it('reads its other columns and order as the same trial, one metric point per report', () => {
    const table = answer();
    const trial = trialFromRows(table, { ...trialContext(searchJob()), trialId: 'ae544174' });
    expect(trial).toEqual({
      provider: 'modelarts',
      id: 'ae544174',
      experimentId: JOB_ID,
      // No status column: the latest report says done.
      status: 'completed',
      providerStatus: '',
      hyperParameters: { batch_size: 32, learning_rate: 0.05512301741232006 },
      objective: { metric: 'acc', value: 0.0625 },
      metrics: [
        { name: 'acc', value: 0.0625, step: 2 },
        { name: 'loss', value: 0.0754, step: 2 },
        { name: 'acc', value: 0.0625, step: 2 },
        { name: 'loss', value: 0.0754, step: 2 },
      ],
      usage: { durationSeconds: 19.477163314819336, derived: [] },
      raw: { header: table.header, rows: table.data },
    });
  });

  it('agrees with the list answer on what both say', () => {
    const context = trialContext(searchJob());
    const single = trialFromRows(answer(), context);
    const [listed] = trialsFromTable(
      wireFixture('autosearch-trials', wire.AutoSearchTrialsResponseSchema()).items,
      context,
    );
    expect(single.hyperParameters).toEqual(listed?.hyperParameters);
    expect(single.objective).toEqual(listed?.objective);
    expect(single.status).toBe(listed?.status);
  });

  it('reads as running when its only report is not done', () => {
    const table = answer();
    const first = { ...table, data: table.data?.slice(0, 1) };
    expect(trialFromRows(first, { experimentId: JOB_ID }).status).toBe('running');
  });
});

describe('the other AutoSearch answers', () => {
  it('early stop echoes the trial', () => {
    expect(wireFixture('autosearch-trial-earlystop', wire.EarlyStopResponseSchema()).earlystop_trial).toBe(
      '50093e6c',
    );
  });

  it('search algorithms: three, each with its parameters as text', () => {
    const answer = wireFixture('search-algorithms', wire.SearchAlgorithmsResponseSchema());
    expect(answer.search_algo_count).toBe(3);
    const byName = Object.fromEntries(
      (answer.search_algo_list ?? []).map((a) => [
        a.name,
        (a.params ?? []).map((p) => [p.key, p.value, p.type]),
      ]),
    );
    expect(byName).toEqual({
      bayes_opt_search: [
        ['kind', 'ucb', 'String'],
        ['kappa', '2.5', 'Float'],
        ['xi', '0.0', 'Float'],
        ['num_samples', '20', 'Integer'],
        ['seed', '1', 'Integer'],
      ],
      tpe_search: [
        ['gamma', '0.25', 'Float'],
        ['n_initial_points', '20', 'Integer'],
        ['num_samples', '20', 'Integer'],
        ['seed', '1', 'Integer'],
      ],
      anneal_search: [
        ['avg_best_idx', '2.0', 'Float'],
        ['shrink_coef', '0.1', 'Float'],
        ['num_samples', '20', 'Integer'],
        ['seed', '1', 'Integer'],
      ],
    });
    expect(answer.search_algo_list?.[0]?.description).toBe('Hyperparameter search using Gaussian process.');
  });

  it('YAML templates by algorithm type', () => {
    const answer = wireFixture('yaml-templates', wire.YamlTemplatesResponseSchema());
    expect(answer.yaml_templates?.map((t) => [t.algorithm_type_en, t.algorithm_names])).toEqual([
      ['hpo', ['Anneal', 'Bayes', 'DragonFly', 'FixNorm', 'GridSearch', 'TPE']],
      ['nas', ['AutoBSS', 'AutoEvo', 'AutoTopo', 'MBNAS']],
      ['augment', ['AdvAutoAugment', 'AutoAugment']],
      ['compression', ['AutoCompress']],
    ]);
  });

  it('a YAML template is YAML text', () => {
    const answer = wireFixture('yaml-template-content', wire.YamlTemplateContentResponseSchema());
    expect(answer.file_name).toBe('Bayes.yaml');
    const yaml = parseYaml(answer.content ?? '') as Record<string, Record<string, unknown>>;
    expect(yaml.search_algorithm).toMatchObject({
      type: 'bayes_opt_search',
      max_concurrent: 4,
      num_samples: 8,
      mode: 'max',
    });
    expect(yaml.scheduler).toEqual({ type: 'FIFOScheduler' });
  });

  it('parameter analysis is a table read by column name', () => {
    const table = readTable(wireFixture('parameter-analysis', wire.ParameterAnalysisResponseSchema()), '');
    expect(
      table.rows.map((r) => [r.cells.get('parameters'), readCell(r.cells.get('the mean/std of importance'))]),
    ).toEqual([
      ['batch_size', '0.2443/0.3867'],
      ['learning_rate', '0.6992/0.4040'],
    ]);
  });

  it('parameter analysis path is an OBS path', () => {
    expect(wireFixture('parameter-analysis-path', wire.ParameterAnalysisPathResponseSchema()).file_path).toBe(
      '/test-wrk/autosearch-test/output/log/hyperparameter-analysis/fanova/batch_size.png',
    );
  });
});

describe('training jobs', () => {
  it('the search job is an experiment with its objective, algorithm, limits and space', () => {
    const job = searchJob();
    expect(experimentFromJob(job)).toEqual({
      provider: 'modelarts',
      id: JOB_ID,
      name: 'autosearch-demo',
      status: 'completed',
      providerStatus: 'Completed',
      objective: { metric: 'acc', direction: 'maximize' },
      algorithm: 'bayes_opt_search',
      limits: { maxTrials: 8, maxParallelTrials: 2, maxRuntimeSeconds: 7200 },
      trialCounts: {},
      searchSpace: {
        spec: { batch_size: choice([16, 32, 64]), learning_rate: float(0.001, 0.1) },
        losses: [],
      },
      createdAt: new Date(1636447346315),
      startedAt: new Date(1636447400000),
      endedAt: new Date(1636447400000 + 120000),
      failureReason: undefined,
      raw: job,
    });
    expect(trainingJobFromJob(job)).toMatchObject({
      id: JOB_ID,
      experimentId: JOB_ID,
      status: 'completed',
      hyperParameters: { epochs: '2' },
      metrics: [],
    });
  });

  it('create answer (201): a job still being created, without a search', () => {
    const job = wireFixture('training-job-created', wire.TrainingJobSchema());
    const experiment = experimentFromJob(job);
    expect(experiment).toMatchObject({
      id: '425b7087-83de-49ed-9e40-5bb642be956f',
      name: 'TestModelArtsJob',
      status: 'pending',
      providerStatus: 'Creating',
      limits: {},
      createdAt: new Date(1637045545982),
    });
    // start_time 0: not started; `policies: {}`: no search.
    expect([experiment.startedAt, experiment.endedAt, experiment.searchSpace, experiment.objective]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(trainingJobFromJob(job).hyperParameters).toEqual({
      input_dir: 's://xxxxxx-rse/test/moxingtest-dir/',
      input_file: 'obs://xxxxxx-rse/test/moxingtest/',
      large_file_method: '1',
    });
  });

  it('show answer (200): Abnormal is failed, the secondary phase stays in raw', () => {
    const job = wireFixture('training-job-show', wire.TrainingJobSchema());
    const experiment = experimentFromJob(job);
    expect(experiment).toMatchObject({ status: 'failed', providerStatus: 'Abnormal', endedAt: undefined });
    expect(experiment.raw.status?.secondary_phase).toBe('CreateFailed');
    expect(trainingJobFromJob(job)).toMatchObject({ status: 'failed', providerStatus: 'Abnormal' });
  });

  it('terminate answer (202): Terminating is stopping', () => {
    const job = wireFixture('training-job-terminating', wire.TrainingJobSchema());
    expect(experimentFromJob(job)).toMatchObject({ status: 'stopping', providerStatus: 'Terminating' });
  });

  it('list answer: paging members and items', () => {
    const answer = wireFixture('training-job-search', wire.TrainingJobSearchResponseSchema());
    expect([answer.total, answer.count, answer.limit, answer.offset, answer.ai_project]).toEqual([
      5059,
      1,
      1,
      0,
      'default-ai-project',
    ]);
    expect((answer.items ?? []).map(experimentFromJob).map((e) => [e.id, e.name, e.status])).toEqual([
      ['3faf5c03-aaa1-4cbe-879d-24b05d997347', 'trainjob--py14_mem06-byd-108', 'failed'],
    ]);
  });

  it('the documented create request has the request type, and ours has its layout', () => {
    const documented: CreateTrainingJobRequest = documentedCreateRequest;
    const { request } = buildCreateRequest({
      name: 'TestModelArtsJob',
      objective: { metric: 'acc', direction: 'maximize' },
      searchSpace: { lr: float(0.001, 0.1) },
      limits: { maxTrials: 8, maxParallelTrials: 2 },
      providerOptions: {
        algorithmId: '3f5d6706-7b67-408d-8ba0-ec08048c45ed',
        flavorId: 'modelarts.p3.large.public.free',
        description: 'This is a ModelArts job',
      },
    });
    expect(request.kind).toBe(documented.kind);
    expect(request.metadata).toEqual(documented.metadata);
    expect(request.algorithm?.id).toBe(documented.algorithm?.id);
    expect(request.spec?.resource).toEqual(documented.spec?.resource);
  });
});

describe('workspaces and IAM', () => {
  it('workspaces: the documented numeric id 0 is accepted and reads as "0"', () => {
    const answer = wireFixture('workspaces', wire.WorkspacesResponseSchema());
    expect([answer.total_count, answer.count]).toEqual([10, 1]);
    const [workspace] = answer.workspaces ?? [];
    expect(workspace?.id).toBe(0);
    expect(String(workspace?.id)).toBe('0');
    expect(workspace).toMatchObject({ name: 'default', status: 'NORMAL', auth_type: 'public' });
  });

  it('projects: the id of the region-named project', () => {
    const answer = wireFixture('iam-projects', wire.ProjectsResponseSchema());
    expect(answer.projects.map((p) => [p.name, p.id])).toEqual([['xxx', 'a4a5d4098fb4474fa22cd05f897d6b99']]);
  });

  it('token body: expiry and project', () => {
    const answer = wireFixture('iam-token', wire.TokenResponseSchema());
    expect(answer.token.expires_at).toBe('2024-01-02T00:00:00.000000Z');
    expect(answer.token.project?.id).toBe('a4a5d4098fb4474fa22cd05f897d6b99');
  });

  it('every fixture keeps members the schemas do not name', () => {
    const raw = fixture('training-job-show') as { status: { running_records: unknown[] } };
    const parsed = wireFixture('training-job-show', wire.TrainingJobSchema());
    expect(parsed.status?.running_records).toEqual(raw.status.running_records);
    expect(parsed.spec?.resource?.flavor_detail).toBeDefined();
  });
});
