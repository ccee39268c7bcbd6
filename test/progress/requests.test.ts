/**
 * What one poll of `experiments.watch` costs on each cloud (docs/compare.md states it): a poll
 * in which the cloud's own counters did not move reads no trial; one in which they did reads the
 * newest trials only down to the oldest that had not ended (SageMaker, PAI); ModelArts, which
 * counts no trials and cannot sort its table, reads the table every poll.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDS, type DemoCloud, type RunningFake } from '../../demo/clouds.js';
import { type ExperimentSpec, float, type Scheduler, space } from '../../src/index.js';
import type { LoggedRequest } from '../../src/testing/index.js';

const SPEC: Omit<ExperimentSpec, 'providerOptions'> = {
  name: 'many-trials',
  objective: { metric: 'validation:auc', direction: 'maximize' },
  searchSpace: space({
    eta: float(0.01, 0.5),
    max_depth: float(3, 10),
    subsample: float(0.5, 1),
    booster: float(0, 1),
  }),
  limits: { maxTrials: 240, maxParallelTrials: 8 },
};

const cloud = (name: string) => CLOUDS.find((c) => c.name === name) as DemoCloud;
const fakes = new Map<string, RunningFake>(CLOUDS.map((c) => [c.name, c.startFake(5)]));
const server = setupServer(...[...fakes.values()].flatMap((fake) => fake.handlers));
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

/** Moves the fake's clock on only every `every`-th pause: the polls between see nothing change. */
function steppingScheduler(fake: RunningFake, every: number): Scheduler {
  let pauses = 0;
  return {
    now: () => fake.clock.now(),
    async sleep(ms: number) {
      if (++pauses % every === 0) fake.clock.advance(ms * every);
    },
  };
}

let createdId = '';

/** The operations each poll sent, poll by poll. */
async function pollsOf(name: string, every: number): Promise<string[][]> {
  const fake = fakes.get(name) as RunningFake;
  const provider = cloud(name).provider(fake);
  const created = await provider.experiments.create({
    ...SPEC,
    providerOptions: cloud(name).providerOptions,
  });
  createdId = created.id;
  const polls: string[][] = [];
  let from = fake.requests.length;
  for await (const event of provider.experiments.watch(created.id, {
    scheduler: steppingScheduler(fake, every),
    pollIntervalMs: 10 * 60_000,
    maxPollIntervalMs: 10 * 60_000,
  })) {
    if (event.type !== 'poll') continue;
    // A page the listing asked for ahead, then dropped, reaches the fake a moment later.
    await new Promise((resolve) => setTimeout(resolve, 5));
    polls.push((fake.requests.slice(from) as LoggedRequest[]).map((r) => r.operation ?? ''));
    from = fake.requests.length;
  }
  return polls;
}

/** How often each operation was sent in one poll. */
const tally = (ops: readonly string[], op: string) => ops.filter((o) => o === op).length;

describe('requests per watch poll', () => {
  it.each([
    ['sagemaker', 'DescribeHyperParameterTuningJob', 'ListTrainingJobsForHyperParameterTuningJob'],
    ['pai', 'GetHpoExperiment', 'ListHpoTrials'],
  ] as const)(
    '%s: one request while nothing moved, the newest page when something did',
    async (name, get, list) => {
      const fake = fakes.get(name) as RunningFake;
      const polls = await pollsOf(name, 3);
      const middle = polls.slice(1, -1);
      const still = middle.filter((ops) => ops.length === 1);
      const moved = middle.filter((ops) => ops.length > 1);
      expect(still.length).toBeGreaterThan(middle.length / 2);
      for (const ops of still) expect(ops).toEqual([get]);
      expect(moved.length).toBeGreaterThan(5);
      // 240 trials are 3 pages of 100: a poll that saw a change reads from the newest page down to
      // the oldest trial still running (plus, at most, the page the listing asked for ahead) —
      // mostly the newest page alone.
      for (const ops of moved) {
        expect(tally(ops, get)).toBe(1);
        expect(tally(ops, list)).toBeGreaterThanOrEqual(1);
      }
      const pages = moved.map((ops) => tally(ops, list));
      expect(pages.filter((n) => n <= 2).length).toBeGreaterThan(pages.length * 0.75);
      // The last poll, with the experiment ended, reads every trial once more.
      expect(tally(polls.at(-1) ?? [], list)).toBeGreaterThanOrEqual(3);
      // A summary reads them all in pages of 100.
      const before = fake.requests.length;
      await cloud(name).provider(fake).experiments.summarize(createdId);
      const summarized = (fake.requests.slice(before) as LoggedRequest[]).map((r) => r.operation ?? '');
      expect(tally(summarized, list)).toBe(3);
    },
  );

  it('modelarts: the job and the whole trial table every poll', async () => {
    const polls = await pollsOf('modelarts', 3);
    for (const ops of polls) {
      expect(ops[0]).toBe('ShowTrainingJobDetails');
      expect(ops.slice(1).every((op) => op === 'ShowAutoSearchTrials')).toBe(true);
    }
    // 240 trials in pages of 50, after two requests that learn what offset counts.
    expect(tally(polls.at(-1) ?? [], 'ShowAutoSearchTrials')).toBe(7);
  });
});
