/**
 * `npm run demo`: one neutral experiment on every cloud in CLOUDS, each served by its fake
 * in-process. No credentials, no network: msw answers the adapters' fetch calls, and each fake's
 * virtual clock makes hours of tuning pass in milliseconds.
 */
import { setupServer } from 'msw/node';
import {
  CrosstuneError,
  choice,
  type Experiment,
  type ExperimentSpec,
  type ExperimentStatus,
  float,
  int,
  space,
  type Trial,
  type TrialCounts,
  type TrialStatus,
} from '../src/index.js';
import { CLOUDS, type DemoCloud, type RunningFake } from './clouds.js';
import { type Column, duration, facts, formatValue, table } from './table.js';

const SEED = 7;
const STEP_MS = 10 * 60_000;
// Far more than the experiment needs (about an hour of virtual time); reaching it means a fake is stuck.
const MAX_STEPS = 60;

/** The one experiment every cloud runs; only providerOptions differ per cloud. */
const SPEC: Omit<ExperimentSpec, 'providerOptions'> = {
  name: 'crosstune-demo',
  objective: { metric: 'validation:auc', direction: 'maximize' },
  searchSpace: space({
    eta: float(0.01, 0.5, { log: true }),
    max_depth: int(3, 10),
    // A step SageMaker cannot express: the demo shows the loss create reports for it.
    subsample: float(0.5, 1, { step: 0.1 }),
    booster: choice(['gbtree', 'dart']),
  }),
  // No run-time limit: PAI has none, and the spec is shared by every cloud.
  limits: { maxTrials: 10, maxParallelTrials: 3 },
};

const FINISHED: ReadonlySet<ExperimentStatus> = new Set(['completed', 'failed', 'stopped']);
const STATUS_ORDER: readonly TrialStatus[] = [
  'completed',
  'early_stopped',
  'running',
  'pending',
  'stopping',
  'stopped',
  'failed',
  'unknown',
];

async function main(): Promise<void> {
  const started = CLOUDS.map((cloud) => ({ cloud, fake: cloud.startFake(SEED) }));
  const server = setupServer(...started.flatMap(({ fake }) => fake.handlers));
  // A request no fake claims is a bug in the demo; it must fail here, never reach the network.
  server.listen({ onUnhandledFrame: 'error' });
  const realStart = performance.now();
  const outcomes: Outcome[] = [];
  try {
    for (const { cloud, fake } of started) {
      // One cloud failing must not hide what the others print; the exit code still tells.
      await runOn(cloud, fake)
        .then((outcome) => outcomes.push(outcome))
        .catch((error: unknown) => {
          console.error(`\n${cloud.name} failed: ${describeError(error)}`);
          process.exitCode = 1;
        });
    }
  } finally {
    server.close();
  }
  console.log(`\n== the same experiment on every cloud\n\n${comparison(outcomes)}`);
  const served = started.map(({ cloud, fake }) => `${cloud.name} (${fake.requests.length} requests)`);
  console.log(`\ndone: ${served.join(', ')} in ${Math.round(performance.now() - realStart)} ms of real time`);
}

interface Outcome {
  cloud: string;
  experiment: Experiment;
  /** Best first; trials without an objective last. */
  trials: Trial[];
}

async function runOn(cloud: DemoCloud, fake: RunningFake): Promise<Outcome> {
  const provider = cloud.provider(fake);
  const created = await provider.experiments.create({ ...SPEC, providerOptions: cloud.providerOptions });
  console.log(
    `\n== ${cloud.name}: ${created.name} (${created.algorithm ?? 'default algorithm'}), ` +
      `${SPEC.limits.maxTrials} trials, ${SPEC.limits.maxParallelTrials} at a time`,
  );
  const losses = created.searchSpace?.compileLosses ?? [];
  if (losses.length === 0) console.log('  search space: compiled without losses');
  for (const loss of losses) {
    console.log(
      `  search space loss: ${loss.param} [${loss.kind}] ${loss.lost}; instead: ${loss.usedInstead}`,
    );
  }

  console.log(
    `  progress: experiments.get every ${STEP_MS / 60_000} virtual minutes (the cloud's trial counters)`,
  );
  let experiment = created;
  for (let step = 1; !FINISHED.has(experiment.status); step++) {
    if (step > MAX_STEPS) {
      throw new Error(`${cloud.name}: still ${experiment.status} after ${duration(MAX_STEPS * STEP_MS)}`);
    }
    fake.clock.advance(STEP_MS);
    experiment = await provider.experiments.get(created.id);
    console.log(
      `  t+${clockTime(step * STEP_MS)}  ${experiment.status.padEnd(9)}  ${countsText(experiment.trialCounts)}`,
    );
  }

  const trials: Trial[] = [];
  for await (const trial of provider.trials.list(created.id, { sortBy: 'objective' })) trials.push(trial);
  console.log(`\n${trialTable(trials)}\n\n${summary(cloud.name, experiment, trials)}`);
  return { cloud: cloud.name, experiment, trials };
}

