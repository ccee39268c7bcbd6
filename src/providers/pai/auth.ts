/**
 * Credentials for the ACS3-HMAC-SHA256 signature the Alibaba runtime computes. Explicit keys
 * (with `securityToken` for STS), a provider function, or — when none are given — the default
 * chain of `@alicloud/credentials` (environment, OIDC, CLI profile, credentials file, ECS RAM
 * role, credentials URI). Whatever the source, the secret and the token are registered for
 * redaction as soon as they are resolved, before the runtime signs with them.
 */
import * as alicloudCredentials from '@alicloud/credentials';
import { AuthenticationError } from '../../core/errors.js';
import { registerSecret } from '../../core/redact.js';
import { defaultClass } from './interop.js';

export interface AlibabaCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** An STS token, for temporary credentials. */
  securityToken?: string | undefined;
}

export type AlibabaCredentialProvider = () => Promise<AlibabaCredentials>;

/** The shape `@alicloud/credentials` accepts as a custom provider. */
interface RuntimeCredentialsProvider {
  getCredentials(): Promise<{
    accessKeyId: string;
    accessKeySecret: string;
    securityToken: string | undefined;
    providerName: string;
  }>;
  getProviderName(): string;
}

type CredentialClass = new (config: null, provider: RuntimeCredentialsProvider) => unknown;

function source(credentials: AlibabaCredentials | AlibabaCredentialProvider | undefined): {
  name: string;
  resolve: () => Promise<AlibabaCredentials & { providerName?: string }>;
} {
  if (typeof credentials === 'function') return { name: 'crosstune', resolve: credentials };
  if (credentials) {
    const fixed = credentials;
    registerSecret(fixed.accessKeySecret);
    registerSecret(fixed.securityToken);
    return { name: fixed.securityToken ? 'static_sts' : 'static_ak', resolve: async () => fixed };
  }
  // Built on first use: the chain reads environment variables and files when it is constructed.
  let chain: { getCredentials(): Promise<AlibabaCredentials & { providerName: string }> } | undefined;
  return {
    name: 'default',
    resolve: async () => {
      chain ??= alicloudCredentials.DefaultCredentialsProvider.builder().build();
      return chain.getCredentials();
    },
  };
}

/**
 * A `Credential` object for the runtime's `Config.credential`. Failing to obtain credentials is
 * an AuthenticationError, never a network error to retry.
 */
export function runtimeCredential(credentials: AlibabaCredentials | AlibabaCredentialProvider | undefined) {
  const { name, resolve } = source(credentials);
  const provider: RuntimeCredentialsProvider = {
    getProviderName: () => name,
    async getCredentials() {
      let resolved: AlibabaCredentials & { providerName?: string };
      try {
        resolved = await resolve();
      } catch (cause) {
        throw new AuthenticationError(
          `No Alibaba Cloud credentials: ${cause instanceof Error ? cause.message : String(cause)}`,
          { provider: 'pai', cause },
        );
      }
      if (!resolved?.accessKeyId || !resolved.accessKeySecret) {
        throw new AuthenticationError('The Alibaba Cloud credentials lack an AccessKey id or secret', {
          provider: 'pai',
        });
      }
      registerSecret(resolved.accessKeySecret);
      registerSecret(resolved.securityToken);
      return {
        accessKeyId: resolved.accessKeyId,
        accessKeySecret: resolved.accessKeySecret,
        securityToken: resolved.securityToken || undefined,
        providerName: resolved.providerName ?? name,
      };
    },
  };
  const Credential = defaultClass<CredentialClass>(alicloudCredentials);
  return new Credential(null, provider);
}
