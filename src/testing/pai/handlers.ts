/**
 * msw handlers for the PAI AutoML endpoint. One handler routes ROA requests by method and path,
 * as the gateway does; around it sit the request log, fault injection, the ACS3 signature check,
 * the version and RAM checks, and the request id every answer carries.
 */
import { type HttpHandler, http } from 'msw';
import { type CloudFaultRenderer, respondWithFault } from '../engine/fault-response.js';
import type { FaultInjector } from '../engine/faults.js';
import { isLoopbackHost } from '../engine/loopback-hosts.js';
import type { RequestLog } from '../engine/request-log.js';
import { type Acs3Verifier, DEFAULT_PRINCIPAL, type Principal } from './auth.js';
import { maskSecrets } from './config-files.js';
import { PAI_API_VERSION } from './constants.js';
import { errorResponse, jsonResponse, PaiWireError, wireErrors } from './errors.js';
import { OPERATIONS } from './operations.js';
import { API_PREFIX, matchRoute, type RouteMatch } from './routes.js';
import type { PaiState } from './state.js';
import type { JsonObject } from './types.js';

export interface HandlerContext {
  readonly endpoint: URL;
  readonly region: string;
  readonly state: PaiState;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly verifier: Acs3Verifier | undefined;
  nextRequestId(): string;
}

export function createPaiHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.all(
      ({ request }) => relativePath(request, ctx.endpoint) !== undefined,
      ({ request }) => handle(request, ctx),
    ),
  ];
}

/**
 * The request's path below the fake's endpoint, or `undefined` when the fake does not claim it:
 * requests to its own origin, or — when served by `startLoopbackServer`, whose port is unknown up
 * front — to any loopback origin, but then only paths of the paiautoml API.
 */
function relativePath(request: Request, endpoint: URL): string | undefined {
  const url = new URL(request.url);
  const base = endpoint.pathname.replace(/\/+$/, '');
  if (url.origin === endpoint.origin && url.pathname.startsWith(`${base}/`))
    return url.pathname.slice(base.length);
  if (isLoopbackHost(url.hostname) && url.pathname.startsWith(API_PREFIX)) return url.pathname;
  return undefined;
}

async function handle(request: Request, ctx: HandlerContext): Promise<Response> {
  // A clone leaves the original readable for msw and for any handler after this one.
  const body = new Uint8Array(await request.clone().arrayBuffer());
  const rawBody = new TextDecoder().decode(body);
  const route = matchRoute(request.method, relativePath(request, ctx.endpoint) ?? '');
  const operation = route?.action ?? request.headers.get('x-acs-action') ?? undefined;
  const entry = ctx.log.record(request, rawBody, operation, maskSecrets);
  const requestId = ctx.nextRequestId();
  const serve = () => serveRequest(request, body, rawBody, route, requestId, ctx);
  const fault = ctx.faults.take(operation);
  const response = fault
    ? await respondWithFault(fault, faultRenderer(requestId, ctx.endpoint.host), serve)
    : await serve();
  entry.status = response.status;
  return response;
}

async function serveRequest(
  request: Request,
  body: Uint8Array,
  rawBody: string,
  route: RouteMatch | undefined,
  requestId: string,
  ctx: HandlerContext,
): Promise<Response> {
  try {
    if (route === undefined) throw wireErrors.apiNotFound();
    const principal = authenticate(request, body, ctx);
    checkCommonHeaders(request, route);
    authorize(principal, route, ctx.region);
    const output = OPERATIONS[route.action]({
      state: ctx.state,
      principal,
      params: route.params,
      query: new URL(request.url).searchParams,
      body: parseBody(rawBody),
    });
    return jsonResponse(output, requestId);
  } catch (error) {
    if (error instanceof PaiWireError) return errorResponse(error, requestId, ctx.endpoint.host);
    throw error;
  }
}

function authenticate(request: Request, body: Uint8Array, ctx: HandlerContext): Principal {
  if (ctx.verifier === undefined) return DEFAULT_PRINCIPAL;
  const result = ctx.verifier.verify(request, body);
  if (result instanceof PaiWireError) throw result;
  return result;
}

/** ROA: the API version header is required, and `x-acs-action` must name the routed operation. */
function checkCommonHeaders(request: Request, route: RouteMatch): void {
  const version = request.headers.get('x-acs-version');
  if (version === null || version === '') throw wireErrors.missingParameter('Version');
  if (version !== PAI_API_VERSION) throw wireErrors.invalidVersion();
  const action = request.headers.get('x-acs-action');
  if (action !== null && action !== route.action) throw wireErrors.apiNotFound();
}

/** The credential's `allowedActions`, standing in for a RAM policy. */
function authorize(principal: Principal, route: RouteMatch, region: string): void {
  if (principal.allowedActions === undefined || principal.allowedActions.includes(route.action)) return;
  const experimentId = route.params.ExperimentId;
  const resource = `acs:paiautoml:${region}:${principal.userId}:${experimentId === undefined ? '*' : `hpoexperiment/${experimentId}`}`;
  throw wireErrors.noPermission(route.action, resource, principal.userId);
}

function parseBody(rawBody: string): JsonObject {
  if (rawBody.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    throw wireErrors.invalidInput('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw wireErrors.invalidInput('The request body must be a JSON object.');
  }
  return value as JsonObject;
}

function faultRenderer(requestId: string, host: string): CloudFaultRenderer {
  return {
    throttle: (fault) => errorResponse(wireErrors.throttling(fault.status ?? 400), requestId, host),
    serverError: (fault) => {
      const status = fault.status ?? 500;
      const error = status === 503 ? wireErrors.serviceUnavailable() : wireErrors.internalError(status);
      return errorResponse(error, requestId, host);
    },
  };
}
