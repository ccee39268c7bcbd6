/**
 * `experiments.wait`: one `get` per poll until the experiment has ended, whichever way it ended,
 * with `onProgress` told every poll, the last one included.
 */
import { describe, expect, it } from 'vitest';
import type { Scheduler } from '../../src/core/progress/poll.js';
import { waitForExperiment } from '../../src/core/progress/wait.js';
import type { Experiment, ExperimentStatus } from '../../src/core/types.js';
import { createVirtualClock } from '../../src/testing/index.js';

const clock = (): Scheduler => createVirtualClock(0);

/** A cloud answering `statuses` in turn; `asked` counts its gets. */
function cloud(statuses: ExperimentStatus[]) {
  const asked: string[] = [];
  const get = async (id: string) => {
    const status = statuses[asked.length] as ExperimentStatus;
    asked.push(id);
    return { provider: 'sagemaker', id, status } as Experiment;
  };
  return { get, asked };
}

describe('wait', () => {
  it.each(['completed', 'failed', 'stopped'] as const)('resolves once the experiment is %s', async (end) => {
    const { get, asked } = cloud(['pending', 'running', 'stopping', end, 'running']);
    const seen: string[] = [];
    const ended = await waitForExperiment('sagemaker', get, 'job', {
      scheduler: clock(),
      onProgress: (e) => seen.push(e.status),
    });
    expect(ended.status).toBe(end);
    expect(seen).toEqual(['pending', 'running', 'stopping', end]);
    expect(asked).toEqual(['job', 'job', 'job', 'job']);
  });

  it('names the operation and the experiment when it times out', async () => {
    const { get } = cloud(Array(10).fill('running'));
    const error = await waitForExperiment('pai', get, 'exp-1', {
      scheduler: clock(),
      pollIntervalMs: 1000,
      timeoutMs: 2500,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      provider: 'pai',
      operation: 'experiments.wait',
      message: 'Experiment exp-1 did not end within 2500 ms',
    });
  });
});
