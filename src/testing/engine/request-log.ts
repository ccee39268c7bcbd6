/** What a fake saw, so tests can assert e.g. how many attempts a client made. */
export interface LoggedRequest {
  /** 1-based arrival order. */
  readonly seq: number;
  /** Cloud operation name (e.g. `DescribeHyperParameterTuningJob`), if the request named one. */
  readonly operation: string | undefined;
  readonly method: string;
  readonly url: string;
  /** Lower-cased names; the signature in `authorization` and any session token are redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Parsed JSON body, the raw text when it is not JSON, `undefined` when empty; secrets inside it
   * are masked when the fake knows where its cloud puts them.
   */
  readonly body: unknown;
  /** HTTP status answered; 0 for an injected network error, `undefined` while still pending. */
  status: number | undefined;
}

const REDACTED = '[redacted]';
/** Session-token headers of AWS, Alibaba Cloud and Huawei Cloud. */
const TOKEN_HEADERS = new Set(['x-amz-security-token', 'x-acs-security-token', 'x-security-token']);

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  /** `redactBody` masks secrets a cloud carries in request bodies (e.g. AccessKeys in PAI configurations). */
  record(
    request: Request,
    rawBody: string,
    operation: string | undefined,
    redactBody: (body: unknown) => unknown = (body) => body,
  ): LoggedRequest {
    const entry: LoggedRequest = {
      seq: this.entries.length + 1,
      operation,
      method: request.method,
      url: request.url,
      headers: redactHeaders(request.headers),
      body: redactBody(parseBody(rawBody)),
      status: undefined,
    };
    this.entries.push(entry);
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/**
 * Keeps the access key id and signed-header list of an Authorization header (useful to assert
 * which credentials were used) but never the signature or token.
 */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (key === 'authorization') out[key] = redactAuthorization(value);
    else if (TOKEN_HEADERS.has(key)) out[key] = REDACTED;
    else out[key] = value;
  });
  return out;
}

function redactAuthorization(value: string): string {
  if (/Signature=/i.test(value)) return value.replace(/Signature=[^,\s]*/i, `Signature=${REDACTED}`);
  // Schemes without a named signature field (e.g. `acs AccessKeyId:Signature`) lose everything after the scheme.
  const scheme = value.split(' ', 1)[0] ?? '';
  return value.includes(' ') ? `${scheme} ${REDACTED}` : REDACTED;
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
