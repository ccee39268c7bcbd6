/**
 * The normalizer on arbitrary trial tables (any column order, extra columns, any spelling of a
 * cell), the status maps on arbitrary words, and create → read-back of search spaces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExperimentSpec, ExperimentStatus, Trial, TrialStatus } from '../../src/core/types.js';
import { buildCreateRequest, type ModelArtsExperimentOptions } from '../../src/providers/modelarts/create.js';
import {
  experimentFromJob,
  experimentStatus,
  isMetricColumn,
  trialFromRows,
  trialStatus,
  trialsFromTable,
} from '../../src/providers/modelarts/normalize.js';
import { readSearchSpace } from '../../src/providers/modelarts/search-space.js';
import type {
  ModelArtsTrainingJobWire,
  ModelArtsTrialTableWire,
  TableCell,
} from '../../src/providers/modelarts/wire.js';
import { compile, parse, type SearchSpace } from '../../src/search-space/index.js';
import { paramName, searchSpace } from '../search-space/helpers/arbitraries.js';

const RAY_WORDS = ['PENDING', 'RUNNING', 'PAUSED', 'TERMINATED', 'ERROR'];
const NEUTRAL_TRIAL: TrialStatus[] = [
  'pending',
  'running',
  'stopping',
  'stopped',
  'early_stopped',
  'completed',
  'failed',
  'unknown',
];
const NEUTRAL_EXPERIMENT: ExperimentStatus[] = [
  'pending',
  'running',
  'stopping',
  'stopped',
  'completed',
  'failed',
  'deleting',
  'unknown',
];
const PHASES: Record<string, ExperimentStatus> = {
  Creating: 'pending',
  Pending: 'pending',
  Running: 'running',
  Completed: 'completed',
  Failed: 'failed',
  Abnormal: 'failed',
  Terminating: 'stopping',
  Terminated: 'stopped',
};

/** Any case of a word, e.g. `rUnNing`. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

// -0 has no text of its own (String(-0) is "0"); NaN and ±Infinity are spelled as Python prints them.
const metricValue = fc.oneof(
  { weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);

function canonicalText(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Number.POSITIVE_INFINITY) return 'inf';
  if (v === Number.NEGATIVE_INFINITY) return '-inf';
  return String(v);
}

/** Every spelling of a number seen in (or plausible for) a trial table cell. */
function numberSpellings(v: number): fc.Arbitrary<TableCell> {
  const text = canonicalText(v);
  const spelled: TableCell[] = [
    text,
    ` ${text} `,
    `tensor(${text}, device='cuda:0', requires_grad=True)`,
    `tensor(${text}, grad_fn=<AddBackward0>)`,
    `tensor([${text}])`,
    `np.float64(${text})`,
  ];
  if (Number.isFinite(v)) spelled.push(v);
  if (Number.isNaN(v)) spelled.push('NaN');
  if (v === Number.POSITIVE_INFINITY) spelled.push('Infinity');
  if (v === Number.NEGATIVE_INFINITY) spelled.push('-Infinity');
  return fc.constantFrom(...spelled);
}

const optionalNumberSpellings = (v: number | undefined): fc.Arbitrary<TableCell> =>
  v === undefined ? fc.constant('') : numberSpellings(v);

interface TrialModel {
  id: string;
  status: string;
  done: boolean;
  iteration: number;
  lr: number;
  batch: number;
  index: number;
  bestReward: number | undefined;
  reward: number | undefined;
  metrics: (number | undefined)[];
}

const MAX_METRICS = 4;

const metricNames = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter(isMetricColumn), {
  maxLength: MAX_METRICS,
});

