import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { sdkDate, signRequest } from '../../src/providers/modelarts/auth.js';
import {
  createVirtualClock,
  FAKE_HUAWEI_CREDENTIALS,
  FAKE_MODELARTS_PROJECT_ID,
  type ModelArtsFake,
  modelartsFake,
} from '../../src/testing/index.js';
import { callModelArts, type ErrorBody, iamToken, passwordBody } from './helpers/modelarts-call.js';
import { useModelArtsFakes } from './helpers/modelarts-msw.js';

const temporary = {
  accessKeyId: 'CROSSTUNE-FAKE-TEMPORARY-AK',
  secretAccessKey: 'temporary-secret-key',
  securityToken: 'temporary-security-token',
};
const fake = modelartsFake({ credentials: [FAKE_HUAWEI_CREDENTIALS, temporary] });
// Vector C of the reference (§2.2.1): its project (the fake's default), keys and date.
const vector = modelartsFake({
  clock: createVirtualClock(Date.UTC(2024, 0, 1)),
  signatureClock: 'virtual',
  credentials: [{ accessKeyId: 'AccessKey', secretAccessKey: 'SecretKey' }],
});
const virtual = modelartsFake({
  region: 'cn-east-3',
  signatureClock: 'virtual',
  iamEndpoint: 'https://iam.virtual.example.com',
});
const lax = modelartsFake({
  region: 'cn-south-1',
  verifySignature: false,
  iamEndpoint: 'https://iam.lax.example.com',
});
useModelArtsFakes(fake, virtual, lax);

const MINUTE = 60_000;
const list = (target: ModelArtsFake, options: Parameters<typeof callModelArts>[3] = {}) =>
  callModelArts<ErrorBody>(target, 'POST', `/v2/${target.projectId}/training-job-searches`, {
    body: {},
    ...options,
  });
const apig = (detail: string | RegExp) => ({
  error_code: 'APIG.0301',
  error_msg:
    typeof detail === 'string'
      ? `Incorrect IAM authentication information: ${detail}`
      : expect.stringMatching(detail),
  request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
});

