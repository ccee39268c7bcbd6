/**
 * The fault matrix's faults, and what crosstune must make of each — written as rules over the
 * operation (read or write, what its answer holds, whether it pages) rather than case by case.
 */

import type { CloudCase, OperationCase } from './clouds.js';
import type { Action, Answer, Seen } from './fault-proxy.js';

/** Attempts per call in the matrix's retry policy. */
export const ATTEMPTS = 2;

export type ErrorName =
  | 'ThrottlingError'
  | 'ServiceError'
  | 'NetworkError'
  | 'TimeoutError'
  | 'ResponseFormatError'
  | 'ValidationError'
  | 'AuthenticationError'
  | 'PaginationError';

export interface Fault {
  name: string;
  /** Before the cloud sees the request (it did nothing), or after it acted (its answer is lost or spoilt). */
  when: 'before' | 'after';
  /** The error a call that cannot get past the fault ends with. */
  error: ErrorName;
  /** Whether crosstune tries again. */
  retryable: boolean;
  /** Whether a write that met it may have taken effect (then it is looked up, never resent blindly). */
  ambiguous: boolean;
  /**
   * What the fault does to a success answer's body: `bytes` spoils the bytes there are (none to
   * spoil in an empty body), `replaces` puts something else in their place.
   */
  body?: 'bytes' | 'replaces';
  /** Only where the operation's answer has a field to drift. */
  needsDrift?: boolean;
  /** What the proxy does with a request the fault is aimed at. */
  action(cloud: CloudCase, op: OperationCase): Action;
}

const GATEWAY_PAGE = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>…</form></body></html>';

const edited =
  (edit: (answer: Answer) => Answer | 'reset' | 'cut' | 'hang'): (() => Action) =>
  () => ({ do: 'edit', edit });

export const FAULTS: readonly Fault[] = [
  {
    name: 'throttled (the cloud’s own form)',
    when: 'before',
    error: 'ThrottlingError',
    retryable: true,
    ambiguous: false,
    action: (cloud) => ({ do: 'answer', answer: cloud.throttle }),
  },
  {
    name: 'server error (the cloud’s own 5xx)',
    when: 'before',
    error: 'ServiceError',
    retryable: true,
    ambiguous: true,
    action: (cloud) => ({ do: 'answer', answer: cloud.serverError }),
  },
  {
    name: 'gateway 502 as an HTML page',
    when: 'before',
    error: 'ServiceError',
    retryable: true,
    ambiguous: true,
    action: () => ({
      do: 'answer',
      answer: { status: 502, headers: { 'content-type': 'text/html' }, body: GATEWAY_PAGE },
    }),
  },
  {
    name: 'connection reset before the cloud saw the request',
    when: 'before',
    error: 'NetworkError',
    retryable: true,
    ambiguous: true,
    action: () => ({ do: 'reset' }),
  },
  {
    name: 'no answer before the deadline (request held)',
    when: 'before',
    error: 'TimeoutError',
    retryable: true,
    ambiguous: true,
    action: () => ({ do: 'hang' }),
  },
  {
    name: 'refused as invalid (the cloud’s own 400)',
    when: 'before',
    error: 'ValidationError',
    retryable: false,
    ambiguous: false,
    action: (cloud) => ({ do: 'answer', answer: cloud.refusal }),
  },
  {
    name: 'credentials refused (fixed keys: nothing to renew)',
    when: 'before',
    error: 'AuthenticationError',
    retryable: false,
    ambiguous: false,
    action: (cloud) => ({ do: 'answer', answer: cloud.authRefusal }),
  },
  {
    name: 'connection reset after the cloud acted',
    when: 'after',
    error: 'NetworkError',
    retryable: true,
    ambiguous: true,
    action: edited(() => 'reset'),
  },
  {
    name: 'connection dropped mid-body',
    when: 'after',
    error: 'NetworkError',
    retryable: true,
    ambiguous: true,
    body: 'bytes',
    action: edited(() => 'cut'),
  },
  {
    name: 'body truncated (a whole message, half the JSON)',
    when: 'after',
    error: 'ResponseFormatError',
    retryable: true,
    ambiguous: true,
    body: 'bytes',
    action: edited((answer) => ({
      ...answer,
      body: answer.body.slice(0, Math.floor(answer.body.length / 2)),
    })),
  },
  {
    name: 'empty success body',
    when: 'after',
    error: 'ResponseFormatError',
    retryable: true,
    ambiguous: true,
    body: 'bytes',
    action: edited((answer) => ({ ...answer, body: '' })),
  },
  {
    name: 'HTML page with status 200',
    when: 'after',
    error: 'ResponseFormatError',
    retryable: true,
    ambiguous: true,
    body: 'replaces',
    action: edited(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: LOGIN_PAGE })),
  },
  {
    name: 'schema drift (a field of another type)',
    when: 'after',
    error: 'ResponseFormatError',
    retryable: false,
    ambiguous: false,
    body: 'replaces',
    needsDrift: true,
    action: (_cloud, op) =>
      edited((answer) => ({ ...answer, body: JSON.stringify(op.drift?.(JSON.parse(answer.body))) }))(),
  },
  {
    name: 'answer held past the deadline after the cloud acted',
    when: 'after',
    error: 'TimeoutError',
    retryable: true,
    ambiguous: true,
    action: edited(() => 'hang'),
  },
];

