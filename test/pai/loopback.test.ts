/**
 * An `http://` endpoint goes over plain HTTP on a real socket (no msw interception in this file):
 * what a local fake or a proxy-free test server needs.
 */
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/index.js';
import { type LoopbackServer, startLoopbackServer } from '../../src/testing/loopback.js';
import { acs3Signature } from './helpers/acs3.js';
import { CREDENTIALS, client, failure } from './helpers/env.js';

const seen: { url: URL; headers: Record<string, string> }[] = [];
let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer([
    http.get('*/api/automl/v1/hpo/experiment/:id', ({ request, params }) => {
      seen.push({ url: new URL(request.url), headers: Object.fromEntries(request.headers) });
      return params.id === 'gone'
        ? HttpResponse.json(
            { Code: 'INVALID_USER_OR_EXP', Message: 'gone', RequestId: 'RID-L' },
            { status: 404 },
          )
        : HttpResponse.json({ ExperimentId: params.id, Name: 'local', Status: 'FINISHED' });
    }),
  ]);
});
afterAll(() => server.close());

describe('an http:// endpoint', () => {
  it('is sent over plain HTTP to that host and port, signed for it', async () => {
    const experiment = await client({ endpoint: server.url }).experiments.get('e1');
    expect(experiment).toMatchObject({ id: 'e1', name: 'local', status: 'completed' });
    const [request] = seen;
    expect(request?.url.origin).toBe(server.url);
    expect(request?.headers.host).toBe(new URL(server.url).host);
    const expected = acs3Signature(
      {
        method: 'GET',
        pathname: request?.url.pathname ?? '',
        query: {},
        headers: request?.headers ?? {},
        body: '',
      },
      CREDENTIALS.accessKeySecret,
    );
    expect(request?.headers.authorization).toContain(`Signature=${expected.signature}`);
  });

  it('maps its error answers like any other', async () => {
    const error = await failure(client({ endpoint: server.url }).experiments.get('gone'));
    expect(NotFoundError.is(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 404, requestId: 'RID-L' });
  });
});
