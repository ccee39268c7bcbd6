/**
 * The official runtime (`@alicloud/openapi-client`) called exactly as the generated paiautoml SDK
 * calls it (reference §6): `callApi` with ROA `Params`, query through `OpenApiUtil.query`.
 */
import OpenApiModule, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import OpenApiUtilModule from '@alicloud/openapi-util';
import { RuntimeOptions } from '@alicloud/tea-util';
import { type AliyunCredentials, FAKE_ALIYUN_CREDENTIALS } from '../../../src/testing/index.js';
import { cjsDefault } from './pai-cjs.js';

const OpenApi = cjsDefault(OpenApiModule);
const OpenApiUtil = cjsDefault(OpenApiUtilModule);

export type PaiClient = InstanceType<typeof OpenApi>;

export function paiClient(
  options: { endpoint?: string; credentials?: AliyunCredentials; protocol?: string } = {},
): PaiClient {
  const credentials = options.credentials ?? FAKE_ALIYUN_CREDENTIALS;
  return new OpenApi(
    new Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      securityToken: credentials.securityToken,
      endpoint: options.endpoint ?? 'paiautoml.cn-hangzhou.aliyuncs.com',
      protocol: options.protocol,
    }),
  );
}

export interface SdkResponse<T> {
  statusCode: number;
  headers: Record<string, string>;
  body: T;
}

/** The runtime's error: `code`, `statusCode`, `data` (the body plus statusCode), `message`. */
export interface SdkError extends Error {
  code: string;
  statusCode: number;
  data: Record<string, unknown>;
  accessDeniedDetail?: Record<string, string>;
}

export async function callApi<T = Record<string, unknown>>(
  client: PaiClient,
  action: string,
  method: 'GET' | 'POST' | 'PUT',
  pathname: string,
  input: { query?: Record<string, unknown>; body?: Record<string, unknown> } = {},
): Promise<SdkResponse<T>> {
  const params = new Params({
    action,
    version: '2022-08-28',
    protocol: 'HTTPS',
    pathname,
    method,
    authType: 'AK',
    style: 'ROA',
    reqBodyType: 'json',
    bodyType: 'json',
  });
  const request = new OpenApiRequest({
    query: input.query === undefined ? undefined : OpenApiUtil.query(input.query),
    body: input.body === undefined ? undefined : OpenApiUtil.parseToMap(input.body),
  });
  return (await client.callApi(params, request, new RuntimeOptions({}))) as SdkResponse<T>;
}

/** A path parameter as the SDK encodes it. */
export const encodeParam = (value: string) => OpenApiUtil.getEncodeParam(value);
