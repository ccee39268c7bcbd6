/**
 * The fault matrix's clouds: for each, how a request is named, the cloud's own words for the
 * faults that differ between clouds (throttling, a server error, a refusal), a fake set up with
 * the same scenario for every case, and every neutral operation the cloud supports — what it
 * sends when nothing goes wrong, which request the faults are aimed at, and what it returns.
 */
import type { TuningProvider } from '../../../src/core/contract.js';
import type { JsonObject } from '../../../src/core/fields.js';
import { MAX_FAILED_POLLS } from '../../../src/core/progress/poll.js';
import { modelarts } from '../../../src/providers/modelarts/index.js';
import { pai } from '../../../src/providers/pai/index.js';
import { sagemaker } from '../../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  modelartsFake,
  paiFake,
  sagemakerFake,
} from '../../../src/testing/index.js';
import { experimentSpec as modelartsSpec, runningTrial } from '../../modelarts/helpers/env.js';
import { experimentSpec as paiSpec } from '../../pai/helpers/env.js';
import { experimentSpec as sagemakerSpec } from '../../sagemaker/helpers/env.js';
import type { Answer, Classify } from './fault-proxy.js';

const HOUR = 3_600_000;
export const PAGE_SIZE = 2;

/** The ids one case works on, set up the same way in every case's own fake. */
export interface Scenario {
  /** An ended experiment with several pages of trials. */
  ended: string;
  /** A running experiment, and one of its running trials. */
  running: string;
  runningTrial: string;
  /** A trial of `ended`. */
  endedTrial: string;
  /** What a create creates (the cloud's own experiment spec). */
  newSpec: object;
}

/** A neutral operation as the matrix runs it. */
export interface OperationCase {
  name: string;
  /** The cloud operation faults are aimed at. */
  target: string;
  /**
   * An operation sent at the same time as the target: when the target fails it may or may not
   * have gone out yet.
   */
  alongside?: string;
  /**
   * What a fault-free run sends, operation by operation, in order: those sent before the target
   * (or alongside it) first, the target, then those sent after it.
   */
  requests: readonly (readonly [string, number])[];
  /** For a target that is a write: looked up after a failure that may have hidden its effect, never resent blindly. */
  write?: {
    /** Whether crosstune sends it again once the look-up found no trace of it. */
    resend: boolean;
    /** The requests one look-up sends. */
    lookup: Readonly<Record<string, number>>;
  };
  /**
   * How the target's success answer is read: `json` a JSON body; `empty-or-json` nothing or a
   * JSON object (an operation without output); `ignored` not read at all.
   */
  answer: 'json' | 'empty-or-json' | 'ignored';
  /** The target answer with a field changed to the wrong type (schema drift). */
  drift?: (body: JsonObject) => JsonObject;
  /** A refused target reads as "no table": the trial comes from the list read beside it. */
  refusalFallsBack?: boolean;
  /** For `wait`: polls that may fail transiently (each after its own retries) before it gives up. */
  polls?: number;
  /** A listing: the faults of paging apply to its target pages. */
  paged?: {
    /** The target's answer claiming there is more after it (a fresh token, a total always ahead). */
    ahead(body: JsonObject, nth: number): JsonObject;
  };
  /** Runs the operation; what it returned, as ids (listed items are pushed to `into` as they come). */
  run(client: TuningProvider<never>, scenario: Scenario, into: string[]): Promise<unknown>;
}

export interface CloudCase {
  name: 'sagemaker' | 'pai' | 'modelarts';
  classify: Classify;
  throttle: Answer;
  serverError: Answer;
  refusal: Answer;
  authRefusal: Answer;
  /** A fresh fake with the scenario in it. */
  setUp(seed: number): { fake: { handlers: readonly unknown[] }; scenario: Scenario };
  /** Creates an experiment newer than every other (the head of a newest-first listing). */
  insertExperiment(fake: unknown): void;
  client(endpoint: string, fake: unknown, options: Record<string, unknown>): TuningProvider<never>;
  operations: OperationCase[];
}

