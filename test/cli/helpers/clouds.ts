/**
 * The three fakes behind one loopback server (real sockets, the command in its own process), the
 * environment that points the command at it with each cloud's own credential variables, and
 * finished experiments to read.
 */
import { afterAll, beforeAll } from 'vitest';
import { CLOUDS } from '../../../src/cli/demo/clouds.js';
import type { ProviderId, TuningProvider } from '../../../src/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  type LoopbackServer,
  modelartsFake,
  paiFake,
  sagemakerFake,
  startLoopbackServer,
} from '../../../src/testing/index.js';
import { cleanEnv } from './run.js';

export const SEED = 9;

export function useLoopbackClouds() {
  const fakes = {
    sagemaker: sagemakerFake({ seed: SEED }),
    pai: paiFake({ seed: SEED }),
    modelarts: modelartsFake({ seed: SEED }),
  };
  const state = {
    server: undefined as LoopbackServer | undefined,
    env: {} as Record<string, string>,
    providers: {} as Record<ProviderId, TuningProvider>,
  };
  beforeAll(async () => {
    const server = await startLoopbackServer([
      ...fakes.sagemaker.handlers,
      ...fakes.pai.handlers,
      ...fakes.modelarts.handlers,
    ]);
    state.server = server;
    state.env = cleanEnv({
      CROSSTUNE_SAGEMAKER_ENDPOINT: server.url,
      CROSSTUNE_PAI_ENDPOINT: server.url,
      CROSSTUNE_MODELARTS_ENDPOINT: server.url,
      AWS_REGION: fakes.sagemaker.region,
      AWS_ACCESS_KEY_ID: FAKE_AWS_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_AWS_CREDENTIALS.secretAccessKey,
      CROSSTUNE_PAI_REGION: fakes.pai.region,
      ALIBABA_CLOUD_ACCESS_KEY_ID: FAKE_ALIYUN_CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: FAKE_ALIYUN_CREDENTIALS.accessKeySecret,
      CROSSTUNE_MODELARTS_REGION: fakes.modelarts.region,
      HUAWEICLOUD_SDK_AK: FAKE_HUAWEI_CREDENTIALS.accessKeyId,
      HUAWEICLOUD_SDK_SK: FAKE_HUAWEI_CREDENTIALS.secretAccessKey,
      HUAWEICLOUD_SDK_PROJECT_ID: fakes.modelarts.projectId,
    });
    // The same adapters the command builds, in this process, to create what it reads.
    for (const cloud of CLOUDS) {
      const fake = fakes[cloud.name as ProviderId];
      state.providers[cloud.name as ProviderId] = cloud.provider({ ...fake, endpoint: server.url } as never);
    }
  });
  afterAll(async () => {
    await state.server?.close();
  });
  return { fakes, state };
}
