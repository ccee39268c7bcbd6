import type { FakeHuaweiAccessKey, HuaweiUser } from './types.js';

/**
 * An access key pair that is obviously not real: it follows no Huawei Cloud key format (real AKs
 * are 20 upper-case letters and digits), so secret scanners and readers can tell it is a
 * placeholder. The ModelArts fake accepts it by default. Not frozen, like the other fakes' keys.
 */
export const FAKE_HUAWEI_CREDENTIALS: FakeHuaweiAccessKey = {
  accessKeyId: 'CROSSTUNE-FAKE-HUAWEI-AK',
  secretAccessKey: 'crosstune-fake-huawei-secret-key',
};

/** The IAM user whose password the fake's IAM endpoint accepts for tokens. */
export const FAKE_HUAWEI_USER: HuaweiUser = {
  userName: 'crosstune-fake-user',
  password: 'crosstune-fake-password',
  domainName: 'crosstune-fake-account',
};

/** The same 32-hex project id as the ModelArts-shaped signing vector C of the reference (§2.2.1). */
export const FAKE_MODELARTS_PROJECT_ID = '0123456789abcdef0123456789abcdef';
/** IAM ids of the fake account and user (32 hex digits, as IAM's are). */
export const FAKE_HUAWEI_DOMAIN_ID = 'fedcba9876543210fedcba9876543210';
/** The IAM user id of {@link FAKE_HUAWEI_USER}. */
export const FAKE_HUAWEI_USER_ID = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

/** The ModelArts fake's region unless `region` is given. */
export const DEFAULT_MODELARTS_REGION = 'cn-north-4';
/** The global IAM endpoint the Huawei SDKs use by default (reference §1.2). */
export const DEFAULT_HUAWEI_IAM_ENDPOINT = 'https://iam.myhuaweicloud.com';

/** `https://modelarts.{region}.myhuaweicloud.com`; ap-southeast-1 is `.cn`, as both SDKs ship it (reference §1.1). */
export function defaultModelArtsEndpoint(region: string): string {
  const domain = region === 'ap-southeast-1' ? 'myhuaweicloud.cn' : 'myhuaweicloud.com';
  return `https://modelarts.${region}.${domain}`;
}

/** The list answer's columns before the metrics (reference §4.1); `best_reward` comes after them. */
export const TRIAL_TABLE_COLUMNS = [
  '',
  'done',
  'pid',
  'config',
  'trial_id',
  'training_iteration',
  'time_total_s',
  'worker_index',
  'reward_attr',
  'status',
] as const;
export const BEST_REWARD_COLUMN = 'best_reward';
