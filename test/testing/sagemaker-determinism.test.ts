import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type SageMakerFake,
  type SageMakerSeedTuningJobInput,
  sagemakerFake,
} from '../../src/testing/index.js';

const HOUR = 60 * 60_000;

/** What a client could observe about a job's trials. */
function trials(fake: SageMakerFake, name: string) {
  return fake.state.trainingJobsOf(name).map((t) => ({
    name: t.name,
    hyperParameters: t.tunedHyperParameters,
    status: t.status,
    metric: t.metric,
    createdAt: t.createdAt,
    endedAt: t.endedAt,
  }));
}

function run(seed: number, jobs: SageMakerSeedTuningJobInput[], advanceMs = 24 * HOUR): SageMakerFake {
  const fake = sagemakerFake({ seed });
  for (const job of jobs) fake.state.seedTuningJob({ status: 'InProgress', ...job });
  fake.clock.advance(advanceMs);
  return fake;
}

describe('progression is a function of the seed', () => {
  it('replays identical trials for the same seed', () => {
    const a = run(7, [{ name: 'job', maxNumberOfTrainingJobs: 12, maxParallelTrainingJobs: 3 }]);
    const b = run(7, [{ name: 'job', maxNumberOfTrainingJobs: 12, maxParallelTrainingJobs: 3 }]);
    expect(trials(a, 'job')).toHaveLength(12);
    expect(trials(b, 'job')).toEqual(trials(a, 'job'));
  });

  it('draws different trials for a different seed', () => {
    const a = run(7, [{ name: 'job', maxNumberOfTrainingJobs: 6 }]);
    const b = run(8, [{ name: 'job', maxNumberOfTrainingJobs: 6 }]);
    const names = (f: SageMakerFake) => trials(f, 'job').map((t) => t.name);
    const values = (f: SageMakerFake) => trials(f, 'job').map((t) => t.hyperParameters);
    expect(names(b)).not.toEqual(names(a));
    expect(values(b)).not.toEqual(values(a));
  });

  it("does not change one job's trials when another job is created first", () => {
    const alone = run(7, [{ name: 'job', maxNumberOfTrainingJobs: 6 }]);
    const crowded = run(7, [
      { name: 'other', maxNumberOfTrainingJobs: 6 },
      { name: 'job', maxNumberOfTrainingJobs: 6 },
    ]);
    expect(trials(crowded, 'job')).toEqual(trials(alone, 'job'));
  });

  it('gives the same result however often the job is looked at on the way', () => {
    const once = run(3, [{ name: 'job', maxNumberOfTrainingJobs: 10, maxParallelTrainingJobs: 2 }], 6 * HOUR);
    const watched = sagemakerFake({ seed: 3 });
    watched.state.seedTuningJob({
      name: 'job',
      status: 'InProgress',
      maxNumberOfTrainingJobs: 10,
      maxParallelTrainingJobs: 2,
    });
    for (let minute = 0; minute < 6 * 60; minute++) {
      watched.clock.advance(60_000);
      watched.state.tuningJob('job');
    }
    expect(trials(watched, 'job')).toEqual(trials(once, 'job'));
    expect(watched.state.tuningJob('job')?.endedAt).toBe(once.state.tuningJob('job')?.endedAt);
  });

  it('makes later Bayesian trials better on average, as an optimizer would', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const fake = run(seed, [
        { name: 'bo', strategy: 'Bayesian', maxNumberOfTrainingJobs: 30, maxParallelTrainingJobs: 3 },
      ]);
      const planned = fake.state
        .trainingJobsOf('bo')
        .map((t) => t.plannedMetric ?? Number.NaN)
        .filter(Number.isFinite);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(planned.slice(-8)), `seed ${seed}`).toBeGreaterThan(mean(planned.slice(0, 8)));
    }
  });

  it('fails a job that gave up even when a trial still running succeeds afterwards', () => {
    // Seed found by the property below: five failures, then the other running trial succeeds.
    const fake = run(894231812, [
      { name: 'p', strategy: 'Hyperband', maxNumberOfTrainingJobs: 7, maxParallelTrainingJobs: 2 },
    ]);
    const all = trials(fake, 'p');
    expect(all.filter((t) => t.status === 'Failed')).toHaveLength(5);
    expect(all.some((t) => t.status === 'Completed')).toBe(true);
    expect(fake.state.tuningJob('p')?.status).toBe('Failed');
    expect(fake.state.tuningJob('p')?.failureReason).toMatch(
      /^No training job succeeded after the first 5 attempts/,
    );
  });

  it('keeps its invariants for any seed and limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('Bayesian', 'Random', 'Hyperband'),
        (seed, maxJobs, parallel, strategy) => {
          const maxParallel = Math.min(parallel, maxJobs);
          const fake = run(seed, [
            { name: 'p', strategy, maxNumberOfTrainingJobs: maxJobs, maxParallelTrainingJobs: maxParallel },
          ]);
          const job = fake.state.tuningJob('p');
          const all = trials(fake, 'p');
          expect(job?.status === 'Completed' || job?.status === 'Failed').toBe(true);
          expect(all.length).toBeLessThanOrEqual(maxJobs);
          if (job?.status === 'Completed') expect(all).toHaveLength(maxJobs);
          for (const t of all) {
            expect(t.endedAt).toBeGreaterThan(t.createdAt);
            const overlapping = all.filter(
              (o) => o.createdAt <= t.createdAt && (o.endedAt as number) > t.createdAt,
            );
            expect(overlapping.length).toBeLessThanOrEqual(maxParallel);
          }
          expect(job?.endedAt).toBe(Math.max(...all.map((t) => t.endedAt as number)));
        },
      ),
      { numRuns: 60 },
    );
  });
});
