import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, modelartsFake, paiFake, startLoopbackServer } from '../../src/testing/index.js';
import { callModelArts, jobsPath, passwordBody } from './helpers/modelarts-call.js';
import { jobRequest } from './helpers/modelarts-fixtures.js';
import { callPai } from './helpers/pai-call.js';

// No msw server in this file: every byte goes through a real socket, two clouds on one server.
const fake = modelartsFake();
const pai = paiFake();
let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer([...pai.handlers, ...fake.handlers]);
});
afterAll(async () => {
  await server?.close();
});

describe('the ModelArts fake over startLoopbackServer', () => {
  it('serves ModelArts and IAM over plain HTTP, signatures and tokens checked', async () => {
    const created = await callModelArts(fake, 'POST', jobsPath(fake), {
      origin: server.url,
      body: jobRequest(),
    });
    expect(created.status).toBe(201);
    const bad = await callModelArts(fake, 'GET', jobsPath(fake, created.json.metadata.id), {
      origin: server.url,
      secret: 'x',
    });
    expect([bad.status, bad.json.error_code]).toEqual([401, 'APIG.0301']);
    const issued = await callModelArts(fake, 'POST', '/v3/auth/tokens', {
      origin: server.url,
      auth: 'none',
      body: passwordBody({ project: { name: fake.region } }),
    });
    const token = issued.headers.get('x-subject-token') ?? '';
    const shown = await callModelArts(fake, 'GET', jobsPath(fake, created.json.metadata.id), {
      origin: server.url,
      auth: { token },
    });
    expect([shown.status, shown.json.status.phase]).toEqual([200, 'Creating']);
    expect(
      (await callPai('GET', '/api/automl/v1/serviceidentityrole', { endpoint: server.url })).status,
    ).toBe(200);
  });
});
