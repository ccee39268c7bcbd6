/**
 * SageMaker's error wire form: HTTP status, JSON body `{"__type": code, "message": text}`, and the
 * `x-amzn-RequestId` header. Modeled SageMaker exceptions (ResourceNotFound, ResourceInUse,
 * ResourceLimitExceeded — no "Exception" suffix) carry their text in `Message`, as their model shape
 * names it; framework errors use lower-case `message`. A body captured from SageMaker for
 * InvalidSignatureException (400, plain `__type`, `message`, no `x-amzn-ErrorType`) is the model
 * for the rest.
 */
export class SageMakerWireError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly messageKey: 'message' | 'Message' = 'message',
  ) {
    super(message);
    this.name = code;
  }
}

const modeled = (code: string, message: string) => new SageMakerWireError(code, message, 400, 'Message');

export const wireErrors = {
  validation: (message: string) => new SageMakerWireError('ValidationException', message),
  serialization: (message: string) => new SageMakerWireError('SerializationException', message),
  unknownOperation: (message: string) => new SageMakerWireError('UnknownOperationException', message),
  resourceNotFound: (message: string) => modeled('ResourceNotFound', message),
  resourceInUse: (message: string) => modeled('ResourceInUse', message),
  resourceLimitExceeded: (message: string) => modeled('ResourceLimitExceeded', message),
  throttling: (status = 400) => new SageMakerWireError('ThrottlingException', 'Rate exceeded', status),
  internalFailure: (status = 500) =>
    new SageMakerWireError('InternalFailure', 'We encountered an internal error. Please try again.', status),
  serviceUnavailable: (status = 503) =>
    new SageMakerWireError('ServiceUnavailable', 'Service is unavailable. Please try again later.', status),
  missingAuthenticationToken: () =>
    new SageMakerWireError('MissingAuthenticationTokenException', 'Request is missing Authentication Token'),
  incompleteSignature: (message: string) => new SageMakerWireError('IncompleteSignatureException', message),
  unrecognizedClient: () =>
    new SageMakerWireError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    ),
  invalidSignature: (message: string) => new SageMakerWireError('InvalidSignatureException', message),
};

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** Headers every SageMaker answer carries. `date` is real time: clients use it to correct clock skew. */
export function baseHeaders(requestId: string): Headers {
  return new Headers({
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-RequestId': requestId,
    date: new Date().toUTCString(),
  });
}

export function errorResponse(error: SageMakerWireError, requestId: string): Response {
  const body = JSON.stringify({ __type: error.code, [error.messageKey]: error.message });
  return new Response(body, { status: error.status, headers: baseHeaders(requestId) });
}
