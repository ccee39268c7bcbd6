/** What redaction masks and what it leaves: registered secrets, signature-shaped text, secret headers, causes. */
import { describe, expect, it } from 'vitest';
import { REDACTED, redactCause, redactHeaders, redactText, registerSecret } from '../../src/core/redact.js';

describe('registered secrets', () => {
  it('masks every occurrence of a secret of eight characters or more, and ignores shorter ones', () => {
    registerSecret('eight-ch');
    registerSecret('seven-c');
    registerSecret(undefined);
    registerSecret('');
    expect(REDACTED).toBe('[REDACTED]');
    expect(redactText('a eight-ch b eight-ch')).toBe('a [REDACTED] b [REDACTED]');
    expect(redactText('seven-c stays, undefined stays')).toBe('seven-c stays, undefined stays');
  });
});

describe('signature-shaped text', () => {
  it('masks a SigV4 signature of 16 hex digits or more, whatever the case, and not a shorter one', () => {
    expect(redactText(`Signature=${'aB'.repeat(8)}, x`)).toBe('Signature=[REDACTED], x');
    expect(redactText(`Signature=${'f'.repeat(64)}`)).toBe('Signature=[REDACTED]');
    expect(redactText(`Signature=${'f'.repeat(15)}`)).toBe(`Signature=${'f'.repeat(15)}`);
    expect(redactText('Signature=not-hex-at-all-here')).toBe('Signature=not-hex-at-all-here');
  });

  it('masks a credential scope up to the next comma or blank', () => {
    expect(redactText('Credential=AKID/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host')).toBe(
      'Credential=[REDACTED], SignedHeaders=host',
    );
    expect(redactText('Credential=AKID/scope next')).toBe('Credential=[REDACTED] next');
  });

  it('masks the value of every token header however it is quoted or joined', () => {
    expect(redactText('x-amz-security-token: FQoGZXIvYXdzE, next')).toBe(
      'x-amz-security-token: [REDACTED], next',
    );
    expect(redactText('{"X-Security-Token":"tok123","a":1}')).toBe('{"X-Security-Token":"[REDACTED]","a":1}');
    expect(redactText("x-auth-token='MIIZ-token' rest")).toBe("x-auth-token='[REDACTED]' rest");
    expect(redactText('x-acs-security-token=CAIS token')).toBe('x-acs-security-token=[REDACTED] token');
    expect(redactText('x-other-token: visible')).toBe('x-other-token: visible');
  });

  it('masks an Authorization value up to the end of the line or quote', () => {
    expect(redactText('Authorization: AWS4-HMAC-SHA256 Credential=x, Signature=y\nnext line')).toBe(
      'Authorization: [REDACTED]\nnext line',
    );
    expect(redactText('{"authorization": "SDK-HMAC-SHA256 Access=AK, Signature=zz"}')).toBe(
      '{"authorization": "[REDACTED]"}',
    );
    expect(redactText('no secrets here')).toBe('no secrets here');
  });
});

describe('redactHeaders', () => {
  it('masks the secret-bearing headers by exact name in any case, and redacts the text of the others', () => {
    registerSecret('header-secret-value');
    expect(
      redactHeaders({
        Authorization: 'AWS4-HMAC-SHA256 x',
        'X-Amz-Security-Token': 'tok',
        'x-security-token': 'tok',
        'X-Auth-Token': 'tok',
        'x-acs-security-token': 'tok',
        Cookie: 'session=1',
        'x-authorization-hint': 'visible',
        'Authorization-Scheme': 'visible',
        'x-my-cookie': 'visible',
        'x-note': 'has header-secret-value inside',
        host: 'example.com',
      }),
    ).toEqual({
      Authorization: REDACTED,
      'X-Amz-Security-Token': REDACTED,
      'x-security-token': REDACTED,
      'X-Auth-Token': REDACTED,
      'x-acs-security-token': REDACTED,
      Cookie: REDACTED,
      'x-authorization-hint': 'visible',
      'Authorization-Scheme': 'visible',
      'x-my-cookie': 'visible',
      'x-note': 'has [REDACTED] inside',
      host: 'example.com',
    });
  });
});

describe('redactCause', () => {
  it('redacts text and plain data, and keeps errors, primitives and what JSON cannot copy as they are', () => {
    registerSecret('cause-secret-value');
    expect(redactCause('see cause-secret-value')).toBe('see [REDACTED]');
    expect(redactCause({ message: 'cause-secret-value', nested: [{ Authorization: 'x' }] })).toEqual({
      message: '[REDACTED]',
      nested: [{ Authorization: REDACTED }],
    });
    const error = new Error('cause-secret-value');
    expect(redactCause(error)).toBe(error);
    expect(redactCause(null)).toBeNull();
    expect(redactCause(undefined)).toBeUndefined();
    expect(redactCause(42)).toBe(42);
    // Numbers JSON cannot copy come back as they were, not as null or 0.
    expect(redactCause(Number.NaN)).toBeNaN();
    expect(Object.is(redactCause(-0), -0)).toBe(true);
    expect(redactCause(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    expect(redactCause(circular)).toBe(circular);
    const big = { n: 10n };
    expect(redactCause(big)).toBe(big);
  });
});
