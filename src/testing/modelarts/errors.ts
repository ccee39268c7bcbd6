/**
 * The three error wire forms a ModelArts client meets (reference §5.1):
 * - `service`: ModelArts itself, `{error_code, error_msg, error_solution}`. Texts are the error-code
 *   appendix's: its "description" column is what the service writes as `error_msg` (the create
 *   example's `algorithm not found.` is 2755's description) and its "solution" column is
 *   `error_solution`.
 * - `gateway`: API Gateway in front of it, `{error_code: "APIG.xxxx", error_msg, request_id}`.
 * - `iam`: the IAM endpoint, Keystone's `{error: {code, message, title}}`.
 */
export type ErrorForm = 'service' | 'gateway' | 'iam';

export class ModelArtsWireError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly form: ErrorForm,
    readonly solution?: string,
  ) {
    super(message);
    this.name = code;
  }
}

const service = (status: number, code: string, message: string, solution: string) =>
  new ModelArtsWireError(status, code, message, 'service', solution);
const gateway = (status: number, code: string, message: string) =>
  new ModelArtsWireError(status, code, message, 'gateway');

/** IAM answers in Keystone's words; `code` is the HTTP status, `title` its reason phrase. */
export const iamErrors = {
  badRequest: (message: string) => new ModelArtsWireError(400, 'Bad Request', message, 'iam'),
  unauthorized: (message = 'The request you have made requires authentication.') =>
    new ModelArtsWireError(401, 'Unauthorized', message, 'iam'),
  wrongPassword: () => iamErrors.unauthorized('The username or password is wrong.'),
  notFound: () => new ModelArtsWireError(404, 'Not Found', 'The resource could not be found.', 'iam'),
};

export const wireErrors = {
  jobNotFound: (id: string) =>
    service(
      400,
      'ModelArts.2775',
      `Training job (ID: ${id}) not found.`,
      'Check whether the training job information in the request is valid.',
    ),
  duplicateName: (name: string) =>
    service(400, 'ModelArts.2751', `Duplicate training job (name ${name}).`, 'Change training job name.'),
  algorithmNotFound: () =>
    service(
      400,
      'ModelArts.2755',
      'algorithm not found.',
      'Check whether the training project information in the request is valid.',
    ),
  parameterError: () => service(400, 'ModelArts.0104', 'Parameter error.', 'Check the parameter settings.'),
  workspaceNotFound: () =>
    service(400, 'ModelArts.0102', 'The workspace does not exist.', 'Check the current workspace.'),
  invalidJson: () => service(400, 'ModelArts.2787', 'Invalid JSON request body.', 'Check the request body.'),
  invalidParam: (name: string) =>
    service(400, 'ModelArts.2788', `Invalid parameter(${name}).`, 'Check the request parameter.'),
  invalidQuery: (name: string) =>
    service(
      400,
      'ModelArts.2764',
      `Invalid query parameter (${name}).`,
      'Check the validity of the parameter in the request.',
    ),
  unsupportedSortBy: () =>
    service(400, 'ModelArts.2790', 'Unsupported sorting item.', 'Check whether the sorting item is valid.'),
  unsupportedConditionKey: (key: string) =>
    service(
      400,
      'ModelArts.2807',
      `Unsupported condition key (${key})`,
      'Check whether the key of search is valid.',
    ),
  unsupportedConditionOperator: (operator: string) =>
    service(
      400,
      'ModelArts.2808',
      `Unsupported condition operator (${operator})`,
      'Check whether the operator of search is valid.',
    ),
  unsupportedConditionValue: (value: string) =>
    service(
      400,
      'ModelArts.2809',
      `Unsupported condition value (${value})`,
      'Check whether the value of search is valid.',
    ),
  unsupportedAction: (type: string) =>
    service(
      400,
      'ModelArts.2812',
      `Unsupported action type:${type}`,
      'Check whether the action type is valid.',
    ),
  searchIndicatorsDuplicate: () =>
    service(
      400,
      'ModelArts.2824',
      'The search indicators is duplicate.',
      'Check whether the search indicators is duplicate.',
    ),
  searchParamsError: () =>
    service(400, 'ModelArts.2826', 'The search parameters error.', 'Please enter another search parameter.'),
  /** The fake's answer to an early stop ModelArts cannot do (the real code is not documented). */
  unsupportedOperation: (hint: string) =>
    service(400, 'ModelArts.2858', `Current operation not supported, (${hint}).`, 'Please refer to hints.'),
  notAllowedToTerminate: () =>
    service(409, 'ModelArts.2796', 'The job cannot be terminated.', 'Check whether the job status is valid.'),
  projectMismatch: () =>
    service(
      403,
      'ModelArts.0210',
      'The project id in the request URL does not match the token.',
      'Use the correct project ID to generate a token.',
    ),
  tokenWithoutProject: () =>
    service(
      401,
      'ModelArts.0212',
      'Invalid token header because the token does not contain a project.',
      'Use a project-level token.',
    ),
  internal: (status = 500) =>
    service(status, 'ModelArts.0010', 'Internal error.', 'Contact R&D and O&M personnel.'),

  /** APIG.0301; `detail` follows the gateway's prefix, e.g. `decrypt token fail`. */
  iamAuthentication: (detail: string) =>
    gateway(401, 'APIG.0301', `Incorrect IAM authentication information: ${detail}`),
  apiNotFound: () =>
    gateway(404, 'APIG.0101', 'The API does not exist or has not been published in the environment.'),
  /** The gateway's throttling text (reference §5.3); the limit is the fake's. */
  throttled: (status = 429) =>
    gateway(
      status,
      'APIG.0308',
      'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
    ),
  backendUnavailable: (status = 502) => gateway(status, 'APIG.0201', 'Backend unavailable.'),
  backendTimeout: (status = 504) => gateway(status, 'APIG.0201', 'Backend timeout.'),
};

/** Headers every answer carries. `date` is real time, as on the other fakes. */
export function baseHeaders(requestId: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    'content-type': 'application/json',
    'x-request-id': requestId,
    date: new Date().toUTCString(),
    ...extra,
  });
}

export function jsonResponse(
  body: unknown,
  requestId: string,
  status = 200,
  extra: Record<string, string> = {},
): Response {
  const text = body === undefined ? null : JSON.stringify(body);
  return new Response(text, { status, headers: baseHeaders(requestId, extra) });
}

export function errorResponse(error: ModelArtsWireError, requestId: string): Response {
  return jsonResponse(errorBody(error, requestId), requestId, error.status);
}

function errorBody(error: ModelArtsWireError, requestId: string): unknown {
  switch (error.form) {
    case 'service':
      return { error_code: error.code, error_msg: error.message, error_solution: error.solution };
    case 'gateway':
      return { error_code: error.code, error_msg: error.message, request_id: requestId };
    case 'iam':
      return { error: { code: error.status, message: error.message, title: error.code } };
  }
}
