import type { AwsCredentials } from './auth.js';

/**
 * The example key pair from AWS's own documentation: obviously not a real secret, and one that
 * secret scanners already know to ignore. The fakes accept it by default. Not frozen on purpose:
 * the AWS SDK tags the credentials object it is given and throws on a frozen one.
 */
export const FAKE_AWS_CREDENTIALS: AwsCredentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

/** The account id inside the SageMaker fake's ARNs unless `accountId` is given. */
export const FAKE_AWS_ACCOUNT_ID = '123456789012';
/** The SageMaker fake's region unless `region` is given. */
export const DEFAULT_FAKE_REGION = 'us-east-1';
