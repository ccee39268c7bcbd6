/**
 * SageMaker's summary and trial usage: what is read (best job, counters, run time, billed time of
 * a described job) and what is derived (a listed trial's run and billed time), and the one case
 * where a listing cannot tell billed time: managed spot training.
 */
import { describe, expect, it } from 'vitest';
import type { Trial } from '../../src/index.js';
import { SPOT_BILLED_SHARE } from '../../src/testing/sagemaker/render.js';
import { client, experimentSpec, HOUR, requestsFor, useFakeServer } from './helpers/env.js';

const { fake } = useFakeServer();
const sm = client();

async function ranJob(name: string, spot: boolean) {
  const spec = experimentSpec(name);
  const definition = spec.providerOptions?.trainingJobDefinition;
  if (!definition) throw new Error('the fixture has a training job definition');
  await sm.experiments.create({
    ...spec,
    providerOptions: {
      ...spec.providerOptions,
      trainingJobDefinition: { ...definition, EnableManagedSpotTraining: spot },
    },
  } as typeof spec);
  fake.clock.advance(24 * HOUR);
  return name;
}

const ended = (trials: readonly Trial[]) => trials.filter((t) => t.startedAt && t.endedAt);

describe('trial usage on SageMaker', () => {
  it('lists run and billed time derived from start and end, and the definition’s instances', async () => {
    const id = await ranJob('usage-on-demand', false);
    const trials = ended(await sm.trials.list(id).toArray());
    expect(trials.length).toBeGreaterThan(0);
    for (const trial of trials) {
      const ran = ((trial.endedAt?.getTime() ?? 0) - (trial.startedAt?.getTime() ?? 0)) / 1000;
      expect(trial.usage).toEqual({
        durationSeconds: ran,
        billableSeconds: Math.round(ran),
        instanceType: 'ml.m5.xlarge',
        instanceCount: 1,
        derived: ['durationSeconds', 'billableSeconds'],
      });
    }
    // The derived billed time is what DescribeTrainingJob reports for the same job.
    const described = await sm.trials.get(id, trials[0]?.id as string);
    expect(described.usage?.billableSeconds).toBe(trials[0]?.usage?.billableSeconds);
    expect(described.usage?.derived).toEqual([]);
  });

  it('does not derive billed time under managed spot training', async () => {
    const id = await ranJob('usage-spot', true);
    for (const trial of ended(await sm.trials.list(id).toArray())) {
      expect(trial.usage?.billableSeconds).toBeUndefined();
      expect(trial.usage?.derived).toEqual(['durationSeconds']);
    }
  });
});

describe('experiments.summarize on SageMaker', () => {
  it('reads the best job, counters and run time; adds up trials; describes no job when none is spot', async () => {
    const id = await ranJob('summary-on-demand', false);
    const before = requestsFor(fake, 'DescribeTrainingJob').length;
    const summary = await sm.experiments.summarize(id);
    expect(requestsFor(fake, 'DescribeTrainingJob').length).toBe(before);
    const job = summary.experiment.raw as { ConsumedResources: { RuntimeInSeconds: number } };
    expect(summary.durationSeconds).toBe(job.ConsumedResources.RuntimeInSeconds);
    expect(summary.bestTrial?.id).toBe(summary.experiment.bestTrial?.id);
    expect(summary.trialCounts).toEqual(summary.experiment.trialCounts);
    const trials = await sm.trials.list(id).toArray();
    const billed = trials.reduce((sum, t) => sum + (t.usage?.billableSeconds ?? 0), 0);
    expect(summary.billableSeconds).toBe(billed);
    expect(summary.derived).toEqual(['firstTrialAt', 'lastTrialEndedAt', 'trialSeconds', 'billableSeconds']);
  });

  it('describes each ended spot trial once to read its billed time, and says it read it', async () => {
    const id = await ranJob('summary-spot', true);
    const before = requestsFor(fake, 'DescribeTrainingJob').length;
    const seen: Trial[] = [];
    const summary = await sm.experiments.summarize(id, { onTrial: (t) => seen.push(t) });
    const ran = ended(seen);
    expect(requestsFor(fake, 'DescribeTrainingJob').length - before).toBe(ran.length);
    let billed = 0;
    for (const trial of ran) {
      const seconds = trial.usage?.durationSeconds ?? 0;
      expect(trial.usage?.billableSeconds).toBe(
        Math.max(1, Math.round(Math.round(seconds) * SPOT_BILLED_SHARE)),
      );
      // Read from DescribeTrainingJob: TrainingTimeInSeconds and BillableTimeInSeconds.
      expect(trial.usage?.derived).toEqual([]);
      billed += trial.usage?.billableSeconds ?? 0;
    }
    expect(summary.billableSeconds).toBe(billed);
  });
});
