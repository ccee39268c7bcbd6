/**
 * The same experiment on every cloud, through the real adapters and fakes (msw at the HTTP
 * boundary), on each fake's virtual clock: summarize, wait and watch give the same kind of answer
 * everywhere, and say what they computed rather than read.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDS, type DemoCloud, type RunningFake } from '../../src/cli/demo/clouds.js';
import {
  choice,
  type ExperimentEvent,
  type ExperimentSpec,
  float,
  InvalidArgumentError,
  int,
  space,
  type TuningProvider,
} from '../../src/index.js';
import type { LoggedRequest } from '../../src/testing/index.js';

const SPEC: Omit<ExperimentSpec, 'providerOptions'> = {
  name: 'progress-test',
  objective: { metric: 'validation:auc', direction: 'maximize' },
  searchSpace: space({
    eta: float(0.01, 0.5, { log: true }),
    max_depth: int(3, 10),
    subsample: float(0.5, 1),
    booster: choice(['gbtree', 'dart']),
  }),
  limits: { maxTrials: 8, maxParallelTrials: 2 },
};

interface Setup {
  cloud: DemoCloud;
  fake: RunningFake;
  provider: TuningProvider;
}

const setups: Setup[] = CLOUDS.map((cloud) => {
  const fake = cloud.startFake(11);
  return { cloud, fake, provider: cloud.provider(fake) };
});
const server = setupServer(...setups.flatMap(({ fake }) => fake.handlers));
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

/** The operation each cloud's `experiments.get` sends: one per poll of `wait`. */
const GET_OPERATION: Record<string, string> = {
  sagemaker: 'DescribeHyperParameterTuningJob',
  pai: 'GetHpoExperiment',
  modelarts: 'ShowTrainingJobDetails',
};

/** What each cloud reports itself; everything else is computed from the trials. */
const DERIVED: Record<string, string[]> = {
  // BestTrainingJob, TrainingJobStatusCounters and ConsumedResources.RuntimeInSeconds are read.
  sagemaker: ['firstTrialAt', 'lastTrialEndedAt', 'trialSeconds', 'billableSeconds'],
  // TrialStatus is read; PAI names no best trial and keeps no run time.
  pai: ['bestTrial', 'firstTrialAt', 'lastTrialEndedAt', 'durationSeconds', 'trialSeconds'],
  // status.duration is read; the trial table dates no trial, so nothing says when the first began.
  modelarts: ['bestTrial', 'trialCounts', 'trialSeconds'],
};

const operationsSince = (fake: RunningFake, from: number) =>
  (fake.requests.slice(from) as LoggedRequest[]).map((r) => r.operation);

