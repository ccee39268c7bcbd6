/**
 * Who is calling and for which project: AK/SK signing or an IAM token, and the project id every
 * ModelArts path starts with. Credentials come from the options or from the environment variables
 * Huawei's SDKs read; a token is obtained from IAM with a password and cached for its life; the
 * project id, when not given, is the region's project as IAM lists it (`GET /v3/projects?name=`).
 */
import { AuthenticationError, InvalidArgumentError } from '../../core/errors.js';
import { BUDGET, type CallOptions } from '../../core/http/call-options.js';
import { decodeJson } from '../../core/http/decode.js';
import { type ExecutionContext, execute } from '../../core/http/execute.js';
import { abortErrorFrom } from '../../core/http/retry.js';
import type { HttpRequest } from '../../core/http/transport.js';
import { registerSecret } from '../../core/redact.js';
import { type AccessKeys, signRequest } from './auth.js';
import { ProjectsResponseSchema, TokenResponseSchema } from './wire.js';

/** An IAM user's password, exchanged for a project-scoped token (valid 24 h) on first use. */
export interface IamPassword {
  userName: string;
  password: string;
  /** The account (domain) the IAM user belongs to. */
  domainName: string;
}

/** A project-scoped IAM token obtained elsewhere, sent as `X-Auth-Token` until it expires. */
export interface IamToken {
  token: string;
}

/** Huawei Cloud credentials: access keys (signed requests), an IAM token, or an IAM user's password. */
export type HuaweiCredentials = AccessKeys | IamToken | IamPassword;

/** Where tokens and project ids come from unless `iamEndpoint` says otherwise. */
export const DEFAULT_IAM_ENDPOINT = 'https://iam.myhuaweicloud.com';

/** A token is asked for again this long before IAM said it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** IAM tokens live 24 h; used when an answer does not say. */
const TOKEN_LIFE_MS = 24 * 3_600_000;

interface IssuedToken {
  value: string;
  /** Local time after which the token is no longer sent. */
  expiresAt: number;
  projectId?: string | undefined;
}

export interface IdentityConfig {
  region: string;
  credentials?: HuaweiCredentials | undefined;
  projectId?: string | undefined;
  iamEndpoint?: string | undefined;
  context: ExecutionContext;
  env?: Record<string, string | undefined> | undefined;
}

export interface Identity {
  /** Adds the authentication headers (and `X-Project-Id` when signing). */
  authorize(request: HttpRequest, options?: CallOptions): Promise<HttpRequest>;
  projectId(options?: CallOptions): Promise<string>;
  /**
   * After an answer refused `sent` (revoked, or the server's clock runs ahead of its stated life):
   * forgets that token if it is still the one held, so the next request asks IAM again. True when
   * a password can get a new token (even if another call already renewed it), false otherwise.
   */
  renewToken(sent: string | undefined): boolean;
}

function fromEnvironment(env: Record<string, string | undefined>): AccessKeys | undefined {
  const accessKeyId = env.HUAWEICLOUD_SDK_AK;
  const secretAccessKey = env.HUAWEICLOUD_SDK_SK;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, securityToken: env.HUAWEICLOUD_SDK_SECURITY_TOKEN || undefined };
}

function isAccessKeys(c: HuaweiCredentials): c is AccessKeys {
  return 'accessKeyId' in c;
}

/** A malformed credentials object is named before anything is sent. */
function checked(found: HuaweiCredentials): HuaweiCredentials {
  const required = isAccessKeys(found)
    ? (['accessKeyId', 'secretAccessKey'] as const)
    : 'token' in found
      ? (['token'] as const)
      : (['userName', 'password', 'domainName'] as const);
  for (const name of required) {
    const value = (found as unknown as Record<string, unknown>)[name];
    if (typeof value !== 'string' || value === '') {
      throw new InvalidArgumentError(`credentials.${name} must be a non-empty string`, {
        provider: 'modelarts',
      });
    }
  }
  return found;
}

