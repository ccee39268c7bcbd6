import { delay, HttpResponse } from 'msw';
import type { Fault } from './faults.js';

/** Real time `delay` faults wait when the test gives no `delayMs`: longer than most client timeouts. */
export const DEFAULT_FAULT_DELAY_MS = 10_000;

/** The two faults whose wire form differs between clouds. */
export interface CloudFaultRenderer {
  throttle(fault: Fault): Response;
  serverError(fault: Fault): Response;
}

/**
 * Turns a fault into a response. `serve` runs the request for real; only `delay`, `truncated` and
 * `empty` call it, because those model failures *after* the service did the work — which is exactly what
 * makes a retried create come back as a duplicate.
 */
export async function respondWithFault(
  fault: Fault,
  renderer: CloudFaultRenderer,
  serve: () => Promise<Response>,
): Promise<Response> {
  switch (fault.kind) {
    case 'throttle':
      return renderer.throttle(fault);
    case 'server-error':
      return renderer.serverError(fault);
    case 'reset':
      return HttpResponse.error();
    case 'delay':
      await delay(fault.delayMs ?? DEFAULT_FAULT_DELAY_MS);
      return serve();
    case 'truncated':
      return truncate(await serve());
    case 'empty':
      return empty(await serve());
    case 'non-json':
      return gatewayPage(fault.status ?? 502);
  }
}

async function truncate(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(bytes.slice(0, Math.floor(bytes.length / 2)), { status: response.status, headers });
}

async function empty(response: Response): Promise<Response> {
  await response.arrayBuffer();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response('', { status: response.status, headers });
}

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

// Shaped like the bare pages load balancers and proxies emit: no JSON, no request id.
function gatewayPage(status: number): Response {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
  return new Response(html, { status, headers: { 'content-type': 'text/html' } });
}