// Built once: arbitraries built inside `chain` would be rebuilt for every sample, slowly.
const trialModel = fc.record({
  id: fc.stringMatching(/^[0-9a-f]{8}$/),
  status: fc.oneof(fc.constantFrom(...RAY_WORDS), fc.stringMatching(/^[A-Z_]{1,10}$/)),
  done: fc.boolean(),
  iteration: fc.nat({ max: 1000 }),
  lr: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  batch: fc.integer({ min: 1, max: 512 }),
  bestReward: fc.option(metricValue, { nil: undefined }),
  reward: fc.option(metricValue, { nil: undefined }),
  metrics: fc.array(fc.option(metricValue, { nil: undefined }), {
    minLength: MAX_METRICS,
    maxLength: MAX_METRICS,
  }),
});

const tableModel = fc
  .record({
    names: metricNames,
    trials: fc.uniqueArray(trialModel, { maxLength: 6, selector: (t) => t.id }),
  })
  .map(({ names, trials }) => ({
    names,
    trials: trials.map(
      (t, index): TrialModel => ({ ...t, index, metrics: t.metrics.slice(0, names.length) }),
    ),
  }));

const BASE_COLUMNS = [
  '',
  'done',
  'pid',
  'config',
  'trial_id',
  'training_iteration',
  'time_total_s',
  'worker_index',
  'reward_attr',
  'status',
];

function config(t: TrialModel) {
  return { lr: t.lr, batch: t.batch, trial_index: t.index, 'param/lr': t.lr, 'param/batch': t.batch };
}

/** The table as the documented example writes it: fixed column order, plain decimal text. */
function canonicalTable(names: readonly string[], trials: readonly TrialModel[]): ModelArtsTrialTableWire {
  const header = [...BASE_COLUMNS, ...names, 'best_reward'];
  const data = trials.map((t) => [
    String(t.index),
    t.done ? 'True' : 'False',
    '314',
    config(t),
    t.id,
    String(t.iteration),
    '3.5',
    '',
    t.reward === undefined ? '' : canonicalText(t.reward),
    t.status,
    ...t.metrics.map((v) => (v === undefined ? '' : canonicalText(v))),
    t.bestReward === undefined ? '' : canonicalText(t.bestReward),
  ]);
  return { header, data };
}

/** Extra columns Ray may add, none of them a metric (`timestamp` dates a trial: see normalize.test.ts). */
const EXTRA: Record<string, TableCell> = {
  hostname: 'node-1',
  node_ip: '192.168.0.3',
  time_this_iter_s: '1.25',
  'config/lr': '0.1',
  date: '2024-01-01_00-00-00',
};

/** The same trials in another spelling: each cell spelled at random, extra columns, columns shuffled. */
function variantTable(
  names: readonly string[],
  trials: readonly TrialModel[],
): fc.Arbitrary<ModelArtsTrialTableWire> {
  const rowCells = (t: TrialModel) =>
    fc.record({
      done: fc.constantFrom<TableCell>(t.done ? 'True' : 'False', t.done ? 'true' : 'false', t.done),
      config: fc.constantFrom<TableCell>(config(t), JSON.stringify(config(t))),
      iteration: numberSpellings(t.iteration),
      reward: optionalNumberSpellings(t.reward),
      best: optionalNumberSpellings(t.bestReward),
      metrics: fc.tuple(...t.metrics.map(optionalNumberSpellings)),
    });
  return fc
    .record({
      extra: fc.subarray(Object.keys(EXTRA)),
      rows: fc.tuple(...trials.map(rowCells)),
    })
    .chain(({ extra, rows }) => {
      const header = [...BASE_COLUMNS, ...names, 'best_reward', ...extra];
      const data = trials.map((t, i) => {
        const r = rows[i] as NonNullable<(typeof rows)[number]>;
        return [
          String(t.index),
          r.done,
          '314',
          r.config,
          t.id,
          r.iteration,
          '3.5',
          '',
          r.reward,
          t.status,
          ...r.metrics,
          r.best,
          ...extra.map((name) => EXTRA[name] as TableCell),
        ];
      });
      const n = header.length;
      return fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }).map((order) => ({
        header: order.map((j) => header[j] as string),
        data: data.map((row) => order.map((j) => row[j] as TableCell)),
      }));
    });
}