describe('AK/SK (SDK-HMAC-SHA256)', () => {
  it('accepts a request signed with crosstune’s signer, and the client’s signRequest too', async () => {
    expect((await list(fake)).status).toBe(200);
    const url = `${fake.endpoint}/v2/${fake.projectId}/training-job-searches`;
    const signed = signRequest(
      {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'x-project-id': fake.projectId },
        body: '{}',
      },
      FAKE_HUAWEI_CREDENTIALS,
      new Date(),
    );
    const response = await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(response.status).toBe(200);
  });

  it('verifies the reference’s ModelArts-shaped vector C', async () => {
    const url = `https://modelarts.cn-north-4.myhuaweicloud.com/v2/${FAKE_MODELARTS_PROJECT_ID}/training-jobs/abc/autosearch-trials?limit=10&offset=0`;
    const headers = {
      'content-type': 'application/json',
      'x-project-id': FAKE_MODELARTS_PROJECT_ID,
      'x-sdk-date': '20240101T000000Z',
    };
    const sign = (signature: string) =>
      `SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=${signature}`;
    const send = async (signature: string) => {
      // Straight to the handlers: this fake shares its endpoint with the file's main fake.
      const response = await getResponse(
        vector.handlers,
        new Request(url, { headers: { ...headers, authorization: sign(signature) } }),
      );
      return { status: response?.status, body: await response?.json() };
    };
    const authentic = await send('219bc86951d975873fb8e1d728e25c3cb7312b3833663d243d52e343c18726a1');
    // Authentic, so it reaches ModelArts, which has no job `abc`.
    expect([authentic.status, authentic.body.error_code]).toEqual([400, 'ModelArts.2775']);
    const forged = await send('0'.repeat(64));
    expect([forged.status, forged.body.error_code]).toEqual([401, 'APIG.0301']);
  });

  it('refuses a missing Authorization, an unknown AK, a wrong secret and a body changed in transit', async () => {
    expect((await list(fake, { auth: 'none' })).json).toEqual(apig('x-auth-token not found'));
    const unknown = await list(fake, { credentials: { accessKeyId: 'NOBODY', secretAccessKey: 'x' } });
    expect([unknown.status, unknown.json]).toEqual([
      401,
      apig('Get secretKey failed,ak:NOBODY,err:ak not exist'),
    ]);
    expect((await list(fake, { secret: 'wrong' })).json).toEqual(
      apig('verify aksk signature fail, the signature does not match'),
    );
    expect((await list(fake, { tamperedBody: '{"limit":2}' })).json).toEqual(
      apig(/signature does not match/),
    );
    const bare = await list(fake, {
      headers: { 'x-sdk-date': null },
      signedHeaders: ['content-type', 'host'],
    });
    expect(bare.json).toEqual(apig(/X-Sdk-Date is missing/));
    const algorithm = await callModelArts(fake, 'GET', `/v2/${fake.projectId}/search-algorithms`, {
      auth: 'none',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' },
    });
    expect(algorithm.json).toEqual(apig(/not SDK-HMAC-SHA256/));
  });

  it('requires host and x-sdk-date among the signed headers, and every signed header present', async () => {
    const noHost = await list(fake, { signedHeaders: ['content-type', 'x-sdk-date'] });
    expect(noHost.json).toEqual(
      apig('verify aksk signature fail, SignedHeaders must include host and x-sdk-date'),
    );
    const noDate = await list(fake, { signedHeaders: ['content-type', 'host'] });
    expect(noDate.json.error_msg).toMatch(/must include host and x-sdk-date/);
    const dropped = await list(fake, {
      headers: { 'x-project-id': fake.projectId },
      dropAfterSigning: ['x-project-id'],
    });
    expect(dropped.json.error_msg).toMatch(/a signed header is missing/);
  });

  it('refuses an X-Sdk-Date more than 15 minutes from the virtual clock with signatureClock: virtual', async () => {
    const now = virtual.clock.now();
    expect((await list(virtual, { date: new Date(now - 15 * MINUTE) })).status).toBe(200);
    expect((await list(virtual, { date: new Date(now + 15 * MINUTE) })).status).toBe(200);
    const late = await list(virtual, { date: new Date(now - 16 * MINUTE) });
    expect([late.status, late.json.error_msg]).toEqual([
      401,
      `Incorrect IAM authentication information: verify aksk signature fail, X-Sdk-Date ${sdkDate(new Date(now - 16 * MINUTE))} is more than 15 minutes away from the server time`,
    ]);
    // A request signed now and replayed after the clock moved on is refused too.
    const signedAt = new Date(virtual.clock.now());
    virtual.clock.advance(20 * MINUTE);
    expect((await list(virtual, { date: signedAt })).status).toBe(401);
  });

  it('judges X-Sdk-Date against real time by default', async () => {
    expect((await list(fake, { date: new Date() })).status).toBe(200);
    expect((await list(fake, { date: new Date(Date.now() - 16 * MINUTE) })).status).toBe(401);
    expect((await list(fake, { date: new Date(fake.clock.now()) })).status).toBe(401);
  });

  it('needs the security token of a temporary AK, and no token with a permanent one', async () => {
    expect((await list(fake, { credentials: temporary })).status).toBe(200);
    const missing = await list(fake, { credentials: { ...temporary, securityToken: undefined } });
    expect(missing.json).toEqual(
      apig(
        `Get secretKey failed,ak:${temporary.accessKeyId},err:x-security-token is required for a temporary ak`,
      ),
    );
    const wrong = await list(fake, { credentials: { ...temporary, securityToken: 'other' } });
    expect(wrong.json.error_msg).toMatch(/does not belong to the ak/);
    const extra = await list(fake, { headers: { 'x-security-token': 'stray' } });
    expect(extra.json.error_msg).toMatch(/sent for a permanent ak/);
  });

  it('locks an AK for five minutes after five failures in a row', async () => {
    for (let i = 0; i < 5; i++) expect((await list(fake, { secret: 'wrong' })).status).toBe(401);
    expect((await list(fake)).json).toEqual(apig('AK access failed to reach the limit,forbidden.'));
    fake.clock.advance(5 * MINUTE);
    expect((await list(fake)).status).toBe(200);
  });

  it('answers another project id in the URL or in X-Project-Id with ModelArts.0210 (403)', async () => {
    const other = 'a'.repeat(32);
    const wrongUrl = await callModelArts<ErrorBody>(fake, 'GET', `/v2/${other}/search-algorithms`);
    expect([wrongUrl.status, wrongUrl.json]).toEqual([
      403,
      {
        error_code: 'ModelArts.0210',
        error_msg: 'The project id in the request URL does not match the token.',
        error_solution: 'Use the correct project ID to generate a token.',
      },
    ]);
    const wrongHeader = await list(fake, { headers: { 'x-project-id': other } });
    expect([wrongHeader.status, wrongHeader.json.error_code]).toEqual([403, 'ModelArts.0210']);
  });

  it('skips every check with verifySignature: false', async () => {
    expect((await list(lax, { auth: 'none' })).status).toBe(200);
    expect((await list(lax, { secret: 'wrong' })).status).toBe(200);
  });
});

