/**
 * msw handlers for the ModelArts and IAM endpoints. One handler routes by method and path, as API
 * Gateway does; around it sit the request log, fault injection, authentication (token or
 * AK/SK), the project check and the `X-Request-Id` every answer carries.
 */

import { type HttpHandler, http } from 'msw';
import { type CloudFaultRenderer, respondWithFault } from '../engine/fault-response.js';
import type { FaultInjector } from '../engine/faults.js';
import { isLoopbackHost } from '../engine/loopback-hosts.js';
import { requestBody } from '../engine/request-body.js';
import type { RequestLog } from '../engine/request-log.js';
import { type Authenticator, authenticate, checkProject } from './auth.js';
import type { OperationContext, OperationResult } from './context.js';
import { errorResponse, iamErrors, jsonResponse, ModelArtsWireError, wireErrors } from './errors.js';
import { parseBody } from './input.js';
import { OPERATIONS } from './operations.js';
import type { OffsetMeanings } from './paging.js';
import { loggableRequest, maskPassword } from './redact.js';
import { loopbackService, matchRoute, type RouteMatch, type Service } from './routes.js';
import type { ModelArtsState } from './state.js';
import type { HuaweiUser } from './types.js';

export interface HandlerContext {
  readonly endpoint: URL;
  readonly iamEndpoint: URL;
  readonly state: ModelArtsState;
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  readonly auth: Authenticator;
  readonly users: readonly HuaweiUser[];
  readonly offsetMeanings: Required<OffsetMeanings>;
  nextRequestId(): string;
}

export function createModelArtsHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    http.all(
      ({ request }) => claim(request, ctx) !== undefined,
      ({ request }) => handle(request, ctx),
    ),
  ];
}

interface Claim {
  readonly service: Service;
  /** The path below the endpoint's own path. */
  readonly path: string;
}

/**
 * Requests to the fake's ModelArts or IAM origin, or — when served by `startLoopbackServer`, whose
 * port is unknown up front — to any loopback origin, but then only paths of these APIs.
 */
function claim(request: Request, ctx: HandlerContext): Claim | undefined {
  const url = new URL(request.url);
  for (const [service, base] of [
    ['modelarts', ctx.endpoint],
    ['iam', ctx.iamEndpoint],
  ] as const) {
    const prefix = base.pathname.replace(/\/+$/, '');
    if (url.origin === base.origin && url.pathname.startsWith(`${prefix}/`)) {
      return { service, path: url.pathname.slice(prefix.length) };
    }
  }
  if (!isLoopbackHost(url.hostname)) return undefined;
  const service = loopbackService(url.pathname);
  return service === undefined ? undefined : { service, path: url.pathname };
}

async function handle(request: Request, ctx: HandlerContext): Promise<Response> {
  // A clone leaves the original readable for msw and for any handler after this one.
  const rawBody = await requestBody(request);
  const claimed = claim(request, ctx) as Claim;
  const route = matchRoute(claimed.service, request.method, claimed.path);
  const operation = route?.operation;
  const entry = ctx.log.record(loggableRequest(request), rawBody, operation, maskPassword);
  const requestId = ctx.nextRequestId();
  const serve = async () => serveRequest(request, rawBody, claimed.service, route, requestId, ctx);
  const fault = ctx.faults.take(operation);
  const response = fault ? await respondWithFault(fault, faultRenderer(requestId), serve) : await serve();
  entry.status = response.status;
  return response;
}

function serveRequest(
  request: Request,
  rawBody: string,
  service: Service,
  route: RouteMatch | undefined,
  requestId: string,
  ctx: HandlerContext,
): Response {
  try {
    if (route === undefined) throw service === 'iam' ? iamErrors.notFound() : wireErrors.apiNotFound();
    const principal =
      route.operation === 'KeystoneCreateUserTokenByPassword'
        ? undefined
        : authenticate(request, rawBody, ctx.auth);
    if (principal instanceof ModelArtsWireError)
      throw service === 'iam' ? iamErrors.unauthorized() : principal;
    if (service === 'modelarts' && principal !== undefined) {
      checkProject(principal, route.params.project as string, ctx.state.projectId);
    }
    const opContext: OperationContext = {
      state: ctx.state,
      principal: principal ?? { ...ANONYMOUS },
      params: route.params,
      query: new URL(request.url).searchParams,
      body: parseRequestBody(rawBody, service),
      offsetMeanings: ctx.offsetMeanings,
      iamEndpoint: ctx.iamEndpoint.origin,
      users: ctx.users,
    };
    return answer(OPERATIONS[route.operation](opContext), requestId);
  } catch (error) {
    if (error instanceof ModelArtsWireError) return errorResponse(error, requestId);
    throw error;
  }
}

const ANONYMOUS = {
  userName: '',
  userId: '',
  domainName: '',
  domainId: '',
  via: 'none',
  projectId: undefined,
} as const;

function parseRequestBody(rawBody: string, service: Service) {
  try {
    return parseBody(rawBody);
  } catch (error) {
    if (service === 'iam') throw iamErrors.badRequest('The request body is invalid.');
    throw error;
  }
}

function answer(result: OperationResult, requestId: string): Response {
  return jsonResponse(result.body, requestId, result.status ?? 200, result.headers);
}

/**
 * Throttling is API Gateway's APIG.0308 (HTTP 429 unless the fault names another status). Server
 * errors: 500 is ModelArts' own ModelArts.0010; 502/503 and 504 come from the gateway (APIG.0201
 * "Backend unavailable." / "Backend timeout.").
 */
function faultRenderer(requestId: string): CloudFaultRenderer {
  return {
    throttle: (fault) => errorResponse(wireErrors.throttled(fault.status ?? 429), requestId),
    serverError: (fault) => {
      const status = fault.status ?? 500;
      const error =
        status === 502 || status === 503
          ? wireErrors.backendUnavailable(status)
          : status === 504
            ? wireErrors.backendTimeout(status)
            : wireErrors.internal(status);
      return errorResponse(error, requestId);
    },
  };
}
