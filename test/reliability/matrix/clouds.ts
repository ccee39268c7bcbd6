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
  /** The name a create uses. */
  newName: string;
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
  run(client: TuningProvider<never>, scenario: Scenario, into: string[]): Promise<void>;
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

/** The neutral operations every cloud runs the same way; a cloud gives each its target and requests. */
const run = {
  create:
    (spec: (name: string) => object) => async (c: TuningProvider<never>, s: Scenario, into: string[]) => {
      into.push((await c.experiments.create(spec(s.newName) as never)).name);
    },
  get: async (c: TuningProvider<never>, s: Scenario, into: string[]) => {
    into.push((await c.experiments.get(s.ended)).id);
  },
  list: (c: TuningProvider<never>, _: Scenario, into: string[]) =>
    collect(c.experiments.list({ pageSize: PAGE_SIZE }), into),
  stop: (c: TuningProvider<never>, s: Scenario) => c.experiments.stop(s.running),
  delete: (c: TuningProvider<never>, s: Scenario) => c.experiments.delete(s.ended),
  summarize: async (c: TuningProvider<never>, s: Scenario, into: string[]) => {
    const summary = await c.experiments.summarize(s.ended);
    into.push(summary.experiment.id, summary.bestTrial?.id ?? '-', JSON.stringify(summary.trialCounts));
  },
  // Polls a moment apart: a poll that fails transiently is tried again after a pause.
  wait: async (c: TuningProvider<never>, s: Scenario, into: string[]) => {
    into.push((await c.experiments.wait(s.ended, { pollIntervalMs: 1, maxPollIntervalMs: 5 })).status);
  },
  trialsList: (c: TuningProvider<never>, s: Scenario, into: string[]) =>
    collect(c.trials.list(s.ended, { pageSize: PAGE_SIZE }), into),
  trialsGet: async (c: TuningProvider<never>, s: Scenario, into: string[]) => {
    into.push((await c.trials.get(s.ended, s.endedTrial)).id);
  },
  trialsStop: (c: TuningProvider<never>, s: Scenario) => c.trials.stop(s.running, s.runningTrial),
  trainingJobsList: (c: TuningProvider<never>, s: Scenario, into: string[]) =>
    collect(c.trainingJobs.list(s.ended, { pageSize: PAGE_SIZE }), into),
};

