/**
 * Who sent a request, the two ways Huawei Cloud accepts (reference §2): an IAM token in
 * `X-Auth-Token`, or an SDK-HMAC-SHA256 signature. A token wins when both are present.
 */
import type { AkSkVerifier } from './aksk.js';
import { FAKE_HUAWEI_DOMAIN_ID, FAKE_HUAWEI_USER, FAKE_HUAWEI_USER_ID } from './constants.js';
import { ModelArtsWireError, wireErrors } from './errors.js';
import type { TokenIdentity, TokenStore } from './tokens.js';

export interface Principal extends TokenIdentity {
  readonly via: 'token' | 'aksk' | 'none';
  /**
   * The project the credential is scoped to: the token's, or the AK/SK request's `X-Project-Id`.
   * `null` for a token without one; `undefined` when the credential names none (AK/SK without the header).
   */
  readonly projectId: string | null | undefined;
}

export const DEFAULT_IDENTITY: TokenIdentity = {
  userName: FAKE_HUAWEI_USER.userName,
  userId: FAKE_HUAWEI_USER_ID,
  domainName: FAKE_HUAWEI_USER.domainName,
  domainId: FAKE_HUAWEI_DOMAIN_ID,
};

export interface Authenticator {
  readonly tokens: Pick<TokenStore, 'get'>;
  /** `undefined` when checks are off (`verifySignature: false`). */
  readonly aksk: AkSkVerifier | undefined;
  now(): number;
}

/** The sender, or the APIG.0301 error the gateway answers with. */
export function authenticate(
  request: Request,
  rawBody: string,
  auth: Authenticator,
): Principal | ModelArtsWireError {
  if (auth.aksk === undefined) return { ...DEFAULT_IDENTITY, via: 'none', projectId: undefined };
  const token = request.headers.get('x-auth-token');
  if (token !== null) {
    const record = auth.tokens.get(token);
    if (record === undefined) return wireErrors.iamAuthentication('decrypt token fail');
    if (auth.now() >= record.expiresAt) return wireErrors.iamAuthentication('token expires');
    return { ...record.identity, via: 'token', projectId: record.project?.id ?? null };
  }
  if (request.headers.get('authorization') === null) {
    return wireErrors.iamAuthentication('x-auth-token not found');
  }
  const key = auth.aksk.verify(request, rawBody);
  if (key instanceof ModelArtsWireError) return key;
  return {
    ...DEFAULT_IDENTITY,
    userName: key.userName ?? DEFAULT_IDENTITY.userName,
    via: 'aksk',
    projectId: request.headers.get('x-project-id') ?? undefined,
  };
}

/**
 * ModelArts serves only its own project: another project id in the URL, or a credential scoped to
 * a project other than the URL's, is ModelArts.0210; a token without a project is ModelArts.0212.
 */
export function checkProject(principal: Principal, urlProjectId: string, projectId: string): void {
  if (principal.projectId === null) throw wireErrors.tokenWithoutProject();
  if (urlProjectId !== projectId) throw wireErrors.projectMismatch();
  if (principal.projectId !== undefined && principal.projectId !== urlProjectId) {
    throw wireErrors.projectMismatch();
  }
}
