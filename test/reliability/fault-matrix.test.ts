/**
 * The fault matrix (issue 9): 3 clouds × every neutral operation each supports × every fault
 * class, each case against its own fake behind its own scripted loopback proxy (matrix/
 * fault-proxy.ts) — never the fakes' own fault switches. Every case asserts the outcome (a
 * result equal to a fault-free run's, or the error class and its `retryable`) and the requests
 * of every operation the proxy saw. The cases come from tables: the clouds and their operations
 * (matrix/clouds.ts), the faults and the rules of what each must come to (matrix/faults.ts).
 * docs/reliability.md says what is covered and how to read a failure.
 */
import { describe, expect, it } from 'vitest';
import { CrosstuneError } from '../../src/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  startLoopbackServer,
} from '../../src/testing/index.js';
import {
  CLOUDS,
  type CloudCase,
  collect,
  type OperationCase,
  PAGE_SIZE,
  type Scenario,
} from './matrix/clouds.js';
import { type Action, type Script, type Seen, startFaultProxy } from './matrix/fault-proxy.js';
import {
  ATTEMPTS,
  applies,
  baseOf,
  type Expected,
  expected,
  FAULTS,
  type Fault,
  type Mode,
  PAGING_FAULTS,
} from './matrix/faults.js';

const SEED = 9;
/**
 * Per-attempt limit of the cases whose answers never come; every other case has a generous one.
 * The same limit applies to the answers those cases do get (a look-up after a held write, the
 * other pages of a listing), so it leaves room for a machine under load: at 1 s, a CI run on a
 * busy machine saw forwarded answers time out and be retried, an extra request the counts caught.
 */
const DEADLINE_MS = 2_000;
const POLICY = { maxAttempts: ATTEMPTS, baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 };
/** What a paging fault may cost before the walk stops: the first page, the read-ahead, a few more. */
const PAGING_FAULT_REQUESTS = 6;
const SECRETS = [
  FAKE_AWS_CREDENTIALS.secretAccessKey,
  FAKE_ALIYUN_CREDENTIALS.accessKeySecret,
  FAKE_HUAWEI_CREDENTIALS.secretAccessKey,
];

interface Run {
  /** What the operation returned (or listed before it failed), as ids. */
  result: string[];
  error: CrosstuneError | undefined;
  counts: Record<string, number>;
  seen: readonly Seen[];
  elapsedMs: number;
}

interface CaseOptions {
  /** What the proxy does with each request; it may act on the case's fake. */
  script(fake: unknown): Script;
  timeoutMs: number;
  /** Instead of the operation's own run. */
  run?: OperationCase['run'];
  /** Changes to the scenario's ids. */
  ids?: Partial<Scenario>;
}

/** One case: a fresh fake with the scenario, a proxy scripted by `script`, a client through it. */
async function runCase(cloud: CloudCase, op: OperationCase, options: CaseOptions): Promise<Run> {
  const { fake, scenario } = cloud.setUp(SEED);
  const upstream = await startLoopbackServer(fake.handlers as never);
  const proxy = await startFaultProxy(upstream.url, cloud.classify, options.script(fake));
  try {
    const client = cloud.client(proxy.url, fake, { retry: POLICY, timeoutMs: options.timeoutMs });
    const result: string[] = [];
    const started = performance.now();
    let error: CrosstuneError | undefined;
    try {
      await (options.run ?? op.run)(client, { ...scenario, ...options.ids }, result);
    } catch (caught) {
      error = caught as CrosstuneError;
    }
    return {
      result,
      error,
      counts: proxy.counts(),
      seen: proxy.seen,
      elapsedMs: performance.now() - started,
    };
  } finally {
    await proxy.close();
    await upstream.close();
  }
}

/** What a fault-free run of each operation returns, run once per operation and shared by its cases. */
const references = new Map<string, Promise<Run>>();
const reference = (cloud: CloudCase, op: OperationCase) => {
  const key = `${cloud.name} ${op.name}`;
  let run = references.get(key);
  if (!run) {
    run = runCase(cloud, op, { script: () => forward, timeoutMs: 10_000 });
    references.set(key, run);
  }
  return run;
};

