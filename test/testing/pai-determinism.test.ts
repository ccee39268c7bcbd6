import { describe, expect, it } from 'vitest';
import { paiFake } from '../../src/testing/index.js';
import { callPai, experimentPath } from './helpers/pai-call.js';
import { experimentRequest } from './helpers/pai-fixtures.js';
import { usePaiFakes } from './helpers/pai-msw.js';

const REGIONS = ['cn-hangzhou', 'cn-beijing', 'cn-shanghai', 'cn-shenzhen'] as const;
const [a, b, c, d] = REGIONS.map((region) => paiFake({ region, seed: region === 'cn-shanghai' ? 8 : 7 })) as [
  ReturnType<typeof paiFake>,
  ReturnType<typeof paiFake>,
  ReturnType<typeof paiFake>,
  ReturnType<typeof paiFake>,
];
usePaiFakes(a, b, c, d);
const HOUR = 60 * 60_000;
const endpointOf = (fake: ReturnType<typeof paiFake>) => fake.endpoint;

/** Creates an experiment, lets it run, and returns everything the API says about it. */
async function scenario(fake: ReturnType<typeof paiFake>, steps = 1) {
  const endpoint = endpointOf(fake);
  const created = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/hpo/experiment', {
    endpoint,
    body: experimentRequest({ maxTrials: 5, concurrency: 2 }),
  });
  const id = created.json.ExperimentId;
  for (let i = 0; i < steps; i++) {
    fake.clock.advance((4 * HOUR) / steps);
    if (steps > 1) await callPai('GET', experimentPath(id), { endpoint });
  }
  const strip = (body: Record<string, unknown>) => ({ ...body, RequestId: undefined });
  return {
    id,
    experiment: strip((await callPai('GET', experimentPath(id), { endpoint })).json),
    trials: strip((await callPai('GET', experimentPath(id, '/trials'), { endpoint })).json),
    logs: strip((await callPai('GET', experimentPath(id, '/logs'), { endpoint })).json),
  };
}

describe('determinism', () => {
  it('replays identically for the same seed, and differently for another', async () => {
    const first = await scenario(a);
    const second = await scenario(b);
    expect(second).toEqual(first);
    const other = await scenario(c);
    expect(other.id).not.toBe(first.id);
    expect(other.trials).not.toEqual(first.trials);
  });

  it('ends the same whether the clock jumps at once or is watched step by step', async () => {
    const atOnce = await scenario(a, 1);
    const stepwise = await scenario(d, 48);
    expect(stepwise).toEqual(atOnce);
  });

  it('keeps an experiment’s trials when other experiments are created after it', async () => {
    const alone = await scenario(a);
    const request = experimentRequest({ maxTrials: 5, concurrency: 2 });
    for (const body of [request, experimentRequest({ name: 'later' })]) {
      await callPai('POST', '/api/automl/v1/hpo/experiment', { endpoint: endpointOf(b), body });
    }
    expect(b.state.experiments()[0]?.id).toBe(alone.id);
    b.clock.advance(4 * HOUR);
    expect(b.state.trialsOf(alone.id).map((t) => t.hyperparams)).toEqual(
      a.state.trialsOf(alone.id).map((t) => t.hyperparams),
    );
  });

  it('restarts ids and the clock on reset()', async () => {
    const before = await scenario(a);
    a.reset();
    expect(a.clock.now()).toBe(Date.UTC(2026, 0, 1));
    expect(await scenario(a)).toEqual(before);
  });
});
