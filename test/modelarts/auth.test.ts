import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/core/redact.js';
import { canonicalRequest, sdkDate, signatureOf, signRequest } from '../../src/providers/modelarts/auth.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('SDK-HMAC-SHA256, pinned to the vectors in Huawei’s signing guide and SDK tests', () => {
  it('A: the published GET example (canonical request hash, signature, header)', () => {
    const request = {
      method: 'GET',
      url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      headers: { 'Content-Type': 'application/json' },
    };
    const signed = ['content-type', 'host', 'x-sdk-date'];
    const withDate = { ...request, headers: { ...request.headers, 'X-Sdk-Date': '20191115T033655Z' } };
    const canonical = canonicalRequest(withDate, signed);
    expect(canonical).toBe(
      [
        'GET',
        '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
        'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n',
        'content-type;host;x-sdk-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(sha256(canonical)).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');

    const out = signRequest(
      request,
      { accessKeyId: 'QTWAOYTTINDUT2QVKYUC', secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' },
      new Date('2019-11-15T03:36:55Z'),
    );
    expect(out.headers['x-sdk-date']).toBe('20191115T033655Z');
    expect(out.headers.authorization).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, ' +
        'Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });

  it('B: the SDK unit-test vectors for GET and POST (an underscore header is not signed)', () => {
    const keys = { accessKeyId: 'AccessKey', secretAccessKey: 'SecretKey' };
    const at = new Date('2020-06-08T02:39:00Z');
    const url = 'https://service.endpoint.myhuaweicloud.com/resources?size=1';
    const get = signRequest({ method: 'GET', url, headers: { TEST_UNDERSCORE: 'x' } }, keys, at);
    expect(get.headers.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, ' +
        'Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
    );
    const body = '{"name":"test","id":1}';
    expect(sha256(body)).toBe('8ed555081b9961769014bc1182c629bb0fe68d7b01c1fc1caab4dc791f377e8c');
    const post = signRequest({ method: 'POST', url, headers: { TEST_UNDERSCORE: 'x' }, body }, keys, at);
    expect(post.headers.authorization).toContain(
      'Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
    );
  });

  it('C: a ModelArts-shaped request with X-Project-Id', () => {
    const pid = '0123456789abcdef0123456789abcdef';
    const out = signRequest(
      {
        method: 'GET',
        url: `https://modelarts.cn-north-4.myhuaweicloud.com/v2/${pid}/training-jobs/abc/autosearch-trials?limit=10&offset=0`,
        headers: { 'content-type': 'application/json', 'X-Project-Id': pid },
      },
      { accessKeyId: 'AccessKey', secretAccessKey: 'SecretKey' },
      new Date('2024-01-01T00:00:00Z'),
    );
    expect(out.headers.authorization).toBe(
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-project-id;x-sdk-date, ' +
        'Signature=219bc86951d975873fb8e1d728e25c3cb7312b3833663d243d52e343c18726a1',
    );
  });
});

describe('signRequest', () => {
  const keys = {
    accessKeyId: 'AK',
    secretAccessKey: 'a-secret-key-value',
    securityToken: 'temporary-token-value',
  };

  it('sends and signs X-Security-Token for temporary keys, leaves the request path alone', () => {
    const out = signRequest(
      { method: 'POST', url: 'https://h.example.com/v2/p/jobs', headers: {}, body: '{}' },
      keys,
      new Date(0),
    );
    expect(out.url).toBe('https://h.example.com/v2/p/jobs');
    expect(out.headers['x-security-token']).toBe('temporary-token-value');
    expect(out.headers.authorization).toContain('SignedHeaders=host;x-sdk-date;x-security-token,');
  });

  it('registers the secret and the token for redaction', () => {
    signRequest({ method: 'GET', url: 'https://h.example.com/', headers: {} }, keys, new Date(0));
    expect(redactText('key a-secret-key-value token temporary-token-value')).not.toMatch(
      /a-secret|temporary-token/,
    );
  });

  it('canonicalizes query order, encoding and the trailing slash the same however the URL spells them', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 8 }), { maxKeys: 5 }),
        fc.array(fc.stringMatching(/^[A-Za-z0-9 ._~-]{1,8}$/), { minLength: 1, maxLength: 3 }),
        (query, segments) => {
          const path = `/${segments.map(encodeURIComponent).join('/')}`;
          const entries = Object.entries(query);
          const forward = new URLSearchParams(entries).toString();
          const backward = new URLSearchParams([...entries].reverse()).toString();
          const request = (q: string) => ({
            method: 'GET',
            url: `https://h.example.com${path}?${q}`,
            headers: {},
          });
          const a = canonicalRequest(request(forward), ['host']);
          expect(canonicalRequest(request(backward), ['host'])).toBe(a);
          const [, uri, canonicalQuery] = a.split('\n');
          expect(uri?.endsWith('/')).toBe(true);
          expect(uri).toMatch(/^[A-Za-z0-9/%._~-]*$/);
          expect(canonicalQuery).toMatch(/^[A-Za-z0-9%=&._~-]*$/);
        },
      ),
    );
  });

  it('changes the signature when any signed part changes', () => {
    const base = {
      method: 'GET',
      url: 'https://h.example.com/v2/p?x=1',
      headers: { 'x-sdk-date': '20240101T000000Z' },
    };
    const signed = ['host', 'x-sdk-date'];
    const sig = signatureOf(base, signed, 'secret', '20240101T000000Z');
    expect(
      signatureOf({ ...base, url: 'https://h.example.com/v2/p?x=2' }, signed, 'secret', '20240101T000000Z'),
    ).not.toBe(sig);
    expect(signatureOf({ ...base, method: 'POST' }, signed, 'secret', '20240101T000000Z')).not.toBe(sig);
    expect(signatureOf(base, signed, 'other', '20240101T000000Z')).not.toBe(sig);
    expect(signatureOf({ ...base, body: 'x' }, signed, 'secret', '20240101T000000Z')).not.toBe(sig);
  });

  it('formats X-Sdk-Date as basic ISO 8601 in UTC', () => {
    expect(sdkDate(new Date('2019-11-15T03:36:55.987Z'))).toBe('20191115T033655Z');
  });
});