const withoutRaw = (trials: readonly Trial[]) => trials.map(({ raw: _raw, ...t }) => t);
const context = { experimentId: 'job-1', objectiveMetric: 'acc' };

describe('random trial tables', () => {
  it('normalize to the same trials whatever the column order, extra columns and cell spellings', () => {
    fc.assert(
      fc.property(
        tableModel.chain(({ names, trials }) =>
          variantTable(names, trials).map((variant) => ({ names, trials, variant })),
        ),
        ({ names, trials, variant }) => {
          const canonical = trialsFromTable(canonicalTable(names, trials), context);
          expect(withoutRaw(trialsFromTable(variant, context))).toEqual(withoutRaw(canonical));
        },
      ),
    );
  });

  it('read each trial’s values from the cells named for them', () => {
    fc.assert(
      fc.property(tableModel, ({ names, trials }) => {
        const read = trialsFromTable(canonicalTable(names, trials), context);
        expect(read.map((t) => t.id)).toEqual(trials.map((t) => t.id));
        read.forEach((trial, i) => {
          const model = trials[i] as TrialModel;
          expect(trial.hyperParameters).toEqual({ lr: model.lr, batch: model.batch });
          expect(trial.providerStatus).toBe(model.status);
          expect(trial.status).toBe(trialStatus(model.status));
          // best_reward when finite; else the current reward when there is one; else whatever best says.
          const best = model.bestReward;
          const objective = best !== undefined && Number.isFinite(best) ? best : (model.reward ?? best);
          expect(trial.objective).toEqual(
            objective === undefined ? undefined : { metric: 'acc', value: objective },
          );
          const expected = names
            .map((name, j) => ({ name, value: model.metrics[j], step: model.iteration }))
            .filter((p) => p.value !== undefined)
            .sort((a, b) => (a.name < b.name ? -1 : 1));
          expect(trial.metrics).toEqual(expected);
          // time_total_s is how long it ran; without a timestamp column nothing dates it.
          expect(trial.usage).toEqual({ durationSeconds: 3.5, derived: [] });
          expect([trial.startedAt, trial.endedAt]).toEqual([undefined, undefined]);
        });
      }),
    );
  });

  it('single-trial answers: reports in any column order give the same trial', () => {
    fc.assert(
      fc.property(
        tableModel
          .filter(({ trials }) => trials.length > 0)
          .chain(({ names, trials }) => {
            // Successive reports of one trial: the same id in every row.
            const reports = trials.map((t) => ({ ...t, id: (trials[0] as TrialModel).id }));
            return variantTable(names, reports).map((variant) => ({ names, reports, variant }));
          }),
        ({ names, reports, variant }) => {
          const canonical = canonicalTable(names, reports);
          const { raw: _a, ...expected } = trialFromRows(canonical, context);
          const { raw: _b, ...actual } = trialFromRows(variant, context);
          expect(actual).toEqual(expected);
          expect(actual.metrics.length).toBe(
            reports.reduce((n, r) => n + r.metrics.filter((v) => v !== undefined).length, 0),
          );
        },
      ),
    );
  });
});

describe('status maps are total', () => {
  it('every trial word gives a neutral status; words outside Ray’s set are unknown, kept in providerStatus', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...RAY_WORDS).chain(anyCase)), (word) => {
        const status = trialStatus(word);
        expect(NEUTRAL_TRIAL).toContain(status);
        if (!RAY_WORDS.includes(word.trim().toUpperCase())) expect(status).toBe('unknown');
        fc.pre(word.trim() !== '');
        const [trial] = trialsFromTable({ header: ['trial_id', 'status'], data: [['t1', word]] }, context);
        expect(trial?.providerStatus).toBe(word);
        expect(trial?.status).toBe(status);
      }),
    );
  });

  it('every phase gives a neutral experiment status, the phase kept in providerStatus', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...Object.keys(PHASES)).chain(anyCase)), (phase) => {
        const status = experimentStatus(phase);
        expect(NEUTRAL_EXPERIMENT).toContain(status);
        const known = Object.keys(PHASES).find((p) => p.toLowerCase() === phase.trim().toLowerCase());
        expect(status).toBe(known === undefined ? 'unknown' : PHASES[known]);
        const experiment = experimentFromJob({ metadata: { id: 'j' }, status: { phase } });
        expect([experiment.status, experiment.providerStatus]).toEqual([status, phase]);
      }),
    );
  });
});

