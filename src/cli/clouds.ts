/**
 * Providers as the command builds them: credentials from each cloud's own chain (the AWS default
 * chain and profiles, the @alicloud/credentials chain, Huawei's HUAWEICLOUD_SDK_* variables), the
 * region from the command line or the environment, and an endpoint override from `--endpoint` or
 * `CROSSTUNE_<CLOUD>_ENDPOINT` (to point the command at a loopback server).
 */
import { InvalidArgumentError, type ProviderId, type TuningProvider } from '../index.js';

export const CLOUD_IDS: readonly ProviderId[] = ['sagemaker', 'pai', 'modelarts'];

export interface CloudSettings {
  cloud: ProviderId;
  region?: string | undefined;
  endpoint?: string | undefined;
  /** Per-attempt time limit, ms. */
  timeoutMs?: number | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

const upper = (cloud: ProviderId) => cloud.toUpperCase();

/** Where each cloud's region comes from when `--region` is not given, in order. */
const REGION_VARIABLES: Readonly<Record<ProviderId, readonly string[]>> = {
  sagemaker: ['CROSSTUNE_SAGEMAKER_REGION', 'AWS_REGION', 'AWS_DEFAULT_REGION'],
  pai: ['CROSSTUNE_PAI_REGION', 'ALIBABA_CLOUD_REGION_ID'],
  modelarts: ['CROSSTUNE_MODELARTS_REGION', 'HUAWEICLOUD_SDK_REGION'],
};

export function isCloud(value: string): value is ProviderId {
  return (CLOUD_IDS as readonly string[]).includes(value);
}

export function regionOf(settings: CloudSettings, env: Env): string {
  const region = settings.region ?? REGION_VARIABLES[settings.cloud].map((name) => env[name]).find(Boolean);
  if (!region) {
    throw new InvalidArgumentError(
      `No region for ${settings.cloud}: pass --region or set ${REGION_VARIABLES[settings.cloud].join(' or ')}`,
    );
  }
  return region;
}

/** Builds the provider; each cloud's adapter is loaded only when that cloud is used. */
export async function providerFor(settings: CloudSettings, env: Env = process.env): Promise<TuningProvider> {
  const region = regionOf(settings, env);
  const endpoint = settings.endpoint ?? (env[`CROSSTUNE_${upper(settings.cloud)}_ENDPOINT`] || undefined);
  const common = { region, endpoint, timeoutMs: settings.timeoutMs };
  switch (settings.cloud) {
    case 'sagemaker': {
      const { sagemaker } = await import('../providers/sagemaker/index.js');
      return sagemaker(common);
    }
    case 'pai': {
      const { pai } = await import('../providers/pai/index.js');
      return pai(common);
    }
    case 'modelarts': {
      const { modelarts } = await import('../providers/modelarts/index.js');
      return modelarts(common);
    }
  }
}

/** `<cloud>[@<region>]:<experiment>`, as `compare` and `report` take their runs. */
export interface RunReference {
  cloud: ProviderId;
  region: string | undefined;
  experimentId: string;
  label: string;
}

export function parseRunReference(text: string): RunReference {
  const match = /^([a-z]+)(?:@([^:]+))?:(.+)$/.exec(text);
  if (!match || !isCloud(match[1] as string)) {
    throw new InvalidArgumentError(
      `"${text}" is not <cloud>:<experiment> (cloud: ${CLOUD_IDS.join(', ')}; e.g. sagemaker:xgb-tune or pai@cn-hangzhou:mi0sIBk)`,
    );
  }
  return {
    cloud: match[1] as ProviderId,
    region: match[2],
    experimentId: match[3] as string,
    label: text.replace(/@[^:]+:/, ':'),
  };
}