describe('IAM tokens (X-Auth-Token)', () => {
  it('issues a project-scoped token for the user’s password: 201, X-Subject-Token, 24 h of virtual time', async () => {
    const issued = await iamToken(fake);
    expect(issued.status).toBe(201);
    expect(issued.token).toMatch(/^MII/);
    expect(issued.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(issued.json.token).toMatchObject({
      issued_at: '2026-01-01T00:00:00.000000Z',
      expires_at: '2026-01-02T00:00:00.000000Z',
      methods: ['password'],
      project: { id: fake.projectId, name: 'cn-north-4', domain: { name: 'crosstune-fake-account' } },
      user: { name: 'crosstune-fake-user', domain: { name: 'crosstune-fake-account' } },
      catalog: [],
    });
    const withToken = await list(fake, { auth: { token: issued.token } });
    expect(withToken.status).toBe(200);
    const byId = await iamToken(fake, { project: { id: fake.projectId } });
    expect(byId.status).toBe(201);
    const noCatalog = await callModelArts(fake, 'POST', '/v3/auth/tokens?nocatalog=true', {
      origin: fake.iamEndpoint,
      auth: 'none',
      body: passwordBody({ project: { name: fake.region } }),
    });
    expect(noCatalog.json.token).not.toHaveProperty('catalog');
  });

  it('refuses a wrong password, another project and a malformed body in Keystone’s words', async () => {
    const wrong = await callModelArts(fake, 'POST', '/v3/auth/tokens', {
      origin: fake.iamEndpoint,
      auth: 'none',
      body: passwordBody(
        { project: { name: fake.region } },
        { name: 'crosstune-fake-user', password: 'guess' },
      ),
    });
    expect([wrong.status, wrong.json]).toEqual([
      401,
      { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } },
    ]);
    expect((await iamToken(fake, { project: { name: 'eu-west-101' } })).status).toBe(401);
    const malformed = await callModelArts(fake, 'POST', '/v3/auth/tokens', {
      origin: fake.iamEndpoint,
      auth: 'none',
      body: { auth: {} },
    });
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 400]);
  });

  it('refuses unknown and expired tokens, and tokens without a project', async () => {
    expect((await list(fake, { auth: { token: 'MIIEforged' } })).json).toEqual(apig('decrypt token fail'));
    const { token } = await iamToken(fake);
    fake.clock.advance(24 * 60 * MINUTE - 1);
    expect((await list(fake, { auth: { token } })).status).toBe(200);
    fake.clock.advance(1);
    const expired = await list(fake, { auth: { token } });
    expect([expired.status, expired.json]).toEqual([401, apig('token expires')]);
    const domainToken = await iamToken(fake, { domain: { name: 'crosstune-fake-account' } });
    expect(domainToken.json.token).not.toHaveProperty('project');
    const unscoped = await list(fake, { auth: { token: domainToken.token } });
    expect([unscoped.status, unscoped.json.error_code]).toEqual([401, 'ModelArts.0212']);
    const otherProject = await callModelArts<ErrorBody>(
      fake,
      'GET',
      `/v2/${'b'.repeat(32)}/search-algorithms`,
      {
        auth: { token: (await iamToken(fake)).token },
      },
    );
    expect([otherProject.status, otherProject.json.error_code]).toEqual([403, 'ModelArts.0210']);
  });

  it('lists the region’s project for a signed or token-bearing request', async () => {
    const projects = (options: Parameters<typeof callModelArts>[3]) =>
      callModelArts(fake, 'GET', '/v3/projects', { origin: fake.iamEndpoint, ...options });
    const signed = await projects({ query: { name: 'cn-north-4' } });
    expect(signed.status).toBe(200);
    expect(signed.json.projects).toEqual([
      expect.objectContaining({ id: fake.projectId, name: 'cn-north-4', enabled: true, is_domain: false }),
    ]);
    const { token } = await iamToken(fake, { domain: { name: 'crosstune-fake-account' } });
    expect((await projects({ auth: { token }, query: { name: 'cn-north-4' } })).json.projects).toHaveLength(
      1,
    );
    expect((await projects({ query: { name: 'ap-southeast-3' } })).json.projects).toEqual([]);
    const refused = await projects({ auth: 'none' });
    expect([refused.status, refused.json.error.code]).toEqual([401, 401]);
  });
});

describe('the request log keeps no secret', () => {
  it('masks the signature, tokens and the password', async () => {
    const { token } = await iamToken(fake);
    await list(fake, { auth: { token } });
    await list(fake, { credentials: temporary });
    const text = JSON.stringify(fake.requests);
    for (const secret of [
      token,
      temporary.securityToken,
      'crosstune-fake-password',
      FAKE_HUAWEI_CREDENTIALS.secretAccessKey,
    ]) {
      expect(text).not.toContain(secret);
    }
    const [tokenRequest, withToken, signed] = fake.requests;
    expect(tokenRequest?.operation).toBe('KeystoneCreateUserTokenByPassword');
    expect(tokenRequest?.body).toMatchObject({
      auth: { identity: { password: { user: { password: '[redacted]' } } } },
    });
    expect(withToken?.headers['x-auth-token']).toBe('[redacted]');
    expect(signed?.headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=CROSSTUNE-FAKE-TEMPORARY-AK, SignedHeaders=[a-z;-]+, Signature=\[redacted\]$/,
    );
    expect(signed?.headers['x-security-token']).toBe('[redacted]');
  });
});