/** The requests per operation a run with `expect`ed outcome sends. */
function expectedRequests(op: OperationCase, e: Expected): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (name: string, n: number) => {
    if (n > 0) counts[name] = (counts[name] ?? 0) + n;
  };
  const targetAt = op.requests.findIndex(([name]) => name === op.target);
  op.requests.forEach(([name, n], i) => {
    if (name === op.target) add(name, e.target);
    else if (i < targetAt || e.rest) add(name, n);
  });
  for (const [name, n] of Object.entries(op.write?.lookup ?? {})) add(name, n * e.lookups);
  return counts;
}

/** The run as the assertion compares it: readable on failure as a diff of outcome and requests. */
const summary = (run: Run) => ({
  outcome: run.error === undefined ? 'ok' : CrosstuneError.is(run.error) ? run.error.name : String(run.error),
  retryable: run.error?.retryable,
  requests: run.counts,
});

const trail = (run: Run) =>
  `requests: ${run.seen.map((s) => `${s.operation}#${s.nth}`).join(' → ')}; error: ${run.error?.message ?? 'none'}`;

function assertNoSecret(run: Run): void {
  if (!run.error) return;
  const shown = `${run.error.message} ${JSON.stringify(run.error)}`;
  for (const secret of SECRETS) expect(shown).not.toContain(secret);
}

interface FaultCase {
  label: string;
  fault: Fault;
  mode: Mode;
}

/** Each fault that applies, once (the first target request) and — when retried — on every one. */
function faultCases(op: OperationCase, deadlines: boolean): FaultCase[] {
  return FAULTS.filter(
    (fault) => applies(fault, op) && (fault.error === 'TimeoutError') === deadlines,
  ).flatMap((fault) =>
    (fault.retryable ? (['once', 'always'] as const) : (['once'] as const)).map((mode) => ({
      label: `${fault.name}, ${mode === 'once' ? 'once' : 'every time'}`,
      fault,
      mode,
    })),
  );
}

async function faultCase(cloud: CloudCase, op: OperationCase, { fault, mode }: FaultCase): Promise<void> {
  const want = expected(fault, op, mode);
  const aimed: Script = (seen) =>
    seen.operation === op.target && (mode === 'always' || seen.nth === 1)
      ? fault.action(cloud, op)
      : forward();
  const deadline = fault.error === 'TimeoutError';
  const run = await runCase(cloud, op, { script: () => aimed, timeoutMs: deadline ? DEADLINE_MS : 10_000 });
  const requests = expectedRequests(op, want);
  const got = summary(run);
  // A request sent alongside a failing target may not have gone out: at most what a fault-free run sends.
  if (want.outcome !== 'ok' && op.alongside) {
    expect(got.requests[op.alongside] ?? 0, trail(run)).toBeLessThanOrEqual(requests[op.alongside] ?? 0);
    delete got.requests[op.alongside];
    delete requests[op.alongside];
  }
  expect(got, trail(run)).toEqual({
    outcome: want.outcome,
    retryable: want.outcome === 'ok' ? undefined : want.retryable,
    requests,
  });
  if (want.outcome === 'ok') expect(run.result).toEqual((await reference(cloud, op)).result);
  else expect(run.error?.provider).toBe(cloud.name);
  assertNoSecret(run);
  // Attempts that get no answer end at the per-attempt limit, whatever the server does (plus a margin).
  if (deadline) expect(run.elapsedMs).toBeLessThan(want.target * DEADLINE_MS + 3_000);
}

const forward = (): Action => ({ do: 'forward' });

/** Operations that take no id (the rest are all given hostile ones). */
const WITHOUT_IDS = new Set(['experiments.create', 'experiments.list']);
const HOSTILE_IDS: Partial<Scenario> = { ended: '..', running: '', endedTrial: '.', runningTrial: 'a\nb' };

const CLOUD_ROWS = CLOUDS.map((cloud) => [cloud.name, cloud] as const);
const operationRows = (cloud: CloudCase) => cloud.operations.map((op) => [op.name, op] as const);

