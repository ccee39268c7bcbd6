import { describe, expect, it } from 'vitest';
import { FAKE_AWS_CREDENTIALS, sagemakerFake } from '../../src/testing/index.js';
import { useFakes } from './helpers/msw-fake.js';
import { callSageMaker } from './helpers/sagemaker-call.js';

const temporary = {
  accessKeyId: 'ASIAFAKETEMPORARY000',
  secretAccessKey: 'temp-secret',
  sessionToken: 'session-token-1',
};
const fake = sagemakerFake();
const other = sagemakerFake({ region: 'eu-west-1', credentials: [temporary] });
const unchecked = sagemakerFake({ region: 'ap-south-1', verifySignature: false });
useFakes(fake, other, unchecked);
const MINUTE = 60_000;
const list = (options: Parameters<typeof callSageMaker>[2]) =>
  callSageMaker('ListHyperParameterTuningJobs', {}, options);

describe('SigV4 verification', () => {
  it('accepts a correctly signed request, even when the virtual clock is far from real time', async () => {
    fake.clock.advance(400 * 24 * 60 * MINUTE);
    expect((await list({})).status).toBe(200);
  });

  it('rejects a wrong secret with InvalidSignatureException', async () => {
    const response = await list({
      credentials: { ...FAKE_AWS_CREDENTIALS, secretAccessKey: 'not-the-secret' },
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    });
    expect(response.headers.get('x-amzn-requestid')).toEqual(expect.any(String));
  });

  it('rejects a body changed after signing', async () => {
    const response = await list({ tamperedBody: '{"MaxResults":5}' });
    expect(response.json.__type).toBe('InvalidSignatureException');
  });

  it('rejects an unknown access key with UnrecognizedClientException', async () => {
    const response = await list({
      credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' },
    });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('rejects a request without Authorization with MissingAuthenticationTokenException', async () => {
    const response = await list({ unsigned: true });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
    expect(fake.requests.at(-1)?.status).toBe(400);
  });

  it('judges signing time against real time with 15 minutes of tolerance', async () => {
    expect((await list({ signingDate: new Date(Date.now() - 10 * MINUTE) })).status).toBe(200);
    const expired = await list({ signingDate: new Date(Date.now() - 20 * MINUTE) });
    expect(expired.json.__type).toBe('InvalidSignatureException');
    expect(expired.json.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    const future = await list({ signingDate: new Date(Date.now() + 20 * MINUTE) });
    expect(future.json.message).toMatch(/^Signature not yet current: /);
  });

  it('rejects a credential scoped to another service or region', async () => {
    const service = await list({ service: 'ec2' });
    expect(service.json).toEqual({
      __type: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'sagemaker'. ",
    });
    const region = await list({ region: 'eu-west-1' });
    expect(region.json).toEqual({
      __type: 'InvalidSignatureException',
      message: 'Credential should be scoped to a valid region. ',
    });
  });
});

describe('session tokens and opting out', () => {
  const onOther = { endpoint: other.endpoint, region: 'eu-west-1' };

  it('requires the session token that belongs to the key', async () => {
    expect((await list({ ...onOther, credentials: temporary })).status).toBe(200);
    const missing = await list({ ...onOther, credentials: { ...temporary, sessionToken: undefined } });
    expect(missing.json.__type).toBe('UnrecognizedClientException');
    const wrong = await list({ ...onOther, credentials: { ...temporary, sessionToken: 'stolen' } });
    expect(wrong.json.__type).toBe('UnrecognizedClientException');
    expect(other.requests[0]?.headers['x-amz-security-token']).toBe('[redacted]');
  });

  it('skips verification when verifySignature is false', async () => {
    const response = await list({ endpoint: unchecked.endpoint, unsigned: true });
    expect(response.status).toBe(200);
  });
});
