/**
 * msw handlers for the SageMaker endpoint. One POST handler routes on X-Amz-Target, as the service
 * does; around it sit the request log, fault injection, SigV4 checks and the request id every
 * answer carries.
 */

import { type HttpHandler, http } from 'msw';
import type { VirtualClock } from '../engine/clock.js';
import { type CloudFaultRenderer, respondWithFault } from '../engine/fault-response.js';
import type { FaultInjector } from '../engine/faults.js';
import { requestBody } from '../engine/request-body.js';
import type { RequestLog } from '../engine/request-log.js';
import type { SigV4Verifier } from './auth.js';
import { baseHeaders, errorResponse, SageMakerWireError, wireErrors } from './errors.js';
import { OPERATIONS } from './operations.js';
import type { SageMakerState } from './state.js';
import type { JsonObject } from './types.js';

export const TARGET_PREFIX = 'SageMaker.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface HandlerContext {
  readonly endpoint: URL;
  readonly state: SageMakerState;
  readonly clock: VirtualClock;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly verifier: SigV4Verifier | undefined;
  nextRequestId(): string;
}

export function createSageMakerHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.post(
      ({ request }) => claims(request, ctx.endpoint),
      ({ request }) => handle(request, ctx),
    ),
  ];
}

/**
 * The fake's own endpoint, or — when served by `startLoopbackServer`, whose port is unknown up
 * front — any loopback origin, but then only for requests that name a SageMaker operation.
 */
function claims(request: Request, endpoint: URL): boolean {
  const url = new URL(request.url);
  if (url.origin === endpoint.origin && trimSlashes(url.pathname) === trimSlashes(endpoint.pathname))
    return true;
  return (
    LOOPBACK_HOSTS.has(url.hostname) && (request.headers.get('x-amz-target') ?? '').startsWith(TARGET_PREFIX)
  );
}

async function handle(request: Request, ctx: HandlerContext): Promise<Response> {
  // A clone leaves the original readable for msw and for any handler after this one.
  const rawBody = await requestBody(request);
  const target = request.headers.get('x-amz-target') ?? '';
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
  const entry = ctx.log.record(request, rawBody, operation);
  const requestId = ctx.nextRequestId();
  const serve = () => serveRequest(request, rawBody, target, operation, requestId, ctx);
  const fault = ctx.faults.take(operation);
  const response = fault ? await respondWithFault(fault, faultRenderer(requestId), serve) : await serve();
  entry.status = response.status;
  return response;
}

async function serveRequest(
  request: Request,
  rawBody: string,
  target: string,
  operation: string | undefined,
  requestId: string,
  ctx: HandlerContext,
): Promise<Response> {
  try {
    const authError = await ctx.verifier?.verify(request, rawBody);
    if (authError) throw authError;
    const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== CONTENT_TYPE) {
      throw wireErrors.unknownOperation(
        `Requests must have Content-Type ${CONTENT_TYPE}; got '${contentType}'.`,
      );
    }
    const run =
      operation !== undefined && Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (run === undefined) {
      throw wireErrors.unknownOperation(
        operation === undefined
          ? `Unknown operation: X-Amz-Target '${target}'.`
          : `The crosstune SageMaker fake does not implement ${target}.`,
      );
    }
    const output = run(parseInput(rawBody), { state: ctx.state, clock: ctx.clock });
    const body = output === undefined ? null : JSON.stringify(output);
    return new Response(body, { status: 200, headers: baseHeaders(requestId) });
  } catch (error) {
    if (error instanceof SageMakerWireError) return errorResponse(error, requestId);
    throw error;
  }
}

function parseInput(rawBody: string): JsonObject {
  if (rawBody.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    throw wireErrors.serialization('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw wireErrors.serialization('The request body must be a JSON object.');
  }
  return value as JsonObject;
}

function faultRenderer(requestId: string): CloudFaultRenderer {
  return {
    throttle: (fault) => errorResponse(wireErrors.throttling(fault.status ?? 400), requestId),
    serverError: (fault) => {
      const status = fault.status ?? 500;
      const error = status === 503 ? wireErrors.serviceUnavailable() : wireErrors.internalFailure(status);
      return errorResponse(error, requestId);
    },
  };
}

function trimSlashes(path: string): string {
  return path.replace(/\/+$/, '');
}
