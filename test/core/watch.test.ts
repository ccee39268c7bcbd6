/**
 * `experiments.watch` over a scripted cloud, one answer per poll: which events each poll yields,
 * and which trials it reads (none while the cloud's counters stand still, the newest down to the
 * oldest still open where the cloud sorts by creation, every one once the experiment has ended).
 */
import { describe, expect, it } from 'vitest';
import { Paginated } from '../../src/core/paginate.js';
import type { Scheduler } from '../../src/core/progress/poll.js';
import { type ExperimentEvent, type WatchSource, watchExperiment } from '../../src/core/progress/watch.js';
import type { Experiment, ExperimentStatus, Trial, TrialStatus } from '../../src/core/types.js';
import { createVirtualClock } from '../../src/testing/index.js';
import { aTrial } from '../helpers/trial.js';

const clock = (): Scheduler => createVirtualClock(0);

const trial = (id: string, status: TrialStatus, value?: number): Trial =>
  aTrial({
    provider: 'pai',
    id,
    status,
    objective: value === undefined ? undefined : { metric: 'auc', value },
  });

/** One poll's answer: the experiment's status, the cloud's counters, its trials newest first. */
interface Poll {
  status: ExperimentStatus;
  print?: string;
  trials: Trial[];
  direction?: 'maximize' | 'minimize' | undefined;
}

/** A cloud answering `polls` in turn, in pages of two; `reads` logs each listing's pages read. */
function scripted(polls: Poll[], sorted = true) {
  let n = -1;
  const reads: string[][] = [];
  const current = () => polls[Math.min(n, polls.length - 1)] as Poll;
  const listing = (kind: string) =>
    new Paginated<Trial>(async function* () {
      const log = [kind];
      reads.push(log);
      const { trials } = current();
      for (let i = 0; i < trials.length; i += 2) {
        log.push(
          trials
            .slice(i, i + 2)
            .map((t) => t.id)
            .join('+'),
        );
        yield { items: trials.slice(i, i + 2), cursor: undefined, raw: {} };
      }
    });
  const source: WatchSource = {
    async get(id) {
      n++;
      const { status } = current();
      const direction = 'direction' in current() ? current().direction : 'maximize';
      const objective = direction && { metric: 'auc', direction };
      return { provider: 'pai', id, name: id, status, providerStatus: status, objective } as Experiment;
    },
    fingerprint: () => current().print,
    all: () => listing('all'),
    ...(sorted ? { newestFirst: () => listing('newest') } : {}),
  };
  return { source, reads };
}

async function watch(source: WatchSource): Promise<ExperimentEvent[]> {
  const events: ExperimentEvent[] = [];
  for await (const event of watchExperiment('pai', source, 'e', { scheduler: clock() })) events.push(event);
  return events;
}

const brief = (events: ExperimentEvent[]) =>
  events.map((e) => {
    if (e.type === 'status') return `status ${e.previous ?? '-'}→${e.experiment.status}`;
    if (e.type === 'poll') return `poll ${JSON.stringify(e.trials)}`;
    if (e.type === 'best') return `best ${e.trial.id} (was ${e.previous?.id ?? '-'})`;
    return `${e.type} ${e.trial.id}`;
  });