/** One row per cloud: how the same neutral experiment went on each. */
function comparison(outcomes: readonly Outcome[]): string {
  const columns: Column[] = [
    { header: 'cloud' },
    { header: 'status' },
    { header: `best ${SPEC.objective.metric}`, align: 'right' },
    { header: 'best trial' },
    { header: 'trials', align: 'right' },
    { header: 'completed', align: 'right' },
    { header: 'took', align: 'right' },
  ];
  const rows = outcomes.map(({ cloud, experiment, trials }) => {
    const best = trials[0]?.objective ? trials[0] : undefined;
    const { createdAt, endedAt } = experiment;
    return [
      cloud,
      `${experiment.status} (${experiment.providerStatus})`,
      best?.objective ? formatValue(best.objective.value) : '-',
      best?.id ?? '-',
      String(trials.length),
      String(trials.filter((t) => t.status === 'completed').length),
      createdAt && endedAt ? duration(endedAt.getTime() - createdAt.getTime()) : '-',
    ];
  });
  return table(columns, rows);
}

function trialTable(trials: readonly Trial[]): string {
  const names = hyperParameterNames(trials);
  const columns: Column[] = [
    { header: 'trial' },
    { header: 'status' },
    { header: SPEC.objective.metric, align: 'right' },
    { header: 'ran', align: 'right' },
    ...names.map((name): Column => ({ header: name, align: 'right' })),
  ];
  const rows = trials.map((t) => [
    t.id,
    t.status,
    t.objective ? formatValue(t.objective.value) : '-',
    t.createdAt && t.endedAt ? duration(t.endedAt.getTime() - t.createdAt.getTime()) : '-',
    ...names.map((name) => {
      const value = t.hyperParameters[name];
      return value === undefined ? '' : formatValue(value);
    }),
  ]);
  return table(columns, rows);
}

function summary(cloudName: string, experiment: Experiment, trials: readonly Trial[]): string {
  // Sorted by objective, best first; trials without an objective come last.
  const best = trials[0]?.objective ? trials[0] : undefined;
  const byStatus = new Map<TrialStatus, number>();
  for (const t of trials) byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
  const counts = STATUS_ORDER.filter((s) => byStatus.has(s)).map((s) => `${byStatus.get(s)} ${s}`);
  const { createdAt, endedAt } = experiment;
  return facts([
    ['cloud', cloudName],
    ['status', `${experiment.status} (${experiment.providerStatus})`],
    [
      'best objective',
      best?.objective
        ? `${best.objective.metric ?? SPEC.objective.metric} = ${formatValue(best.objective.value)} (${SPEC.objective.direction}), trial ${best.id}`
        : 'none: no trial reported an objective',
    ],
    ['trials (listed)', `${trials.length}: ${counts.join(', ')}`],
    [
      'duration',
      createdAt && endedAt
        ? `${duration(endedAt.getTime() - createdAt.getTime())} of virtual time (${isoTime(createdAt)} -> ${isoTime(endedAt)})`
        : 'not finished',
    ],
    [
      'best hyperparameters',
      best
        ? hyperParameterNames([best])
            .map((name) => `${name}=${formatValue(best.hyperParameters[name] ?? '')}`)
            .join(', ')
        : '-',
    ],
  ]);
}

/** In the spec's order; a cloud may add hyperparameters of its own, which follow. */
function hyperParameterNames(trials: readonly Trial[]): string[] {
  const listed = new Set(trials.flatMap((t) => Object.keys(t.hyperParameters)));
  const spec = Object.keys(SPEC.searchSpace ?? {}).filter((name) => listed.has(name));
  return [...new Set([...spec, ...listed])];
}

/** The cloud's own counters, so a progress line costs one call; the final table counts listed trials. */
function countsText(counts: TrialCounts): string {
  const parts = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'no trials yet';
}

function clockTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function isoTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function describeError(error: unknown): string {
  if (CrosstuneError.is(error)) return `${error.name} (${error.operation ?? '-'}): ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exitCode = 1;
});