/** Waits for a request several calls share, giving up (alone) when this caller's signal aborts. */
function awaitShared<T>(shared: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(abortErrorFrom(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortErrorFrom(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A shared request keeps the first caller's time limits and retry budget, not its signal. */
const sharedOptions = (options: CallOptions | undefined): CallOptions => ({
  timeoutMs: options?.timeoutMs,
  retry: options?.retry,
  [BUDGET]: options?.[BUDGET],
});

export function createIdentity(config: IdentityConfig): Identity {
  const env = config.env ?? process.env;
  const iam = (config.iamEndpoint ?? DEFAULT_IAM_ENDPOINT).replace(/\/+$/, '');
  let projectId = config.projectId;
  let resolvingProject: Promise<string> | undefined;
  let token: IssuedToken | undefined;
  let requesting: Promise<IssuedToken> | undefined;

  const credentials = (): HuaweiCredentials => {
    const found = config.credentials ?? fromEnvironment(env);
    if (!found) {
      throw new AuthenticationError(
        'No Huawei Cloud credentials: pass `credentials` (access keys, an IAM token or an IAM password) ' +
          'or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
        { provider: 'modelarts' },
      );
    }
    checked(found);
    if (isAccessKeys(found)) {
      registerSecret(found.secretAccessKey);
      registerSecret(found.securityToken);
    } else if ('token' in found) registerSecret(found.token);
    else registerSecret(found.password);
    return found;
  };

  async function currentToken(password: IamPassword, options?: CallOptions): Promise<string> {
    if (token && token.expiresAt - Date.now() > REFRESH_MARGIN_MS) return token.value;
    // Calls that start together share one IAM request.
    requesting ??= requestToken(password, sharedOptions(options))
      .then((fresh) => {
        token = fresh;
        projectId ??= fresh.projectId;
        return fresh;
      })
      .finally(() => {
        requesting = undefined;
      });
    return (await awaitShared(requesting, options?.signal)).value;
  }

  function requestToken(password: IamPassword, options?: CallOptions): Promise<IssuedToken> {
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: password.userName,
              password: password.password,
              domain: { name: password.domainName },
            },
          },
        },
        // By id when known: a region's sub-projects share its name.
        scope: { project: projectId ? { id: projectId } : { name: config.region } },
      },
    });
    return execute(
      config.context,
      {
        operation: 'KeystoneCreateUserTokenByPassword',
        idempotent: true,
        request: async () => ({
          method: 'POST',
          url: `${iam}/v3/auth/tokens`,
          headers: { 'content-type': 'application/json' },
          body,
        }),
        decode: (response, details) => {
          const value = response.headers.get('x-subject-token');
          if (!value) {
            throw new AuthenticationError('IAM answered without an X-Subject-Token header', details);
          }
          registerSecret(value);
          const answer = decodeJson(response, TokenResponseSchema(), details).token;
          // The token's life as IAM counts it, from when it reached us: a skewed local clock
          // then neither keeps an expired token nor drops a fresh one.
          const issued = Date.parse(answer.issued_at ?? '');
          const expires = Date.parse(answer.expires_at);
          const lifeMs = Number.isNaN(issued) || Number.isNaN(expires) ? TOKEN_LIFE_MS : expires - issued;
          return { value, expiresAt: Date.now() + lifeMs, projectId: answer.project?.id ?? undefined };
        },
      },
      options,
    );
  }

  async function authorize(request: HttpRequest, options?: CallOptions): Promise<HttpRequest> {
    const found = credentials();
    if (isAccessKeys(found)) {
      const headers = { ...request.headers };
      if (projectId) headers['x-project-id'] = projectId;
      return signRequest({ ...request, headers }, found, new Date());
    }
    const value = 'token' in found ? found.token : await currentToken(found, options);
    return { ...request, headers: { ...request.headers, 'x-auth-token': value } };
  }

  async function lookUpProject(options?: CallOptions): Promise<string> {
    const found = credentials();
    if (!isAccessKeys(found) && !('token' in found)) {
      await currentToken(found, options);
      if (projectId) return projectId;
    }
    const url = `${iam}/v3/projects?name=${encodeURIComponent(config.region)}`;
    const answer = await execute(
      config.context,
      {
        operation: 'KeystoneListProjects',
        idempotent: true,
        request: (call) =>
          authorize({ method: 'GET', url, headers: { 'content-type': 'application/json' } }, call),
        decode: (response, details) => decodeJson(response, ProjectsResponseSchema(), details),
      },
      options,
    );
    const match = answer.projects.find((p) => p.name === config.region);
    if (!match) {
      throw new InvalidArgumentError(
        `IAM lists no project named ${config.region} for these credentials; pass \`projectId\``,
        { provider: 'modelarts', operation: 'KeystoneListProjects' },
      );
    }
    return match.id;
  }

  return {
    authorize,
    renewToken(sent) {
      const found = config.credentials ?? fromEnvironment(env);
      if (!found || isAccessKeys(found) || 'token' in found) return false;
      if (token !== undefined && token.value === sent) token = undefined;
      return true;
    },
    async projectId(options?: CallOptions) {
      projectId ??= env.HUAWEICLOUD_SDK_PROJECT_ID || undefined;
      if (projectId) return projectId;
      resolvingProject ??= lookUpProject(sharedOptions(options)).finally(() => {
        resolvingProject = undefined;
      });
      projectId = await awaitShared(resolvingProject, options?.signal);
      return projectId;
    },
  };
}
