/**
 * The fake's ACS3 canonicalization against the reference's test vectors (pai.md §7.3), which were
 * produced with @alicloud/openapi-util: if these hold, the verifier rebuilds exactly what the
 * official signer signs.
 */
import { describe, expect, it } from 'vitest';
import {
  acs3Signature,
  acsPercentEncode,
  canonicalQuery,
  canonicalRequest,
  sha256Hex,
  stringToSign,
} from '../../src/testing/pai/acs3.js';

const COMMON: Array<[string, string]> = [
  ['host', 'paiautoml.cn-hangzhou.aliyuncs.com'],
  ['x-acs-version', '2022-08-28'],
  ['x-acs-date', '2024-01-01T00:00:00Z'],
  ['x-acs-signature-nonce', 'nonce-123'],
];
const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function sign(
  method: string,
  path: string,
  query: URLSearchParams,
  extra: Array<[string, string]>,
  payloadHash: string,
) {
  const headers = [...COMMON, ...extra, ['x-acs-content-sha256', payloadHash] as [string, string]].sort(
    ([a], [b]) => (a < b ? -1 : 1),
  );
  return {
    signedHeaders: headers.map(([name]) => name).join(';'),
    signature: acs3Signature(
      'SECRET',
      stringToSign(canonicalRequest({ method, path, query, headers, payloadHash })),
    ),
  };
}

describe('ACS3-HMAC-SHA256 canonicalization', () => {
  it('encodes like RFC 3986, escaping what encodeURIComponent leaves alone', () => {
    expect(acsPercentEncode("my exp*!'()~")).toBe('my%20exp%2A%21%27%28%29~');
    expect(canonicalQuery(new URLSearchParams({ PageSize: '10', Name: 'my exp*', PageNumber: '1' }))).toBe(
      'Name=my%20exp%2A&PageNumber=1&PageSize=10',
    );
  });

  it('reproduces vector 1 (GET ListHpoExperiments with a query)', () => {
    const query = new URLSearchParams({ PageNumber: '1', PageSize: '10', Name: 'my exp*' });
    const result = sign(
      'GET',
      '/api/automl/v1/hpo/experiments',
      query,
      [['x-acs-action', 'ListHpoExperiments']],
      EMPTY_HASH,
    );
    expect(sha256Hex('')).toBe(EMPTY_HASH);
    expect(result.signedHeaders).toBe(
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    );
    expect(result.signature).toBe('947826c7c32d8cf9a6f82e1c3412dd89d015f52581f1bb8fa11c9f7ea11b2953');
  });

  it('reproduces vector 2 (PUT StopHpoTrials with a JSON body)', () => {
    const payloadHash = sha256Hex('{"TrialIds":["t1"]}');
    expect(payloadHash).toBe('740e79700758a4937e19981aab42ece03fa4f34e893825d313fab1e6c38506b5');
    const result = sign(
      'PUT',
      '/api/automl/v1/hpo/experiment/abc/stop_trials',
      new URLSearchParams(),
      [
        ['content-type', 'application/json; charset=utf-8'],
        ['x-acs-action', 'StopHpoTrials'],
      ],
      payloadHash,
    );
    expect(result.signedHeaders).toBe(
      'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    );
    expect(result.signature).toBe('737274876fb8c05cdc67f9b488c9436e49c4f7bc43e574358e9a630f373104b9');
  });
});
