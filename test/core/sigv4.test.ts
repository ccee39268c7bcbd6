/**
 * The SageMaker adapter's signer (src/providers/sagemaker/auth.ts: @smithy/signature-v4 with a
 * node:crypto hash that keys its HMACs with KeyObjects) against @smithy/signature-v4 with the
 * SDK's own hash: for any request, the same headers out, Authorization byte for byte.
 */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../src/core/http/transport.js';
import { type AwsCredentials, createSigner } from '../../src/providers/sagemaker/auth.js';

/** The adapter's former sign(), on the SDK's signer. */
async function reference(
  request: HttpRequest,
  region: string,
  credentials: AwsCredentials,
  signingDate: Date,
): Promise<HttpRequest> {
  const signer = new SignatureV4({
    service: 'sagemaker',
    region,
    sha256: Hash.bind(null, 'sha256'),
    credentials,
  });
  const url = new URL(request.url);
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers, host: url.host },
      body: request.body,
    },
    { signingDate },
  );
  const { host: _host, ...headers } = signed.headers as Record<string, string>;
  return { ...request, headers };
}

const KEYS: AwsCredentials = {
  accessKeyId: 'AKIDEXAMPLE0000000001',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const SESSION: AwsCredentials = { ...KEYS, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with=odd/chars' };

const text = fc.string({ unit: 'binary', maxLength: 24 });
const segment = fc.oneof(
  fc.constantFrom('.', '..', '', 'a b', 'x!y*z', "(it's)", '%41', 'é', '~_-.', 'semi;colon'),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => s.replace(/[/?#\\]/g, '')),
);
const url = fc
  .record({
    origin: fc.constantFrom(
      'https://api.sagemaker.us-east-1.amazonaws.com',
      'http://127.0.0.1:8123',
      'https://sagemaker.internal.example:4443',
    ),
    segments: fc.array(segment, { maxLength: 4 }),
    trailingSlash: fc.boolean(),
    query: fc.array(fc.tuple(fc.constantFrom('a', 'B', 'x-amz-signature', 'k k', 'é', 'z'), text), {
      maxLength: 3,
    }),
  })
  .map(({ origin, segments, trailingSlash, query }) => {
    const u = new URL(`${origin}/${segments.join('/')}${trailingSlash ? '/' : ''}`);
    for (const [k, v] of query) u.searchParams.append(k, v);
    return u.href;
  });
const headerName = fc.oneof(
  fc.constantFrom(
    'Content-Type',
    'content-type',
    'X-Amz-Target',
    'user-agent',
    'Sec-Fetch-Mode',
    'proxy-authorization',
    'Date',
    'x-amz-date',
    'X-Amz-Content-Sha256',
    'Authorization',
    'x-custom',
    'Connection',
  ),
  fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,10}$/),
);
const headerValue = fc.oneof(
  fc.constantFrom('application/x-amz-json-1.1', '  spaced   out\t value ', 'line\r\nbreak', ''),
  fc.string({ maxLength: 20 }),
);

describe('SageMaker SigV4 signer', () => {
  it('signs every request exactly as @smithy/signature-v4 did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('POST', 'GET', 'PUT', 'DELETE'),
          url,
          headers: fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
          body: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined }),
          credentials: fc.constantFrom(KEYS, SESSION),
          region: fc.constantFrom('us-east-1', 'eu-central-1', 'ap-southeast-2'),
          at: fc.date({
            min: new Date('2020-01-01T00:00:00Z'),
            max: new Date('2035-12-31T23:59:59Z'),
            noInvalidDate: true,
          }),
        }),
        async ({ method, url, headers, body, credentials, region, at }) => {
          const request: HttpRequest = { method, url, headers, body };
          const ours = await createSigner(
            region,
            async () => credentials,
            () => at,
          )(request);
          const theirs = await reference(request, region, credentials, at);
          expect(ours).toEqual(theirs);
          expect(Object.keys(ours.headers)).toEqual(Object.keys(theirs.headers));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('signs a ListHyperParameterTuningJobs call with the scope and headers SageMaker expects', async () => {
    const at = new Date('2015-08-30T12:36:00Z');
    const request: HttpRequest = {
      method: 'POST',
      url: 'https://api.sagemaker.us-east-1.amazonaws.com/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'SageMaker.ListHyperParameterTuningJobs',
      },
      body: '{}',
    };
    const ours = await createSigner(
      'us-east-1',
      async () => KEYS,
      () => at,
    )(request);
    expect(ours.headers.authorization).toBe(
      (await reference(request, 'us-east-1', KEYS, at)).headers.authorization,
    );
    expect(ours.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE0000000001\/20150830\/us-east-1\/sagemaker\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
  });

  it('keeps a derived key per day and key pair, and re-derives when either changes', async () => {
    let at = new Date('2026-01-01T23:59:59Z');
    let credentials = KEYS;
    const sign = createSigner(
      'us-east-1',
      async () => credentials,
      () => at,
    );
    const request: HttpRequest = {
      method: 'POST',
      url: 'https://api.sagemaker.us-east-1.amazonaws.com/',
      headers: {},
      body: '{}',
    };
    for (const step of [
      () => undefined,
      () => {
        at = new Date('2026-01-02T00:00:01Z');
      },
      () => {
        credentials = { ...KEYS, secretAccessKey: 'another-secret-key-0000000000000000000000' };
      },
      () => {
        credentials = SESSION;
      },
    ]) {
      step();
      expect(await sign(request)).toEqual(await reference(request, 'us-east-1', credentials, at));
    }
  });

  it('refuses credentials that are not strings, with the message the SDK signer gave', async () => {
    const sign = createSigner('us-east-1', async () => ({ accessKeyId: 1 }) as unknown as AwsCredentials);
    await expect(
      sign({ method: 'POST', url: 'https://api.sagemaker.us-east-1.amazonaws.com/', headers: {} }),
    ).rejects.toThrow('Resolved credential object is not valid');
  });
});