const GATEWAY_REQUEST_ID = { 'x-request-id': 'matrix-0001' };

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
        newName: 'created-by-matrix',
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
    {
      name: 'experiments.create',
      target: 'CreateHyperParameterTuningJob',
      requests: [
        ['CreateHyperParameterTuningJob', 1],
        ['DescribeHyperParameterTuningJob', 1],
      ],
      write: { resend: true, lookup: { DescribeHyperParameterTuningJob: 1 } },
      answer: 'json',
      drift: drift('HyperParameterTuningJobArn'),
      run: run.create((name) => sagemakerSpec(name)),
    },
    {
      name: 'experiments.get',
      target: 'DescribeHyperParameterTuningJob',
      requests: [['DescribeHyperParameterTuningJob', 1]],
      answer: 'json',
      drift: drift('HyperParameterTuningJobStatus'),
      run: run.get,
    },
    {
      name: 'experiments.list',
      target: 'ListHyperParameterTuningJobs',
      requests: [['ListHyperParameterTuningJobs', 3]],
      answer: 'json',
      drift: drift('HyperParameterTuningJobSummaries', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, NextToken: `endless-${nth}` }) },
      run: run.list,
    },
    {
      name: 'experiments.stop',
      target: 'StopHyperParameterTuningJob',
      requests: [['StopHyperParameterTuningJob', 1]],
      write: { resend: true, lookup: { DescribeHyperParameterTuningJob: 1 } },
      answer: 'empty-or-json',
      run: run.stop,
    },
    {
      name: 'experiments.delete',
      target: 'DeleteHyperParameterTuningJob',
      requests: [['DeleteHyperParameterTuningJob', 1]],
      write: { resend: true, lookup: { DescribeHyperParameterTuningJob: 1 } },
      answer: 'empty-or-json',
      run: run.delete,
    },
    {
      name: 'experiments.summarize',
      target: 'ListTrainingJobsForHyperParameterTuningJob',
      requests: [
        ['DescribeHyperParameterTuningJob', 1],
        ['ListTrainingJobsForHyperParameterTuningJob', 1],
      ],
      answer: 'json',
      drift: drift('TrainingJobSummaries', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, NextToken: `endless-${nth}` }) },
      run: run.summarize,
    },
    {
      name: 'experiments.wait',
      target: 'DescribeHyperParameterTuningJob',
      requests: [['DescribeHyperParameterTuningJob', 1]],
      answer: 'json',
      drift: drift('HyperParameterTuningJobStatus'),
      polls: MAX_FAILED_POLLS,
      run: run.wait,
    },
    {
      name: 'trials.list',
      target: 'ListTrainingJobsForHyperParameterTuningJob',
      requests: [
        ['DescribeHyperParameterTuningJob', 1],
        ['ListTrainingJobsForHyperParameterTuningJob', 3],
      ],
      answer: 'json',
      drift: drift('TrainingJobSummaries', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, NextToken: `endless-${nth}` }) },
      run: run.trialsList,
    },
    {
      name: 'trials.get',
      target: 'DescribeTrainingJob',
      // The trial and its tuning job are read at once.
      requests: [
        ['DescribeHyperParameterTuningJob', 1],
        ['DescribeTrainingJob', 1],
      ],
      alongside: 'DescribeHyperParameterTuningJob',
      answer: 'json',
      drift: drift('TrainingJobStatus'),
      run: run.trialsGet,
    },
    {
      name: 'trainingJobs.list',
      target: 'ListTrainingJobsForHyperParameterTuningJob',
      requests: [
        ['DescribeHyperParameterTuningJob', 1],
        ['ListTrainingJobsForHyperParameterTuningJob', 3],
      ],
      answer: 'json',
      drift: drift('TrainingJobSummaries', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, NextToken: `endless-${nth}` }) },
      run: run.trainingJobsList,
    },
  ],
};

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
        newName: 'created-by-matrix',
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
    {
      name: 'experiments.create',
      target: 'CreateHpoExperiment',
      requests: [
        ['CreateHpoExperiment', 1],
        ['GetHpoExperiment', 1],
      ],
      // No client token and names are not unique: found or not, a create is never sent twice.
      write: { resend: false, lookup: { ListHpoExperiments: 1 } },
      answer: 'json',
      drift: drift('ExperimentId', { drifted: true }),
      run: run.create((name) => paiSpec(name)),
    },
    {
      name: 'experiments.get',
      target: 'GetHpoExperiment',
      requests: [['GetHpoExperiment', 1]],
      answer: 'json',
      drift: drift('Status'),
      run: run.get,
    },
    {
      name: 'experiments.list',
      target: 'ListHpoExperiments',
      requests: [['ListHpoExperiments', 3]],
      answer: 'json',
      drift: drift('Experiments', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, TotalCount: 1000 + nth }) },
      run: run.list,
    },
    {
      name: 'experiments.stop',
      target: 'StopHpoExperiment',
      requests: [['StopHpoExperiment', 1]],
      write: { resend: true, lookup: { GetHpoExperiment: 1 } },
      answer: 'json',
      drift: drift('Status'),
      run: run.stop,
    },
    {
      name: 'experiments.delete',
      target: 'DeleteHpoExperiment',
      requests: [['DeleteHpoExperiment', 1]],
      write: { resend: true, lookup: { GetHpoExperiment: 1 } },
      answer: 'json',
      drift: drift('Message'),
      run: run.delete,
    },
    {
      name: 'experiments.summarize',
      target: 'ListHpoTrials',
      requests: [
        ['GetHpoExperiment', 1],
        ['ListHpoTrials', 1],
      ],
      answer: 'json',
      drift: drift('Trials', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, TotalCount: 1000 + nth }) },
      run: run.summarize,
    },
    {
      name: 'experiments.wait',
      target: 'GetHpoExperiment',
      requests: [['GetHpoExperiment', 1]],
      answer: 'json',
      drift: drift('Status'),
      polls: MAX_FAILED_POLLS,
      run: run.wait,
    },
    {
      name: 'trials.list',
      target: 'ListHpoTrials',
      requests: [
        ['GetHpoExperiment', 1],
        ['ListHpoTrials', 5],
      ],
      answer: 'json',
      drift: drift('Trials', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, TotalCount: 1000 + nth }) },
      run: run.trialsList,
    },
    {
      name: 'trials.get',
      target: 'GetHpoTrial',
      // The trial and its experiment are read at once.
      requests: [
        ['GetHpoExperiment', 1],
        ['GetHpoTrial', 1],
      ],
      alongside: 'GetHpoExperiment',
      answer: 'json',
      drift: drift('Status'),
      run: run.trialsGet,
    },
    {
      name: 'trials.stop',
      target: 'StopHpoTrials',
      requests: [['StopHpoTrials', 1]],
      write: { resend: true, lookup: { GetHpoTrial: 1 } },
      answer: 'json',
      drift: drift('Results', 'drifted'),
      run: run.trialsStop,
    },
    {
      name: 'trainingJobs.list',
      target: 'ListHpoTrials',
      requests: [
        ['GetHpoExperiment', 1],
        ['ListHpoTrials', 5],
        ['ListHpoTrialCommands', 10],
      ],
      answer: 'json',
      drift: drift('Trials', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, TotalCount: 1000 + nth }) },
      run: run.trainingJobsList,
    },
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
        newName: 'created-by-matrix',
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
    {
      name: 'experiments.create',
      target: 'CreateTrainingJob',
      requests: [['CreateTrainingJob', 1]],
      write: { resend: true, lookup: { ListTrainingJobs: 1 } },
      answer: 'json',
      drift: drift('metadata', 'drifted'),
      run: run.create((name) => modelartsSpec(name)),
    },
    {
      name: 'experiments.get',
      target: 'ShowTrainingJobDetails',
      requests: [['ShowTrainingJobDetails', 1]],
      answer: 'json',
      drift: drift('metadata', 'drifted'),
      run: run.get,
    },
    {
      name: 'experiments.list',
      target: 'ListTrainingJobs',
      requests: [['ListTrainingJobs', 5]],
      answer: 'json',
      drift: drift('items', 'drifted'),
      // The search names no total: a full page says there may be more.
      paged: { ahead: (body) => body },
      run: run.list,
    },
    {
      name: 'experiments.stop',
      target: 'StopTrainingJob',
      requests: [['StopTrainingJob', 1]],
      write: { resend: true, lookup: { ShowTrainingJobDetails: 1 } },
      answer: 'json',
      drift: drift('metadata', 'drifted'),
      run: run.stop,
    },
    {
      name: 'experiments.delete',
      target: 'DeleteTrainingJob',
      requests: [['DeleteTrainingJob', 1]],
      write: { resend: true, lookup: { ShowTrainingJobDetails: 1 } },
      answer: 'ignored',
      run: run.delete,
    },
    {
      name: 'experiments.summarize',
      target: 'ShowAutoSearchTrials',
      requests: [
        ['ShowTrainingJobDetails', 1],
        ['ShowAutoSearchTrials', 1],
      ],
      answer: 'json',
      drift: drift('items', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, total: 1000 + nth }) },
      run: run.summarize,
    },
    {
      name: 'experiments.wait',
      target: 'ShowTrainingJobDetails',
      requests: [['ShowTrainingJobDetails', 1]],
      answer: 'json',
      drift: drift('metadata', 'drifted'),
      polls: MAX_FAILED_POLLS,
      run: run.wait,
    },
    {
      name: 'trials.list',
      target: 'ShowAutoSearchTrials',
      requests: [
        ['ShowTrainingJobDetails', 1],
        ['ShowAutoSearchTrials', 6],
      ],
      answer: 'json',
      drift: drift('items', 'drifted'),
      paged: { ahead: (body, nth) => ({ ...body, total: 1000 + nth }) },
      run: run.trialsList,
    },
    {
      name: 'trials.get',
      target: 'ShowAutoSearchPerTrial',
      // The trial's own table and the trial list are read at once.
      requests: [
        ['ShowTrainingJobDetails', 1],
        ['ShowAutoSearchTrials', 1],
        ['ShowAutoSearchPerTrial', 1],
      ],
      alongside: 'ShowAutoSearchTrials',
      answer: 'json',
      drift: drift('data', 'drifted'),
      refusalFallsBack: true,
      run: run.trialsGet,
    },
    {
      name: 'trials.stop',
      target: 'ShowAutoSearchTrialEarlyStop',
      requests: [['ShowAutoSearchTrialEarlyStop', 1]],
      // Whether the trial has ended: its job, its row and the table it sits in.
      write: {
        resend: true,
        lookup: { ShowTrainingJobDetails: 1, ShowAutoSearchPerTrial: 1, ShowAutoSearchTrials: 1 },
      },
      answer: 'json',
      drift: drift('earlystop_trial'),
      run: run.trialsStop,
    },
    {
      name: 'trainingJobs.list',
      target: 'ShowTrainingJobDetails',
      requests: [['ShowTrainingJobDetails', 1]],
      answer: 'json',
      drift: drift('metadata', 'drifted'),
      run: run.trainingJobsList,
    },
  ],
};

export const CLOUDS: readonly CloudCase[] = [SAGEMAKER, PAI, MODELARTS];