// Cases wait on sockets and timers far more than they compute: within each part they run side by
// side (vitest.config.ts' maxConcurrency), each with its own fake, proxy and client.
describe('faults answered at once', () => {
  describe.concurrent.each(CLOUD_ROWS)('%s', (_, cloud) => {
    it('every operation the cloud does not support is refused before anything is sent', async () => {
      const groups = cloud.operations.map((op) => op.name);
      const { fake, scenario } = cloud.setUp(SEED);
      const client = cloud.client('http://127.0.0.1:9', fake, { retry: POLICY });
      const capabilities = client.capabilities as unknown as Record<string, Record<string, string>>;
      for (const [group, operations] of Object.entries(capabilities)) {
        if (group === 'notes') continue;
        for (const [name, support] of Object.entries(operations)) {
          const neutral = `${group}.${name}`;
          expect(groups.includes(neutral), `${neutral} is ${support}`).toBe(support !== 'unsupported');
        }
      }
      if (capabilities.trials?.stop === 'unsupported') {
        await expect(client.trials.stop(scenario.running, 'any')).rejects.toMatchObject({
          name: 'UnsupportedOperationError',
        });
      }
    });

    describe.each(operationRows(cloud))('%s', (_, op) => {
      it(`without a fault: ${op.requests.map(([name, n]) => `${name} ×${n}`).join(', ')}`, async () => {
        const run = await reference(cloud, op);
        expect(run.error, trail(run)).toBeUndefined();
        expect(run.counts).toEqual(Object.fromEntries(op.requests));
        expect(new Set(run.result).size).toBe(run.result.length);
      });

      it.each(faultCases(op, false).map((c) => [c.label, c] as const))('%s', (_, c) =>
        faultCase(cloud, op, c),
      );

      if (!WITHOUT_IDS.has(op.name)) {
        it('hostile ids: an InvalidArgumentError, and nothing sent', async () => {
          const run = await runCase(cloud, op, {
            script: () => forward,
            timeoutMs: 10_000,
            ids: HOSTILE_IDS,
          });
          expect(summary(run)).toEqual({ outcome: 'InvalidArgumentError', retryable: false, requests: {} });
        });
      }

      if (op.name === 'experiments.list') {
        it('an experiment created at the head of a newest-first listing between pages: each listed once, none lost', async () => {
          const inserting =
            (fake: unknown): Script =>
            (seen) =>
              seen.operation === op.target && seen.nth === 1
                ? {
                    do: 'edit',
                    edit: (answer) => {
                      cloud.insertExperiment(fake);
                      return answer;
                    },
                  }
                : forward();
          const newestFirst: OperationCase['run'] = (client, _, into) =>
            collect(
              client.experiments.list({ pageSize: PAGE_SIZE, sortBy: 'createdAt', sortOrder: 'desc' }),
              into,
            );
          const run = await runCase(cloud, op, { script: inserting, timeoutMs: 10_000, run: newestFirst });
          expect(run.error, trail(run)).toBeUndefined();
          expect(new Set(run.result).size, trail(run)).toBe(run.result.length);
          const listed = (await reference(cloud, op)).result;
          // Everything there before is listed once; the new one too, where the walk reads the head again.
          expect(run.result, trail(run)).toEqual(expect.arrayContaining(listed));
          expect(run.result.length - listed.length, trail(run)).toBeLessThanOrEqual(1);
        });
      }

      if (op.paged) {
        const pagingCases = PAGING_FAULTS.filter((fault) => !fault.needsPages || baseOf(op) > 1);
        it.each(pagingCases.map((fault) => [fault.name, fault] as const))(
          '%s: a PaginationError within a few requests, nothing yielded twice',
          async (_, fault) => {
            const script = fault.script(op);
            const run = await runCase(cloud, op, {
              script: () => (seen) => (seen.operation === op.target ? script(seen) : forward()),
              timeoutMs: 10_000,
            });
            expect(run.error?.name, trail(run)).toBe('PaginationError');
            expect(run.error?.retryable).toBe(false);
            expect(new Set(run.result).size).toBe(run.result.length);
            expect(run.counts[op.target] ?? 0, trail(run)).toBeLessThanOrEqual(PAGING_FAULT_REQUESTS);
            assertNoSecret(run);
          },
        );
      }
    });
  });
});

// Apart from the rest, so that no other case's work delays an answer past the deadline.
describe(`answers held past the deadline (${DEADLINE_MS} ms an attempt)`, () => {
  describe.concurrent.each(CLOUD_ROWS)('%s', (_, cloud) => {
    describe.each(operationRows(cloud))('%s', (_, op) => {
      // A wait whose every poll is held spends a deadline per attempt of each poll it makes.
      it.each(faultCases(op, true).map((c) => [c.label, c] as const))(
        '%s',
        (_, c) => faultCase(cloud, op, c),
        60_000,
      );
    });
  });
});