const json = (status: number, body: JsonObject, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const collect = async (items: AsyncIterable<{ id: string }>, into: string[]) => {
  for await (const item of items) into.push(item.id);
};

/** Schema drift: `field` of the answer sent as a value of another type. */
const drift =
  (field: string, value: unknown = ['drifted']) =>
  (body: JsonObject): JsonObject => ({ ...body, [field]: value });

const NEW_NAME = 'created-by-matrix';

type Neutral =
  | 'experiments.create'
  | 'experiments.get'
  | 'experiments.list'
  | 'experiments.stop'
  | 'experiments.delete'
  | 'experiments.summarize'
  | 'experiments.wait'
  | 'trials.list'
  | 'trials.get'
  | 'trials.stop'
  | 'trainingJobs.list';

/** How the matrix calls each neutral operation: the same on every cloud. */
const RUNS: Readonly<Record<Neutral, OperationCase['run']>> = {
  'experiments.create': async (c, s, into) => {
    into.push((await c.experiments.create(s.newSpec as never)).name);
  },
  'experiments.get': async (c, s, into) => {
    into.push((await c.experiments.get(s.ended)).id);
  },
  'experiments.list': (c, _, into) => collect(c.experiments.list({ pageSize: PAGE_SIZE }), into),
  'experiments.stop': (c, s) => c.experiments.stop(s.running),
  'experiments.delete': (c, s) => c.experiments.delete(s.ended),
  'experiments.summarize': async (c, s, into) => {
    const summary = await c.experiments.summarize(s.ended);
    into.push(summary.experiment.id, summary.bestTrial?.id ?? '-', JSON.stringify(summary.trialCounts));
  },
  // Polls a moment apart: a poll that fails transiently is tried again after a pause.
  'experiments.wait': async (c, s, into) => {
    into.push((await c.experiments.wait(s.ended, { pollIntervalMs: 1, maxPollIntervalMs: 5 })).status);
  },
  'trials.list': (c, s, into) => collect(c.trials.list(s.ended, { pageSize: PAGE_SIZE }), into),
  'trials.get': async (c, s, into) => {
    into.push((await c.trials.get(s.ended, s.endedTrial)).id);
  },
  'trials.stop': (c, s) => c.trials.stop(s.running, s.runningTrial),
  'trainingJobs.list': (c, s, into) => collect(c.trainingJobs.list(s.ended, { pageSize: PAGE_SIZE }), into),
};

type Row = Partial<Omit<OperationCase, 'name' | 'target' | 'run'>>;

/** One row of a cloud's table: by default the target is all a fault-free run sends, and answers JSON. */
const operation = (name: Neutral, target: string, row: Row = {}): OperationCase => ({
  name,
  target,
  requests: [[target, 1]],
  answer: 'json',
  ...row,
  run: RUNS[name],
});

/** A listing's answer claiming more to come: a fresh token, or a total always ahead. */
const tokenAhead = { ahead: (body: JsonObject, nth: number) => ({ ...body, NextToken: `endless-${nth}` }) };
const totalAhead = (field: string) => ({
  ahead: (body: JsonObject, nth: number) => ({ ...body, [field]: 1000 + nth }),
});

const GATEWAY_REQUEST_ID = { 'x-request-id': 'matrix-0001' };

/** The trial listings of the ended experiment, page by page (trials.list, trainingJobs.list; summarize in one page). */
const SAGEMAKER_TRIAL_PAGES = {
  requests: [
    ['DescribeHyperParameterTuningJob', 1],
    ['ListTrainingJobsForHyperParameterTuningJob', 3],
  ],
  drift: drift('TrainingJobSummaries', 'drifted'),
  paged: tokenAhead,
} satisfies Row;

export const SAGEMAKER: CloudCase = {
  name: 'sagemaker',
  classify: (_method, _path, headers) => String(headers['x-amz-target'] ?? '').replace(/^SageMaker\./, ''),
  throttle: json(
    400,
    { __type: 'ThrottlingException', message: 'Rate exceeded' },
    { 'x-amzn-requestid': 'm-1' },
  ),
  serverError: json(503, { __type: 'ServiceUnavailable', message: 'Service is unavailable' }),
  refusal: json(400, {
    __type: 'com.amazon.coral.validate#ValidationException',
    message: '1 validation error detected',
  }),
  authRefusal: json(400, {
    __type: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  }),
  setUp(seed) {
    const fake = sagemakerFake({ seed });
    for (let i = 0; i < 4; i++) fake.state.seedTuningJob({ name: `listed-${i}` });
    fake.state.seedTuningJob({ name: 'ended' });
    const [endedTrial] = fake.state.seedTrainingJobs('ended', 5);
    fake.state.seedTuningJob({ name: 'running', status: 'InProgress' });
    return {
      fake,
      scenario: {
        ended: 'ended',
        endedTrial: endedTrial as string,
        running: 'running',
        runningTrial: 'none',
        newSpec: sagemakerSpec(NEW_NAME),
      },
    };
  },
  insertExperiment(fake) {
    const { clock, state } = fake as ReturnType<typeof sagemakerFake>;
    clock.advance(60_000);
    state.seedTuningJob({ name: 'inserted' });
  },
  client: (endpoint, _fake, options) =>
    sagemaker({
      region: 'us-east-1',
      endpoint: `${endpoint}/`,
      credentials: FAKE_AWS_CREDENTIALS,
      ...options,
    }),
  operations: [
    operation('experiments.create', 'CreateHyperParameterTuningJob', {
      requests: [
        ['CreateHyperParameterTuningJob', 1],
        ['DescribeHyperParameterTuningJob', 1],
      ],
      write: { resend: true, lookup: { DescribeHyperParameterTuningJob: 1 } },
      drift: drift('HyperParameterTuningJobArn'),
    }),
    operation('experiments.get', 'DescribeHyperParameterTuningJob', {
      drift: drift('HyperParameterTuningJobStatus'),
    }),
    operation('experiments.list', 'ListHyperParameterTuningJobs', {
      requests: [['ListHyperParameterTuningJobs', 3]],
      drift: drift('HyperParameterTuningJobSummaries', 'drifted'),
      paged: tokenAhead,
    }),
    operation('experiments.stop', 'StopHyperParameterTuningJob', {
      write: { resend: true, lookup: { DescribeHyperParameterTuningJob: 1 } },
      answer: 'empty-or-json',
    }),
    operation('experiments.delete', 'DeleteHyperParameterTuningJob', {
      write: { resend: true, lookup: { DescribeHyperParameterTuningJob: 1 } },
      answer: 'empty-or-json',
    }),
    operation('experiments.summarize', 'ListTrainingJobsForHyperParameterTuningJob', {
      ...SAGEMAKER_TRIAL_PAGES,
      requests: [
        ['DescribeHyperParameterTuningJob', 1],
        ['ListTrainingJobsForHyperParameterTuningJob', 1],
      ],
    }),
    operation('experiments.wait', 'DescribeHyperParameterTuningJob', {
      drift: drift('HyperParameterTuningJobStatus'),
      polls: MAX_FAILED_POLLS,
    }),
    operation('trials.list', 'ListTrainingJobsForHyperParameterTuningJob', SAGEMAKER_TRIAL_PAGES),
    // The trial and its tuning job are read at once.
    operation('trials.get', 'DescribeTrainingJob', {
      requests: [
        ['DescribeHyperParameterTuningJob', 1],
        ['DescribeTrainingJob', 1],
      ],
      alongside: 'DescribeHyperParameterTuningJob',
      drift: drift('TrainingJobStatus'),
    }),
    operation('trainingJobs.list', 'ListTrainingJobsForHyperParameterTuningJob', SAGEMAKER_TRIAL_PAGES),
  ],
};

const PAI_TRIAL_PAGES = {
  requests: [
    ['GetHpoExperiment', 1],
    ['ListHpoTrials', 5],
  ],
  drift: drift('Trials', 'drifted'),
  paged: totalAhead('TotalCount'),
} satisfies Row;

export const PAI: CloudCase = {
  name: 'pai',
  classify: (_method, _path, headers) => String(headers['x-acs-action'] ?? ''),
  throttle: json(
    400,
    {
      RequestId: 'M-1',
      HostId: 'paiautoml.cn-hangzhou.aliyuncs.com',
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
    },
    { 'x-acs-request-id': 'M-1' },
  ),
  serverError: json(503, {
    RequestId: 'M-2',
    Code: 'ServiceUnavailable',
    Message: 'The request has failed due to a temporary failure of the server.',
  }),
  refusal: json(400, { RequestId: 'M-3', Code: 'InvalidParameter', Message: 'The parameter is invalid.' }),
  // Alibaba answers an unknown key with 404: the code decides, not the status.
  authRefusal: json(404, {
    RequestId: 'M-4',
    Code: 'InvalidAccessKeyId.NotFound',
    Message: 'Specified access key is not found.',
  }),
  setUp(seed) {
    const fake = paiFake({ seed });
    // PAI's reconcile of a create compares its times with ours: the fake's clock keeps time with ours.
    fake.clock.set(Date.now());
    const ended = fake.state.seedExperiment({ name: 'ended' });
    for (let i = 0; i < 4; i++) fake.state.seedExperiment({ name: `listed-${i}` });
    fake.clock.advance(12 * HOUR);
    const running = fake.state.seedExperiment({ name: 'running' });
    fake.clock.advance(HOUR / 2);
    fake.state.sync();
    const now = fake.clock.now();
    const runningTrial = fake.state
      .trialsOf(running.id)
      .find((t) => t.runStartAt <= now && t.endedAt === undefined);
    const [endedTrial] = fake.state.trialsOf(ended.id);
    if (!runningTrial || !endedTrial) throw new Error('the PAI scenario needs a running and an ended trial');
    return {
      fake,
      scenario: {
        ended: ended.id,
        endedTrial: endedTrial.id,
        running: running.id,
        runningTrial: runningTrial.id,
        newSpec: paiSpec(NEW_NAME),
      },
    };
  },
  insertExperiment(fake) {
    const { clock, state } = fake as ReturnType<typeof paiFake>;
    clock.advance(60_000);
    state.seedExperiment({ name: 'inserted' });
  },
  client: (endpoint, fake, options) =>
    pai({
      region: (fake as { region: string }).region,
      endpoint,
      credentials: FAKE_ALIYUN_CREDENTIALS,
      ...options,
    }),
  operations: [
    operation('experiments.create', 'CreateHpoExperiment', {
      requests: [
        ['CreateHpoExperiment', 1],
        ['GetHpoExperiment', 1],
      ],
      // No client token and names are not unique: found or not, a create is never sent twice.
      write: { resend: false, lookup: { ListHpoExperiments: 1 } },
      drift: drift('ExperimentId', { drifted: true }),
    }),
    operation('experiments.get', 'GetHpoExperiment', { drift: drift('Status') }),
    operation('experiments.list', 'ListHpoExperiments', {
      requests: [['ListHpoExperiments', 3]],
      drift: drift('Experiments', 'drifted'),
      paged: totalAhead('TotalCount'),
    }),
    operation('experiments.stop', 'StopHpoExperiment', {
      write: { resend: true, lookup: { GetHpoExperiment: 1 } },
      drift: drift('Status'),
    }),
    operation('experiments.delete', 'DeleteHpoExperiment', {
      write: { resend: true, lookup: { GetHpoExperiment: 1 } },
      drift: drift('Message'),
    }),
    operation('experiments.summarize', 'ListHpoTrials', {
      ...PAI_TRIAL_PAGES,
      requests: [
        ['GetHpoExperiment', 1],
        ['ListHpoTrials', 1],
      ],
    }),
    operation('experiments.wait', 'GetHpoExperiment', { drift: drift('Status'), polls: MAX_FAILED_POLLS }),
    operation('trials.list', 'ListHpoTrials', PAI_TRIAL_PAGES),
    // The trial and its experiment are read at once.
    operation('trials.get', 'GetHpoTrial', {
      requests: [
        ['GetHpoExperiment', 1],
        ['GetHpoTrial', 1],
      ],
      alongside: 'GetHpoExperiment',
      drift: drift('Status'),
    }),
    operation('trials.stop', 'StopHpoTrials', {
      write: { resend: true, lookup: { GetHpoTrial: 1 } },
      drift: drift('Results', 'drifted'),
    }),
    operation('trainingJobs.list', 'ListHpoTrials', {
      ...PAI_TRIAL_PAGES,
      requests: [...PAI_TRIAL_PAGES.requests, ['ListHpoTrialCommands', 10]],
    }),
  ],
};

/** ModelArts' operations by method and path (its SDKs' names), after `/v2/{project}`. */
const MODELARTS_ROUTES: readonly (readonly [string, RegExp, string])[] = [
  ['POST', /^\/training-jobs$/, 'CreateTrainingJob'],
  ['POST', /^\/training-job-searches$/, 'ListTrainingJobs'],
  ['GET', /^\/training-jobs\/[^/]+$/, 'ShowTrainingJobDetails'],
  ['DELETE', /^\/training-jobs\/[^/]+$/, 'DeleteTrainingJob'],
  ['POST', /^\/training-jobs\/[^/]+\/actions$/, 'StopTrainingJob'],
  ['GET', /^\/training-jobs\/[^/]+\/autosearch-trials$/, 'ShowAutoSearchTrials'],
  ['GET', /^\/training-jobs\/[^/]+\/autosearch-trials\/[^/]+$/, 'ShowAutoSearchPerTrial'],
  ['POST', /^\/training-jobs\/[^/]+\/autosearch-trial-earlystop\/[^/]+$/, 'ShowAutoSearchTrialEarlyStop'],
];

const MODELARTS_TRIAL_PAGES = {
  requests: [
    ['ShowTrainingJobDetails', 1],
    ['ShowAutoSearchTrials', 6],
  ],
  drift: drift('items', 'drifted'),
  paged: totalAhead('total'),
} satisfies Row;

export const MODELARTS: CloudCase = {
  name: 'modelarts',
  classify(method, path) {
    const rest = path.replace(/\?.*$/, '').replace(/^\/v2\/[^/]+/, '');
    return (
      MODELARTS_ROUTES.find(([m, pattern]) => m === method && pattern.test(rest))?.[2] ?? `${method} ${path}`
    );
  },
  throttle: json(
    429,
    {
      error_code: 'APIG.0308',
      error_msg:
        'The throttling threshold has been reached: policy user over ratelimit,limit:50,time:1 minute',
      request_id: 'm-1',
    },
    GATEWAY_REQUEST_ID,
  ),
  serverError: json(500, { error_code: 'ModelArts.0010', error_msg: 'Internal error.' }, GATEWAY_REQUEST_ID),
  refusal: json(400, {
    error_code: 'ModelArts.2755',
    error_msg: 'algorithm not found.',
    error_solution: 'Check whether the training project information in the request is valid.',
  }),
  authRefusal: json(401, {
    error_code: 'APIG.0301',
    error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
    request_id: 'm-4',
  }),
  setUp(seed) {
    const fake = modelartsFake({ seed });
    const ended = fake.state.seedJob({ name: 'ended' });
    for (let i = 0; i < 4; i++) fake.state.seedJob({ name: `listed-${i}` });
    fake.clock.advance(24 * HOUR);
    const running = fake.state.seedJob({ name: 'running' });
    const trial = runningTrial(fake, running.id);
    fake.state.sync();
    const [endedTrial] = fake.state.trialsOf(ended.id);
    if (!endedTrial) throw new Error('the ModelArts scenario needs an ended trial');
    return {
      fake,
      scenario: {
        ended: ended.id,
        endedTrial: endedTrial.id,
        running: running.id,
        runningTrial: trial,
        newSpec: modelartsSpec(NEW_NAME),
      },
    };
  },
  insertExperiment(fake) {
    const { clock, state } = fake as ReturnType<typeof modelartsFake>;
    clock.advance(60_000);
    state.seedJob({ name: 'inserted' });
  },
  client: (endpoint, fake, options) =>
    modelarts({
      region: (fake as { region: string }).region,
      endpoint,
      projectId: (fake as { projectId: string }).projectId,
      credentials: FAKE_HUAWEI_CREDENTIALS,
      ...options,
    }),
  operations: [
    operation('experiments.create', 'CreateTrainingJob', {
      write: { resend: true, lookup: { ListTrainingJobs: 1 } },
      drift: drift('metadata', 'drifted'),
    }),
    operation('experiments.get', 'ShowTrainingJobDetails', { drift: drift('metadata', 'drifted') }),
    operation('experiments.list', 'ListTrainingJobs', {
      requests: [['ListTrainingJobs', 5]],
      drift: drift('items', 'drifted'),
      // The search names no total: a full page says there may be more.
      paged: { ahead: (body) => body },
    }),
    operation('experiments.stop', 'StopTrainingJob', {
      write: { resend: true, lookup: { ShowTrainingJobDetails: 1 } },
      drift: drift('metadata', 'drifted'),
    }),
    operation('experiments.delete', 'DeleteTrainingJob', {
      write: { resend: true, lookup: { ShowTrainingJobDetails: 1 } },
      answer: 'ignored',
    }),
    operation('experiments.summarize', 'ShowAutoSearchTrials', {
      ...MODELARTS_TRIAL_PAGES,
      requests: [
        ['ShowTrainingJobDetails', 1],
        ['ShowAutoSearchTrials', 1],
      ],
    }),
    operation('experiments.wait', 'ShowTrainingJobDetails', {
      drift: drift('metadata', 'drifted'),
      polls: MAX_FAILED_POLLS,
    }),
    operation('trials.list', 'ShowAutoSearchTrials', MODELARTS_TRIAL_PAGES),
    // The trial's own table and the trial list are read at once.
    operation('trials.get', 'ShowAutoSearchPerTrial', {
      requests: [
        ['ShowTrainingJobDetails', 1],
        ['ShowAutoSearchTrials', 1],
        ['ShowAutoSearchPerTrial', 1],
      ],
      alongside: 'ShowAutoSearchTrials',
      drift: drift('data', 'drifted'),
      refusalFallsBack: true,
    }),
    // Whether the trial has ended: its job, its row and the table it sits in.
    operation('trials.stop', 'ShowAutoSearchTrialEarlyStop', {
      write: {
        resend: true,
        lookup: { ShowTrainingJobDetails: 1, ShowAutoSearchPerTrial: 1, ShowAutoSearchTrials: 1 },
      },
      drift: drift('earlystop_trial'),
    }),
    operation('trainingJobs.list', 'ShowTrainingJobDetails', { drift: drift('metadata', 'drifted') }),
  ],
};

export const CLOUDS: readonly CloudCase[] = [SAGEMAKER, PAI, MODELARTS];
