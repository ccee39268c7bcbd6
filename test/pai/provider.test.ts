// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/** The neutral operations of `pai(...)` that are not about reading, listing or creating. */
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/index.js';
import type { PaiTrainingJobRaw } from '../../src/providers/pai/index.js';
import { PAI_CAPABILITIES } from '../../src/providers/pai/provider.js';
import { hyperParametersToPai } from '../../src/providers/pai/search-space.js';
import { BASE, client, experimentItem, failure, on, trialItem, usePaiServer } from './helpers/env.js';

const env = usePaiServer();

describe('experiments', () => {
  it('stop and delete are PUTs to …/stop and …/delete', async () => {
    env.server.use(
      on('put', '/hpo/experiment/e%201/stop', { ExpId: 'e 1', Status: 'USER_CANCELED' }),
      on('put', '/hpo/experiment/e%201/delete', { Code: 'SUCCESS' }),
    );
    const cloud = client();
    await expect(cloud.experiments.stop('e 1')).resolves.toBeUndefined();
    await expect(cloud.experiments.delete('e 1')).resolves.toBeUndefined();
    expect((await env.settled()).map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'PUT /api/automl/v1/hpo/experiment/e%201/stop',
      'PUT /api/automl/v1/hpo/experiment/e%201/delete',
    ]);
  });

  it('get of an experiment PAI does not know is a NotFoundError', async () => {
    env.server.use(
      on('get', '/hpo/experiment/nope', { Code: 'INVALID_USER_OR_EXP', Message: 'no such' }, { status: 404 }),
    );
    expect(NotFoundError.is(await failure(client().experiments.get('nope')))).toBe(true);
  });
});

describe('trials', () => {
  it('get refuses a trial of another experiment', async () => {
    env.server.use(
      on('get', '/hpo/experiment/e1/trial/t1', trialItem('t1', { ExperimentId: 'e2' })),
      on('get', '/hpo/experiment/e1', experimentItem('e1')),
    );
    const error = await failure(client().trials.get('e1', 't1'));
    expect(NotFoundError.is(error)).toBe(true);
    expect(error.message).toBe('Trial t1 is not a trial of experiment e1');
  });

  it('get fills in the experiment id when PAI leaves it out', async () => {
    const { ExperimentId: _dropped, ...item } = trialItem('t1');
    env.server.use(
      on('get', '/hpo/experiment/e1/trial/t1', item),
      on('get', '/hpo/experiment/e1', experimentItem('e1')),
    );
    expect((await client().trials.get('e1', 't1')).experimentId).toBe('e1');
  });

  it('stop goes through StopHpoTrials and fails when PAI reports the trial was not stopped', async () => {
    env.server.use(
      http.put(`${BASE}/hpo/experiment/e1/stop_trials`, async ({ request }) => {
        const { TrialIds } = (await request.json()) as { TrialIds: string[] };
        const results = Object.fromEntries(
          TrialIds.map((id) => [id, id === 'done' ? 'failed to stop trial,' : 'successfully stopped trial,']),
        );
        return HttpResponse.json({ Results: results });
      }),
    );
    const cloud = client();
    await expect(cloud.trials.stop('e1', 't1')).resolves.toBeUndefined();
    const error = await failure(cloud.trials.stop('e1', 'done'));
    expect(ConflictError.is(error)).toBe(true);
    expect(error.message).toBe('PAI did not stop trial done: failed to stop trial,');
    expect(await cloud.stopTrials('e1', ['t1', 'done'])).toEqual([
      { trialId: 't1', stopped: true, message: 'successfully stopped trial,' },
      { trialId: 'done', stopped: false, message: 'failed to stop trial,' },
    ]);
    const bodies = (await env.settled()).map((r) => JSON.parse(r.body));
    expect(bodies).toEqual([{ TrialIds: ['t1'] }, { TrialIds: ['done'] }, { TrialIds: ['t1', 'done'] }]);
  });

  it('restarts with hyperparameters given by plain name, or as PAI text passed through unchanged', async () => {
    env.server.use(on('put', '/hpo/experiment/e1/restart_trials', { Results: {} }));
    const { api } = client();
    await api.restartHpoTrials({
      ExperimentId: 'e1',
      TrialHyperParameters: hyperParametersToPai({ lr: 0.01, batch: 32 }),
    });
    await api.restartHpoTrials({
      ExperimentId: 'e1',
      TrialHyperParameters: '{"${batch_size}": "32", "${lr}": "0.01"}',
    });
    expect((await env.settled()).map((r) => JSON.parse(r.body))).toEqual([
      { TrialHyperParameters: '{"${lr}":0.01,"${batch}":32}' },
      { TrialHyperParameters: '{"${batch_size}": "32", "${lr}": "0.01"}' },
    ]);
  });

  it('stop fails when PAI says nothing about the trial', async () => {
    env.server.use(
      on('put', '/hpo/experiment/e1/stop_trials', { Message: 'failed to stop any trial', Results: {} }),
    );
    expect((await failure(client().trials.stop('e1', 't1'))).message).toBe(
      'PAI did not stop trial t1: no result for it',
    );
  });
});

describe('trainingJobs.list', () => {
  it("derives one job per trial from its JobMeta and commands, commands fetched a page's worth at a time", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    env.server.use(
      on('get', '/hpo/experiment/e1', experimentItem('e1')),
      on('get', '/hpo/experiment/e1/trials', {
        TotalCount: 5,
        Trials: [
          trialItem('t0'),
          trialItem('t1', { JobMeta: '' }),
          trialItem('t2', { Status: 'FAILED' }),
          trialItem('t3'),
          trialItem('t4'),
        ],
      }),
      http.get(`${BASE}/hpo/experiment/e1/trial/:trial/commands`, async ({ params }) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await delay(20);
        inFlight--;
        return HttpResponse.json({
          Commands: [
            { Id: 1, Command: `dlc submit pytorch --name=${params.trial}`, Output: 'dlc job submitted.' },
          ],
        });
      }),
    );
    const jobs = await client({ pageConcurrency: 2 }).trainingJobs.list('e1').toArray();
    expect(jobs.map((j) => [j.id, j.name, j.trialId, j.status])).toEqual([
      ['nni-t0', 'nni-t0', 't0', 'completed'],
      ['t1', 't1', 't1', 'completed'],
      ['nni-t2', 'nni-t2', 't2', 'failed'],
      ['nni-t3', 'nni-t3', 't3', 'completed'],
      ['nni-t4', 'nni-t4', 't4', 'completed'],
    ]);
    expect(jobs[0]).toMatchObject({
      provider: 'pai',
      experimentId: 'exp1',
      hyperParameters: { lr: 0.1 },
      metrics: [{ name: 'default', value: 0.5, step: 0, final: true }],
      createdAt: new Date('2024-01-02T12:34:56Z'),
    });
    const raw = jobs[2]?.raw as PaiTrainingJobRaw;
    expect(raw.commands?.Commands?.[0]?.Command).toBe('dlc submit pytorch --name=t2');
    expect(raw.trial.TrialId).toBe('t2');
    expect(maxInFlight).toBe(2);
  });

  it('is declared derived in the capabilities', () => {
    expect(client().capabilities).toBe(PAI_CAPABILITIES);
    expect(PAI_CAPABILITIES.trainingJobs.list).toBe('emulated');
    expect(PAI_CAPABILITIES.notes.join('\n')).toMatch(/trainingJobs\.list is derived/);
    expect(PAI_CAPABILITIES.trials.stop).toBe('native');
  });
});