/** Faults of listings: they act on every page after the first. */
export interface PagingFault {
  name: string;
  /** Only where a fault-free walk reads more than one page. */
  needsPages: boolean;
  script(op: OperationCase): (seen: Seen) => Action;
}

/** Every page answered with the first page's items; `ahead` decides what the page says comes next. */
const firstPageAgain = (ahead: (body: Record<string, unknown>, nth: number) => Record<string, unknown>) => {
  let first: Answer | undefined;
  return (seen: Seen): Action => ({
    do: 'edit',
    edit: (answer) => {
      first ??= answer;
      return { ...first, body: JSON.stringify(ahead(JSON.parse(first.body), seen.nth)) };
    },
  });
};

export const PAGING_FAULTS: readonly PagingFault[] = [
  {
    name: 'the server ignores the cursor (the first page again)',
    needsPages: true,
    script: () => firstPageAgain((body) => body),
  },
  {
    name: 'an endless listing (the same items, always more to come)',
    needsPages: false,
    script: (op) => firstPageAgain((body, nth) => op.paged?.ahead(body, nth) ?? body),
  },
];

export type Mode = 'once' | 'always';

export interface Expected {
  outcome: 'ok' | ErrorName;
  /** The error's `retryable`, when the call fails. */
  retryable?: boolean;
  /** Requests of the target operation. */
  target: number;
  /** Look-ups a write made (each sends the operation's `write.lookup`). */
  lookups: number;
  /** Whether the requests a fault-free run sends after the target are sent. */
  rest: boolean;
}

/** How many target requests a fault-free run sends. */
export const baseOf = (op: OperationCase): number =>
  op.requests.find(([name]) => name === op.target)?.[1] ?? 0;

/** Whether the fault can happen at all to this operation's answers (and which rule then applies). */
export function applies(fault: Fault, op: OperationCase): boolean {
  return !fault.needsDrift || op.drift !== undefined;
}

/** What crosstune must make of `fault` aimed at `op`'s target, `mode` times. */
export function expected(fault: Fault, op: OperationCase, mode: Mode): Expected {
  const base = baseOf(op);
  const ok: Expected = { outcome: 'ok', target: base, lookups: 0, rest: true };
  // An answer that is not read, or an empty one, has nothing the fault could spoil.
  if (fault.body && op.answer === 'ignored') return ok;
  if (fault.body === 'bytes' && op.answer === 'empty-or-json') return ok;

  if (fault.error === 'ValidationError' && op.refusalFallsBack) return { ...ok, target: 1 };
  const write = op.write;
  if (write && fault.ambiguous) {
    // The cloud acted: the look-up finds it, whatever happens to later answers.
    if (fault.when === 'after') return { ...ok, lookups: 1 };
    if (!write.resend) {
      return { outcome: fault.error, retryable: false, target: 1, lookups: 1, rest: false };
    }
    if (mode === 'once') return { ...ok, target: base + 1, lookups: 1 };
    return { outcome: fault.error, retryable: true, target: ATTEMPTS, lookups: ATTEMPTS, rest: false };
  }
  if (!fault.retryable) {
    return { outcome: fault.error, retryable: false, target: 1, lookups: 0, rest: false };
  }
  if (mode === 'once') return { ...ok, target: base + 1 };
  return {
    outcome: fault.error,
    retryable: true,
    target: ATTEMPTS * (op.polls ?? 1),
    lookups: 0,
    rest: false,
  };
}