describe('watch', () => {
  it('yields statuses on change, each trial started and ended once, bests that improve', async () => {
    const { source } = scripted([
      { status: 'running', print: '1', trials: [trial('b', 'running'), trial('a', 'completed', 0.5)] },
      { status: 'running', print: '2', trials: [trial('b', 'completed', 0.4), trial('a', 'completed', 0.5)] },
      {
        status: 'completed',
        print: '3',
        trials: [trial('c', 'stopped', 0.9), trial('b', 'completed', 0.4), trial('a', 'completed', 0.5)],
      },
    ]);
    expect(brief(await watch(source))).toEqual([
      'status -→running',
      'trial-started b',
      'trial-started a',
      'trial-ended a',
      'best a (was -)',
      'poll {"total":2,"running":1,"completed":1}',
      'trial-ended b',
      'poll {"total":2,"completed":2}',
      'status running→completed',
      'trial-started c',
      'trial-ended c',
      'best c (was a)',
      'poll {"total":3,"completed":2,"stopped":1}',
    ]);
  });

  it('ranks as a summary does: no failed, running or non-finite best; minimize when asked', async () => {
    const { source } = scripted([
      {
        status: 'completed',
        direction: 'minimize',
        trials: [
          trial('f', 'failed', 0.1),
          trial('r', 'running', 0.1),
          trial('n', 'completed', Number.NaN),
          trial('x', 'completed', 0.3),
          trial('y', 'early_stopped', 0.2),
          trial('z', 'completed', 0.2),
        ],
      },
    ]);
    const bests = (await watch(source)).filter((e) => e.type === 'best');
    expect(bests.map((e) => e.trial.id)).toEqual(['y']);
  });

  it('dates each event by the scheduler’s time of its poll', async () => {
    const { source } = scripted([
      { status: 'running', print: '1', trials: [trial('a', 'running')] },
      { status: 'completed', print: '2', trials: [trial('a', 'completed', 1)] },
    ]);
    const scheduler = clock();
    const events: ExperimentEvent[] = [];
    for await (const event of watchExperiment('pai', source, 'e', { scheduler })) events.push(event);
    // A Date keeps whole milliseconds.
    const second = Math.trunc(scheduler.now());
    expect(second).toBeGreaterThan(0);
    expect(events.map((e) => [e.type, e.at.getTime()])).toEqual([
      ['status', 0],
      ['trial-started', 0],
      ['poll', 0],
      ['status', second],
      ['trial-ended', second],
      ['best', second],
      ['poll', second],
    ]);
  });

  it('names no best when the experiment has no objective', async () => {
    const { source } = scripted([
      { status: 'completed', direction: undefined, trials: [trial('a', 'completed', 0.5)] },
    ]);
    expect((await watch(source)).some((e) => e.type === 'best')).toBe(false);
  });

  it('reads no trial while the counters stand still, and every trial once the experiment ended', async () => {
    const { source, reads } = scripted([
      { status: 'running', print: 'same', trials: [trial('a', 'running')] },
      { status: 'running', print: 'same', trials: [trial('a', 'running')] },
      { status: 'completed', print: 'same', trials: [trial('a', 'completed', 1)] },
    ]);
    const events = brief(await watch(source));
    expect(reads).toEqual([
      ['all', 'a'],
      ['all', 'a'],
    ]);
    expect(events.filter((e) => e.startsWith('poll'))).toHaveLength(3);
    expect(events).toContain('trial-ended a');
  });

  it('reads every poll when the cloud reports no counters', async () => {
    const { source, reads } = scripted(
      [
        { status: 'running', trials: [trial('a', 'running')] },
        { status: 'running', trials: [trial('a', 'running')] },
        { status: 'completed', trials: [trial('a', 'completed')] },
      ],
      false,
    );
    await watch(source);
    expect(reads).toEqual([
      ['all', 'a'],
      ['all', 'a'],
      ['all', 'a'],
    ]);
  });

  it('newest first: reads down to the oldest trial still open, then stops', async () => {
    const done = (id: string) => trial(id, 'completed', 0.1);
    const { source, reads } = scripted([
      { status: 'running', print: '1', trials: [trial('d', 'running'), done('c'), done('b'), done('a')] },
      // Something moved: d is still open, so the walk reads its page and stops there.
      {
        status: 'running',
        print: '2',
        trials: [trial('e', 'running'), trial('d', 'running'), done('c'), done('b'), done('a')],
      },
      // d has ended: the pages down to it, not beyond.
      {
        status: 'running',
        print: '3',
        trials: [trial('f', 'running'), done('e'), done('d'), done('c'), done('b'), done('a')],
      },
      {
        status: 'completed',
        print: '4',
        trials: [done('f'), done('e'), done('d'), done('c'), done('b'), done('a')],
      },
    ]);
    const events = brief(await watch(source));
    expect(reads).toEqual([
      ['all', 'd+c', 'b+a'],
      ['newest', 'e+d'],
      ['newest', 'f+e', 'd+c'],
      ['all', 'f+e', 'd+c', 'b+a'],
    ]);
    for (const id of ['d', 'e', 'f']) expect(events.filter((e) => e === `trial-ended ${id}`)).toHaveLength(1);
  });

  it('newest first: a page with no trial seen before is followed by the next', async () => {
    const { source, reads } = scripted([
      { status: 'running', print: '1', trials: [trial('a', 'completed')] },
      {
        status: 'running',
        print: '2',
        trials: [trial('c', 'running'), trial('b', 'running'), trial('a', 'completed')],
      },
      { status: 'completed', print: '3', trials: [] },
    ]);
    await watch(source);
    expect(reads.slice(0, 2)).toEqual([
      ['all', 'a'],
      ['newest', 'c+b', 'a'],
    ]);
  });

  it('names the operation and the experiment when it times out', async () => {
    const { source } = scripted([{ status: 'running', trials: [] }]);
    const events = watchExperiment('pai', source, 'exp-1', { scheduler: clock(), timeoutMs: 1 });
    const error = await (async () => {
      for await (const _ of events);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      provider: 'pai',
      operation: 'experiments.watch',
      message: 'Experiment exp-1 did not end within 1 ms',
    });
  });
});
