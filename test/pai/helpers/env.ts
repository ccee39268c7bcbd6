// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/**
 * Protocol-level set-up for the PAI adapter's tests: the real adapter (Alibaba's signer,
 * crosstune's transport, wire schemas, normalizer) against minimal msw handlers written per test,
 * with every request captured as it went on the wire.
 */
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type AttemptEvent, choice, type ExperimentSpec, float, space } from '../../../src/index.js';
import {
  type PaiExperimentOptions,
  type PaiOptions,
  type PaiProvider,
  pai,
} from '../../../src/providers/pai/index.js';

export const REGION = 'cn-hangzhou';
export const HOST = `paiautoml.${REGION}.aliyuncs.com`;
export const ORIGIN = `https://${HOST}`;
export const BASE = `${ORIGIN}/api/automl/v1`;

export const CREDENTIALS = {
  accessKeyId: 'LTAI5tCrosstuneTestId',
  accessKeySecret: 'crosstune-test-secret-0123456789',
} as const;

/** Tiny waits so that retry tests take milliseconds. */
export const FAST_RETRY = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 } as const;

export interface Captured {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

export interface PaiServer {
  server: ReturnType<typeof setupServer>;
  /** Every request that reached msw in this test, in the order sent. */
  requests: Captured[];
  /** Waits until the bodies of all captured requests are read. */
  settled(): Promise<Captured[]>;
}

/** One msw server for the test file; handlers and captures reset after each test; unhandled requests fail. */
export function usePaiServer(): PaiServer {
  const server = setupServer();
  const requests: Captured[] = [];
  let reading: Promise<void>[] = [];
  server.events.on('request:start', ({ request }) => {
    const entry: Captured = {
      method: request.method,
      url: new URL(request.url),
      headers: Object.fromEntries(request.headers),
      body: '',
    };
    requests.push(entry);
    reading.push(
      request
        .clone()
        .text()
        .then((body) => {
          entry.body = body;
        }),
    );
  });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
    reading = [];
  });
  afterAll(() => server.close());
  return {
    server,
    requests,
    settled: async () => {
      await Promise.all(reading);
      return requests;
    },
  };
}

type Method = 'get' | 'post' | 'put';

/** A handler answering `method path` (relative to `/api/automl/v1`) with `body` as JSON (or a resolver). */
export function on(
  method: Method,
  path: string,
  answer:
    | JsonBodyType
    | ((info: { request: Request; params: Record<string, unknown> }) => Response | Promise<Response>),
  init?: ResponseInit,
) {
  return http[method](`${BASE}${path}`, (info) =>
    typeof answer === 'function'
      ? (answer as (i: typeof info) => Response | Promise<Response>)(info)
      : HttpResponse.json(answer, init),
  );
}

/** The adapter as an application would build it, with fast retries and the test key pair. */
export function client(options: Partial<PaiOptions> = {}): PaiProvider {
  return pai({ region: REGION, credentials: CREDENTIALS, retry: FAST_RETRY, ...options });
}

export function recordAttempts(): { events: AttemptEvent[]; hooks: { onAttempt(e: AttemptEvent): void } } {
  const events: AttemptEvent[] = [];
  return { events, hooks: { onAttempt: (event) => events.push(event) } };
}

/** Catches the rejection of a promise so it can be inspected. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A minimal trial as ListHpoTrials returns it. */
export function trialItem(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    TrialId: id,
    ExperimentId: 'exp1',
    Status: 'SUCCEEDED',
    Hyperparam: '{"${lr}": 0.1}',
    Metric: '[{"default": 0.5, "type": "FINAL"}]',
    FinalMetric: '0.5',
    JobMeta: `{"nni_trial_id": "nni-${id}"}`,
    GmtCreateTime: '2024-01-02 12:34:56',
    GmtModifiedTime: '2024-01-02 13:00:00',
    ...overrides,
  };
}

/** A minimal experiment as ListHpoExperiments returns it. */
export function experimentItem(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ExperimentId: id,
    Name: `name-${id}`,
    Status: 'RUNNING',
    GmtCreateTime: '2024-01-01 08:30:11',
    GmtModifiedTime: '2024-01-01 08:30:11',
    ...overrides,
  };
}

/** An HPO experiment a PAI fake runs: DLC trials passing both hyperparameters by placeholder. */
export function experimentSpec(name = 'mnist-lr'): ExperimentSpec<PaiExperimentOptions> {
  return {
    name,
    objective: { metric: 'val_accuracy=([0-9\\.]+)', direction: 'maximize' },
    searchSpace: space({ lr: float(1e-4, 0.1, { log: true }), batch_size: choice([16, 32, 64]) }),
    limits: { maxTrials: 6, maxParallelTrials: 2 },
    providerOptions: {
      platformConfig: {
        name: 'DLC',
        cmd: [
          "dlc submit pytorch --name=t_${exp_id}_${trial_id} --command='python train.py --lr=${lr} --batch_size=${batch_size}'",
        ],
      },
      metricConfig: { metric_type: 'stdout', metric_source: ['cmd1'] },
      configuration: {
        dlc_config: {
          endpoint: 'pai-dlc.cn-hangzhou.aliyuncs.com',
          region: 'cn-hangzhou',
          protocol: 'https',
        },
      },
    },
  };
}
