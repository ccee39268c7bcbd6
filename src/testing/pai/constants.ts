import type { AliyunCredentials } from './types.js';

/**
 * An access key pair that is obviously not real: it follows no Alibaba Cloud key format, so
 * secret scanners and readers alike can tell it is a placeholder. The PAI fake accepts it by
 * default. Not frozen, like FAKE_AWS_CREDENTIALS, so credential libraries may tag it.
 */
export const FAKE_ALIYUN_CREDENTIALS: AliyunCredentials = {
  accessKeyId: 'CROSSTUNE-FAKE-ACCESS-KEY-ID',
  accessKeySecret: 'crosstune-fake-access-key-secret',
};

/** The Alibaba Cloud user id the fake reports as `Creator` for keys that name none (16 digits, like real UIDs). */
export const FAKE_ALIYUN_USER_ID = '1000000000000001';

/** The PAI fake's region unless `region` is given. */
export const DEFAULT_PAI_REGION = 'cn-hangzhou';
/** The paiautoml API version every request must name in `x-acs-version` (reference §1). */
export const PAI_API_VERSION = '2022-08-28';
/** The service-linked role GetServiceIdentityRole reports once it exists (reference §2.2). */
export const PAI_SERVICE_ROLE_NAME = 'AliyunServiceRoleForPaiAutoml';

export function defaultPaiEndpoint(region: string): string {
  return `https://paiautoml.${region}.aliyuncs.com`;
}