describe.each(setups)('$cloud.name', ({ cloud, fake, provider }) => {
  let id = '';
  const scheduler = fake.clock;

  beforeAll(async () => {
    const created = await provider.experiments.create({ ...SPEC, providerOptions: cloud.providerOptions });
    id = created.id;
  });

  it('wait: one get per poll at growing intervals, resolving with the ended experiment', async () => {
    const from = fake.requests.length;
    const startedAt = scheduler.now();
    const seen: string[] = [];
    const ended = await provider.experiments.wait(id, {
      scheduler,
      pollIntervalMs: 60_000,
      maxPollIntervalMs: 10 * 60_000,
      onProgress: (experiment) => seen.push(experiment.status),
    });
    expect(ended.status).toBe('completed');
    expect(seen.at(-1)).toBe('completed');
    expect(seen.slice(0, -1).every((s) => s === 'running' || s === 'pending')).toBe(true);
    const sent = operationsSince(fake, from);
    expect(sent).toEqual(seen.map(() => GET_OPERATION[cloud.name]));
    // Intervals grow from 1 minute towards the cap: far fewer polls than one a minute.
    const minutes = (scheduler.now() - startedAt) / 60_000;
    expect(seen.length).toBeLessThan(minutes / 2);
  });

  it('names every trial objective as the experiment names its objective', async () => {
    const experiment = await provider.experiments.get(id);
    expect(experiment.objective).toEqual(SPEC.objective);
    const trials = await provider.trials.list(id).toArray();
    expect(trials).toHaveLength(SPEC.limits.maxTrials);
    const named = trials.filter((t) => t.objective !== undefined);
    expect(named.length).toBeGreaterThan(0);
    for (const trial of named) expect(trial.objective?.metric).toBe('validation:auc');
  });

  it('summarize: best trial, counts and timing, with what was computed named in derived', async () => {
    const seen: string[] = [];
    const summary = await provider.experiments.summarize(id, { onTrial: (t) => seen.push(t.id) });
    const trials = await provider.trials.list(id).toArray();
    expect(seen.sort()).toEqual(trials.map((t) => t.id).sort());
    expect(summary.derived).toEqual(DERIVED[cloud.name]);
    expect(summary.trialCounts.total).toBe(SPEC.limits.maxTrials);

    const ranked = trials.filter(
      (t) => t.objective && ['completed', 'early_stopped', 'stopped'].includes(t.status),
    );
    const best = Math.max(...ranked.map((t) => t.objective?.value as number));
    expect(summary.bestTrial?.objective?.value).toBe(best);

    const ran = trials.flatMap((t) =>
      t.usage?.durationSeconds === undefined ? [] : [t.usage.durationSeconds],
    );
    expect(summary.trialSeconds).toBeCloseTo(
      ran.reduce((a, b) => a + b, 0),
      6,
    );
    expect(summary.durationSeconds).toBeGreaterThan(0);
    if (cloud.name !== 'modelarts') {
      const starts = trials.map((t) => (t.startedAt ?? t.createdAt)?.getTime() ?? Number.POSITIVE_INFINITY);
      expect(summary.firstTrialAt?.getTime()).toBe(Math.min(...starts));
      const ends = trials.flatMap((t) => (t.endedAt ? [t.endedAt.getTime()] : []));
      expect(summary.lastTrialEndedAt?.getTime()).toBe(Math.max(...ends));
    }
  });
  it('summarize of an experiment already read: no second get, and the same reading in the summary', async () => {
    const experiment = await provider.experiments.get(id);
    const from = fake.requests.length;
    const given = await provider.experiments.summarize(id, { experiment });
    expect(operationsSince(fake, from)).not.toContain(GET_OPERATION[cloud.name]);
    expect(given.experiment).toBe(experiment);
    const read = await provider.experiments.summarize(id);
    expect({ ...given, experiment: undefined }).toStrictEqual({ ...read, experiment: undefined });
  });

  it('summarize refuses an experiment that is not the one summarized, before any request', async () => {
    const experiment = await provider.experiments.get(id);
    const other = setups.find((s) => s.cloud.name !== cloud.name) as Setup;
    const foreign = { ...experiment, provider: other.provider.id };
    const from = fake.requests.length;
    await expect(provider.experiments.summarize('another-experiment', { experiment })).rejects.toThrow(
      new InvalidArgumentError(
        `options.experiment is ${cloud.name} experiment ${id}, not ${cloud.name} experiment another-experiment: summarize takes the experiment it summarizes`,
      ),
    );
    await expect(provider.experiments.summarize(id, { experiment: foreign })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(provider.experiments.summarize(id, { experiment: foreign })).rejects.toThrow(
      `options.experiment is ${other.cloud.name} experiment ${id}, not ${cloud.name} experiment ${id}`,
    );
    expect(fake.requests.length).toBe(from);
  });
});

describe.each(setups)('$cloud.name watch', ({ cloud, fake, provider }) => {
  it('yields each trial started once and ended once, bests that only improve, and ends with the experiment', async () => {
    const created = await provider.experiments.create({
      ...SPEC,
      name: 'watched-run',
      providerOptions: cloud.providerOptions,
    });
    const events: ExperimentEvent[] = [];
    for await (const event of provider.experiments.watch(created.id, {
      scheduler: fake.clock,
      pollIntervalMs: 60_000,
      maxPollIntervalMs: 5 * 60_000,
    })) {
      events.push(event);
    }
    const of = <T extends ExperimentEvent['type']>(type: T) =>
      events.filter((e): e is Extract<ExperimentEvent, { type: T }> => e.type === type);

    const started = of('trial-started').map((e) => e.trial.id);
    const ended = of('trial-ended').map((e) => e.trial.id);
    expect(new Set(started).size).toBe(started.length);
    expect(new Set(ended).size).toBe(ended.length);
    expect(started.sort()).toEqual(ended.sort());
    expect(started).toHaveLength(SPEC.limits.maxTrials);

    const bests = of('best').map((e) => e.trial.objective?.value as number);
    expect(bests.length).toBeGreaterThan(0);
    for (let i = 1; i < bests.length; i++) expect(bests[i]).toBeGreaterThan(bests[i - 1] as number);
    const summary = await provider.experiments.summarize(created.id);
    expect(bests.at(-1)).toBe(summary.bestTrial?.objective?.value);

    const statuses = of('status').map((e) => [e.previous, e.experiment.status]);
    expect(statuses[0]?.[0]).toBeUndefined();
    expect(statuses.at(-1)?.[1]).toBe('completed');
    const last = events.at(-1);
    expect(last?.type).toBe('poll');
    expect(last?.type === 'poll' && last.trials.total).toBe(SPEC.limits.maxTrials);
  });
});
