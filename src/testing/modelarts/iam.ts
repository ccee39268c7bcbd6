/**
 * The two IAM operations a ModelArts client needs (reference §2.1, §1.2): a project-scoped token
 * for a user's password, and the project id of a region. Tokens are valid 24 h of virtual time.
 */
import { deriveRng, randomHex } from '../engine/rng.js';
import { FAKE_HUAWEI_DOMAIN_ID, FAKE_HUAWEI_USER, FAKE_HUAWEI_USER_ID } from './constants.js';
import type { Operation, OperationContext } from './context.js';
import { iamErrors } from './errors.js';
import { isObject } from './input.js';
import type { TokenIdentity, TokenRecord } from './tokens.js';
import type { HuaweiUser } from './types.js';

export const IAM_OPERATIONS = {
  /** 201 with the token in `X-Subject-Token`; `?nocatalog=true` leaves the service catalogue out. */
  KeystoneCreateUserTokenByPassword(ctx: OperationContext) {
    const auth = isObject(ctx.body.auth) ? ctx.body.auth : undefined;
    const identity = isObject(auth?.identity) ? auth.identity : undefined;
    const password = isObject(identity?.password) ? identity.password : undefined;
    const user = isObject(password?.user) ? password.user : undefined;
    const methods = identity?.methods;
    if (user === undefined || !Array.isArray(methods) || !methods.includes('password')) {
      throw iamErrors.badRequest('The request body is invalid.');
    }
    const known = findUser(ctx.users, user);
    if (known === undefined) throw iamErrors.wrongPassword();
    const project = readProjectScope(ctx, auth?.scope);
    const record = ctx.state.issueToken({ scoped: project, identity: identityOf(known) });
    const catalog = ctx.query.get('nocatalog') === 'true' ? {} : { catalog: [] };
    return {
      status: 201,
      headers: { 'x-subject-token': record.token },
      body: { token: { ...tokenBody(record), ...catalog } },
    };
  },

  /** Projects of the account: the fake has one, its region's. `name` filters exactly, as IAM does. */
  KeystoneListProjects(ctx: OperationContext) {
    const { state } = ctx;
    const wanted = ctx.query.get('name');
    const project = {
      id: state.projectId,
      name: state.region,
      domain_id: FAKE_HUAWEI_DOMAIN_ID,
      description: '',
      enabled: true,
      is_domain: false,
      parent_id: FAKE_HUAWEI_DOMAIN_ID,
      links: { self: `${ctx.iamEndpoint}/v3/projects/${state.projectId}`, previous: null, next: null },
    };
    const self = `${ctx.iamEndpoint}/v3/projects${wanted === null ? '' : `?name=${encodeURIComponent(wanted)}`}`;
    return {
      body: {
        projects: wanted === null || wanted === state.region ? [project] : [],
        links: { self, previous: null, next: null },
      },
    };
  },
} satisfies Record<string, Operation>;

function findUser(users: readonly HuaweiUser[], user: Record<string, unknown>): HuaweiUser | undefined {
  const domain = isObject(user.domain) ? user.domain : {};
  return users.find(
    (u) =>
      u.userName === user.name &&
      u.password === user.password &&
      (domain.name === u.domainName || (domain.id !== undefined && domain.id === identityOf(u).domainId)),
  );
}

/** `true` for the fake's project (by name = region, or by id); `false` for domain scope or none. */
function readProjectScope(ctx: OperationContext, scope: unknown): boolean {
  if (!isObject(scope) || !isObject(scope.project)) return false;
  const { name, id } = scope.project;
  if (name === ctx.state.region || id === ctx.state.projectId) return true;
  throw iamErrors.unauthorized();
}

export function identityOf(user: HuaweiUser): TokenIdentity {
  const isFakeAccount = user.domainName === FAKE_HUAWEI_USER.domainName;
  return {
    userName: user.userName,
    userId:
      user.userId ??
      (user.userName === FAKE_HUAWEI_USER.userName ? FAKE_HUAWEI_USER_ID : hexOf('user', user.userName)),
    domainName: user.domainName,
    domainId: isFakeAccount ? FAKE_HUAWEI_DOMAIN_ID : hexOf('domain', user.domainName),
  };
}

function hexOf(kind: string, name: string): string {
  return randomHex(deriveRng(0, 'huawei-iam', kind, name), 32);
}

/** IAM writes times with microseconds: `2026-01-02T00:00:00.000000Z`. */
function iamTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

function tokenBody(record: TokenRecord) {
  const { identity } = record;
  const domain = { id: identity.domainId, name: identity.domainName };
  return {
    expires_at: iamTime(record.expiresAt),
    issued_at: iamTime(record.issuedAt),
    methods: ['password'],
    ...(record.project === undefined ? { domain } : { project: { ...record.project, domain } }),
    roles: [{ id: '0', name: 'te_admin' }],
    user: { id: identity.userId, name: identity.userName, domain, password_expires_at: '' },
  };
}
