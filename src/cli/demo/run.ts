/**
 * `crosstune demo`: one neutral experiment on every cloud in CLOUDS, each served by its fake
 * in-process. No credentials, no network: msw answers the adapters' requests, and each fake's
 * virtual clock makes hours of tuning pass in milliseconds (it is `wait`'s scheduler). Results go
 * to stdout, a cloud's failure to stderr.
 */
import { setupServer } from 'msw/node';
import { formatNumber, formatSeconds, formatValue } from '../../compare/format.js';
import { type CompareRun, compare } from '../../compare/index.js';
import { choice, type ExperimentSpec, float, int, space, type Trial } from '../../index.js';
import { comparisonTable } from '../comparison-table.js';
import { countsText } from '../output.js';
import { type Column, facts, table } from '../table.js';
import { CLOUDS, type DemoCloud, type RunningFake } from './clouds.js';

const SEED = 7;
const POLL_MS = 10 * 60_000;
// Far more than the experiment needs (about an hour of virtual time); reaching it means a fake is stuck.
const MAX_VIRTUAL_MS = 10 * 60 * 60_000;
/** What an ml.m5.xlarge costs an hour, to show priced columns; the demo's number, not AWS's price list. */
const PRICES = { 'ml.m5.xlarge': 0.23 };

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

/** Runs the demo; resolves with whether every cloud ran through. */
export async function runDemo(describeError: (error: unknown) => string): Promise<boolean> {
  let ok = true;
  const started = CLOUDS.map((cloud) => ({ cloud, fake: cloud.startFake(SEED) }));
  const server = setupServer(...started.flatMap(({ fake }) => fake.handlers));
  // A request no fake claims is a bug in the demo; it must fail here, never reach the network.
  server.listen({ onUnhandledFrame: 'error' });
  const realStart = performance.now();
  const runs: CompareRun[] = [];
  try {
    for (const { cloud, fake } of started) {
      // One cloud failing must not hide what the others print; the exit code still tells.
      await runOn(cloud, fake)
        .then((run) => runs.push(run))
        .catch((error: unknown) => {
          console.error(`\n${cloud.name} failed: ${describeError(error)}`);
          ok = false;
        });
    }
    if (runs.length > 0) console.log(`\n== the same experiment on every cloud\n\n${await comparison(runs)}`);
  } finally {
    server.close();
  }
  const served = started.map(({ cloud, fake }) => `${cloud.name} (${fake.requests.length} requests)`);
  console.log(`\ndone: ${served.join(', ')} in ${Math.round(performance.now() - realStart)} ms of real time`);
  return ok;
}

async function runOn(cloud: DemoCloud, fake: RunningFake): Promise<CompareRun> {
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

  console.log(`  progress: experiments.wait, one get every ${POLL_MS / 60_000} virtual minutes`);
  const start = fake.clock.now();
  await provider.experiments.wait(created.id, {
    scheduler: fake.clock,
    pollIntervalMs: POLL_MS,
    maxPollIntervalMs: POLL_MS,
    timeoutMs: MAX_VIRTUAL_MS,
    onProgress: (experiment) =>
      console.log(
        `  t+${clockTime(fake.clock.now() - start)}  ${experiment.status.padEnd(9)}  ${countsText(experiment.trialCounts, 'no trials yet')}`,
      ),
  });

  const trials = await provider.trials.list(created.id, { sortBy: 'objective' }).toArray();
  const summary = await provider.experiments.summarize(created.id);
  console.log(`\n${trialTable(trials)}\n`);
  console.log(
    facts(
      [
        [
          'best',
          summary.bestTrial?.objective
            ? `${formatNumber(summary.bestTrial.objective.value)} (${summary.bestTrial.id})`
            : '-',
        ],
        ['trials', countsText(summary.trialCounts, 'no trials yet')],
        ['took', formatSeconds(summary.durationSeconds)],
        ['trial time', formatSeconds(summary.trialSeconds)],
        ['billed', formatSeconds(summary.billableSeconds)],
        ['computed', summary.derived.join(', ') || 'nothing: the cloud reports it all'],
      ],
      '  ',
    ),
  );
  return { provider, experimentId: created.id, label: cloud.name };
}

/** One row per cloud, from `compare`: how the same neutral experiment went on each. */
async function comparison(runs: readonly CompareRun[]): Promise<string> {
  return comparisonTable(await compare(runs, { prices: PRICES }), '  ');
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
    formatNumber(t.objective?.value),
    formatSeconds(t.usage?.durationSeconds),
    ...names.map((name) => {
      const value = t.hyperParameters[name];
      return value === undefined ? '' : formatValue(value);
    }),
  ]);
  return table(columns, rows, '  ');
}

/** In the spec's order; a cloud may add hyperparameters of its own, which follow. */
function hyperParameterNames(trials: readonly Trial[]): string[] {
  const listed = new Set(trials.flatMap((t) => Object.keys(t.hyperParameters)));
  const spec = Object.keys(SPEC.searchSpace ?? {}).filter((name) => listed.has(name));
  return [...new Set([...spec, ...listed])];
}

function clockTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