const options: ModelArtsExperimentOptions = { algorithmId: 'algo-1', flavorId: 'modelarts.vm.gpu.v100' };

function specOf(space: SearchSpace, limits = { maxTrials: 10, maxParallelTrials: 2 }) {
  return {
    name: 'round-trip',
    objective: { metric: 'acc', direction: 'maximize' },
    searchSpace: space,
    algorithm: 'tpe_search',
    limits,
    providerOptions: options,
  } satisfies ExperimentSpec<ModelArtsExperimentOptions>;
}

/** What ModelArts would answer for the created job: the request plus id and status. */
function jobFromRequest(request: ReturnType<typeof buildCreateRequest>['request']): ModelArtsTrainingJobWire {
  return JSON.parse(
    JSON.stringify({
      ...request,
      metadata: { ...request.metadata, id: 'j-1' },
      status: { phase: 'Creating' },
    }),
  ) as ModelArtsTrainingJobWire;
}

/** Spaces the ModelArts dialect holds exactly: text or number choices, plain linear ranges. */
const exactSpace: fc.Arbitrary<SearchSpace> = fc.dictionary(
  paramName,
  fc.oneof(
    fc
      .uniqueArray(fc.stringMatching(/^[a-z][a-z_]{0,6}$/), { minLength: 1, maxLength: 6 })
      .filter((values) => !values.every((v) => v === 'true' || v === 'false'))
      .map((values) => ({ kind: 'choice' as const, values })),
    fc
      .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 6 })
      .map((values) => ({ kind: 'choice' as const, values })),
    fc
      .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }))
      .map(([low, width]) => ({
        kind: 'float' as const,
        low: low === 0 ? 0 : low,
        high: low + width,
        scale: 'linear' as const,
      }))
      .filter((p) => p.high > p.low),
  ),
  { minKeys: 1, maxKeys: 4 },
);

describe('create → read back', () => {
  it('spaces the dialect holds exactly come back equal, through the request and through the job', () => {
    fc.assert(
      fc.property(
        exactSpace,
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 50 }),
        (space, maxTrials, maxParallelTrials) => {
          const { request, losses } = buildCreateRequest(specOf(space, { maxTrials, maxParallelTrials }));
          expect(losses).toEqual([]);
          const params = request.algorithm?.policies?.auto_search?.search_params;
          expect(readSearchSpace(params, 'search_params')).toEqual({ spec: space, losses: [] });
          const experiment = experimentFromJob(jobFromRequest(request));
          expect(experiment).toMatchObject({
            name: 'round-trip',
            status: 'pending',
            objective: { metric: 'acc', direction: 'maximize' },
            algorithm: 'tpe_search',
            limits: { maxTrials, maxParallelTrials },
            searchSpace: { spec: space, losses: [] },
          });
        },
      ),
    );
  });

  it('any space reads back as its compiled form does, and exactly when nothing was lost', () => {
    fc.assert(
      fc.property(searchSpace, (space) => {
        const { request, losses } = buildCreateRequest(specOf(space));
        const params = request.algorithm?.policies?.auto_search?.search_params ?? [];
        const back = readSearchSpace(params, 'search_params');
        expect(back?.spec).toEqual(parse(compile(space, 'modelarts').value, 'modelarts').space);
        if (losses.length === 0) expect(back?.spec).toEqual(space);
      }),
    );
  });
});
