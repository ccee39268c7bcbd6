import { describe, expect, it } from 'vitest';
import { FAKE_ALIYUN_CREDENTIALS, paiFake } from '../../src/testing/index.js';
import { callPai, EXPERIMENTS, experimentPath } from './helpers/pai-call.js';
import { experimentRequest } from './helpers/pai-fixtures.js';
import { usePaiFakes } from './helpers/pai-msw.js';

const temporary = {
  accessKeyId: 'STS.CROSSTUNE-FAKE-TEMPORARY',
  accessKeySecret: 'temporary-secret',
  securityToken: 'temporary-token',
};
const reader = {
  accessKeyId: 'CROSSTUNE-FAKE-READER',
  accessKeySecret: 'reader-secret',
  userId: '1000000000000002',
  allowedActions: ['ListHpoExperiments', 'GetHpoExperiment'],
};
const fake = paiFake({ credentials: [FAKE_ALIYUN_CREDENTIALS, reader] });
const sts = paiFake({ region: 'cn-shanghai', credentials: [temporary] });
const unchecked = paiFake({ region: 'cn-shenzhen', verifySignature: false });
usePaiFakes(fake, sts, unchecked);

const STS_ENDPOINT = 'https://paiautoml.cn-shanghai.aliyuncs.com';
const list = (options: Parameters<typeof callPai>[2] = {}) => callPai('GET', EXPERIMENTS, options);
const MINUTE = 60_000;

describe('ACS3-HMAC-SHA256 verification', () => {
  it('accepts a request signed by the official signer, even with the virtual clock far from real time', async () => {
    fake.clock.advance(400 * 24 * 60 * MINUTE);
    const response = await list({ query: { PageSize: 5, Name: 'a b*' } });
    expect(response.status).toBe(200);
  });

  it('rejects a wrong secret with SignatureDoesNotMatch (400), quoting the server string to sign', async () => {
    const response = await list({
      credentials: { ...FAKE_ALIYUN_CREDENTIALS, accessKeySecret: 'not-the-secret' },
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      RequestId: response.headers.get('x-acs-request-id'),
      HostId: 'paiautoml.cn-hangzhou.aliyuncs.com',
      Code: 'SignatureDoesNotMatch',
      Message: expect.stringMatching(
        /^Specified signature does not match our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/,
      ),
      Recommend: expect.stringContaining('https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch'),
    });
  });

  it('rejects a body or a query changed after signing', async () => {
    const path = '/api/automl/v1/hpo/experiment';
    const tampered = await callPai('POST', path, { body: experimentRequest(), tamperedBody: '{"Name":"x"}' });
    expect(tampered.json.Code).toBe('SignatureDoesNotMatch');
    expect(fake.state.experiments()).toEqual([]);
    const query = await list({ query: { PageSize: 5 }, queryAfterSigning: 'PageNumber=2' });
    expect(query.json.Code).toBe('SignatureDoesNotMatch');
  });

  it('rejects an unknown AccessKey with InvalidAccessKeyId.NotFound (404)', async () => {
    const response = await list({ credentials: { accessKeyId: 'NO-SUCH-KEY', accessKeySecret: 'x' } });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({
      Code: 'InvalidAccessKeyId.NotFound',
      Message: 'Specified access key is not found.',
    });
  });

  it.each([
    ['no Authorization header', { unsigned: true }],
    ['no x-acs-date', { dropAfterSigning: ['x-acs-date'] }],
    ['no x-acs-signature-nonce', { dropAfterSigning: ['x-acs-signature-nonce'] }],
    ['no x-acs-content-sha256', { dropAfterSigning: ['x-acs-content-sha256'] }],
    ['an x-acs-* header the signature leaves out', { addAfterSigning: { 'x-acs-extra': 'unsigned' } }],
    [
      'another algorithm',
      {
        unsigned: true,
        headers: { authorization: 'ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=00' },
      },
    ],
    [
      'no Signature parameter',
      { unsigned: true, headers: { authorization: 'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host' } },
    ],
  ])('rejects %s with IncompleteSignature (400)', async (_label, options) => {
    const response = await list(options);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      Code: 'IncompleteSignature',
      Message: 'The request signature does not conform to Aliyun standards.',
    });
  });

  it('rejects a stale x-acs-date with InvalidTimeStamp.Expired and a malformed one with InvalidTimeStamp.Format', async () => {
    const stale = new Date(Date.now() - 16 * MINUTE).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const expired = await list({ headers: { 'x-acs-date': stale } });
    expect([expired.status, expired.json.Code]).toEqual([400, 'InvalidTimeStamp.Expired']);
    expect(expired.json.Message).toBe('Specified time stamp or date value is expired.');
    const malformed = await list({ headers: { 'x-acs-date': '20260101T000000Z' } });
    expect([malformed.status, malformed.json.Code]).toEqual([400, 'InvalidTimeStamp.Format']);
  });

  it('refuses a replayed nonce with SignatureNonceUsed, but a forged request does not use one up', async () => {
    const nonce = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0';
    const forged = await list({
      headers: { 'x-acs-signature-nonce': nonce },
      credentials: { ...FAKE_ALIYUN_CREDENTIALS, accessKeySecret: 'wrong' },
    });
    expect(forged.json.Code).toBe('SignatureDoesNotMatch');
    expect((await list({ headers: { 'x-acs-signature-nonce': nonce } })).status).toBe(200);
    const replay = await list({ headers: { 'x-acs-signature-nonce': nonce } });
    expect([replay.status, replay.json.Code]).toEqual([400, 'SignatureNonceUsed']);
  });

  it('checks STS tokens: missing, mismatched, and presented with a permanent key', async () => {
    const options = { endpoint: STS_ENDPOINT, credentials: temporary };
    expect((await list(options)).status).toBe(200);
    const missing = await list({ ...options, headers: { 'x-acs-security-token': null } });
    expect([missing.status, missing.json.Code]).toEqual([400, 'MissingSecurityToken']);
    const other = await list({ ...options, credentials: { ...temporary, securityToken: 'stolen' } });
    expect(other.json.Code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
    const permanent = await list({ headers: { 'x-acs-security-token': 'token' } });
    expect(permanent.json.Code).toBe('InvalidSecurityToken.Malformed');
  });

  it('skips every check when verifySignature is false', async () => {
    const response = await list({ endpoint: 'https://paiautoml.cn-shenzhen.aliyuncs.com', unsigned: true });
    expect(response.status).toBe(200);
  });
});

