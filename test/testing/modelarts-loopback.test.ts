import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/providers/modelarts/auth.js';
import {
  FAKE_HUAWEI_CREDENTIALS,
  FAKE_HUAWEI_DOMAIN_ID,
  type LoopbackServer,
  modelartsFake,
  paiFake,
  startLoopbackServer,
} from '../../src/testing/index.js';
import { startFaultProxy } from '../reliability/matrix/fault-proxy.js';
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

describe('behind a reverse proxy that keeps Host', () => {
  it('checks the signature over the host the client addressed, not the loopback server’s own', async () => {
    const proxy = await startFaultProxy(
      server.url,
      () => 'any',
      () => ({ do: 'forward' }),
    );
    try {
      const listed = await callModelArts(fake, 'GET', '/v3/projects', {
        origin: proxy.url,
        query: { name: fake.region },
      });
      expect(listed.status).toBe(200);
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

/** A GET with a body over a real socket, signed over `signedBody` (fetch cannot send a GET body). */
function getWithBody(url: string, body: string, signedBody: string) {
  const headers = { 'content-type': 'application/json' };
  const signed = signRequest(
    { method: 'GET', url, headers, body: signedBody },
    FAKE_HUAWEI_CREDENTIALS,
    new Date(),
  );
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'GET', headers: { ...signed.headers, 'content-length': String(body.length) } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += String(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('signatures over the bytes actually sent', () => {
  it('hash the body of a GET too, as the gateway does', async () => {
    const url = `${server.url}/v3/projects?name=${fake.region}`;
    const honest = await getWithBody(url, '{}', '{}');
    expect(honest.status).toBe(200);
    expect(JSON.parse(honest.body).projects[0]).toMatchObject({ name: fake.region });
    // Signed as if empty, sent with {}: the gateway hashes what came, so the signature is wrong.
    const mismatched = await getWithBody(url, '{}', '');
    expect(mismatched.status).toBe(401);
    // IAM refuses in Keystone's words.
    expect(JSON.parse(mismatched.body).error).toMatchObject({ code: 401, title: 'Unauthorized' });
  });

  it("accept Huawei's official IAM SDK listing projects", async () => {
    // The official SDK (devDependency): CommonJS, its v3 client loaded by path (its index also
    // loads a v5 module that does not resolve in this version).
    const require = createRequire(import.meta.url);
    const { GlobalCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
    const { IamClient } = require('@huaweicloud/huaweicloud-sdk-iam/v3/IamClient');
    const {
      KeystoneListProjectsRequest,
    } = require('@huaweicloud/huaweicloud-sdk-iam/v3/model/KeystoneListProjectsRequest');
    const client = IamClient.newBuilder()
      .withCredential(
        new GlobalCredentials()
          .withAk(FAKE_HUAWEI_CREDENTIALS.accessKeyId)
          .withSk(FAKE_HUAWEI_CREDENTIALS.secretAccessKey)
          .withDomainId(FAKE_HUAWEI_DOMAIN_ID),
      )
      .withEndpoint(server.url)
      .build();
    const listed = await client.keystoneListProjects(new KeystoneListProjectsRequest().withName(fake.region));
    expect(listed.httpStatusCode).toBe(200);
    expect(listed.projects.map((p: { name: string }) => p.name)).toEqual([fake.region]);
    const wrong = IamClient.newBuilder()
      .withCredential(
        new GlobalCredentials()
          .withAk(FAKE_HUAWEI_CREDENTIALS.accessKeyId)
          .withSk('not-the-secret')
          .withDomainId(FAKE_HUAWEI_DOMAIN_ID),
      )
      .withEndpoint(server.url)
      .build();
    await expect(
      wrong.keystoneListProjects(new KeystoneListProjectsRequest().withName(fake.region)),
    ).rejects.toMatchObject({
      httpStatusCode: 401,
    });
  });
});