describe('gateway checks after authentication', () => {
  it('needs x-acs-version: missing is MissingParameter, another version InvalidVersion', async () => {
    const missing = await list({ headers: { 'x-acs-version': null } });
    expect([missing.status, missing.json.Code]).toEqual([400, 'MissingParameter']);
    expect(missing.json.Message).toBe(
      'The input parameter "Version" that is mandatory for processing this request is not supplied.',
    );
    const other = await list({ headers: { 'x-acs-version': '2021-01-01' } });
    expect([other.status, other.json.Code]).toEqual([400, 'InvalidVersion']);
  });

  it('answers InvalidApi.NotFound (404) for an unknown path, a wrong method or a mismatched x-acs-action', async () => {
    const expected = {
      Code: 'InvalidApi.NotFound',
      Message: 'Specified api is not found, please check your url and method.',
    };
    const unknown = await callPai('GET', '/api/automl/v1/hpo/nothing');
    expect([unknown.status, unknown.json]).toEqual([404, expect.objectContaining(expected)]);
    // The SDKs send PUT; a POST (as some help pages write it) names no operation.
    const post = await callPai('POST', experimentPath('abcdefg', '/stop_trials'), {
      body: { TrialIds: [] },
      action: 'StopHpoTrials',
    });
    expect(post.status).toBe(404);
    const mismatch = await list({ action: 'GetHpoExperiment' });
    expect([mismatch.status, mismatch.json.Code]).toEqual([404, 'InvalidApi.NotFound']);
  });

  it('refuses actions outside a key’s allowedActions with NoPermission (403) and AccessDeniedDetail', async () => {
    expect((await list({ credentials: reader })).status).toBe(200);
    const response = await callPai('POST', '/api/automl/v1/hpo/experiment', {
      credentials: reader,
      body: experimentRequest(),
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({
      Code: 'NoPermission',
      Message:
        'You are not authorized to do this action. Resource: acs:paiautoml:cn-hangzhou:1000000000000002:* Action: paiautoml:CreateHpoExperiment',
      AccessDeniedDetail: {
        AuthAction: 'paiautoml:CreateHpoExperiment',
        AuthPrincipalType: 'sub',
        AuthPrincipalOwnerId: '1000000000000002',
        PolicyType: 'AccountLevelIdentityBasedPolicy',
        NoPermissionType: 'NoPermission',
      },
    });
  });

  it("hides another user's PRIVATE experiment (INVALID_USER_OR_EXP) but shows a PUBLIC one read-only", async () => {
    const hidden = fake.state.seedExperiment({ name: 'mine' });
    const shared = fake.state.seedExperiment({ name: 'ours', accessibility: 'PUBLIC' });
    const listed = await list({ credentials: reader });
    expect((listed.json.Experiments as Array<{ ExperimentId: string }>).map((e) => e.ExperimentId)).toEqual([
      shared.id,
    ]);
    const get = await callPai('GET', experimentPath(hidden.id), { credentials: reader });
    expect([get.status, get.json.Code]).toEqual([404, 'INVALID_USER_OR_EXP']);
    expect((await callPai('GET', experimentPath(shared.id), { credentials: reader })).status).toBe(200);
  });
});
