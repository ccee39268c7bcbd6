import type { VirtualClock } from '../engine/clock.js';
import { assembleFake, type CloudFake, DEFAULT_FAKE_SEED, fakeParts } from '../engine/fake.js';
import { randomUuid } from '../engine/rng.js';
import { Acs3Verifier } from './auth.js';
import { DEFAULT_PAI_REGION, defaultPaiEndpoint, FAKE_ALIYUN_CREDENTIALS } from './constants.js';
import { createPaiHandlers } from './handlers.js';
import { DEFAULT_SIMULATION, type SimulationOptions } from './simulate.js';
import { PaiState } from './state.js';
import type { AliyunCredentials } from './types.js';

/** What `paiFake` takes; every option has a default. */
export interface PaiFakeOptions {
  /** Seeds every simulated trial, id and request id; same seed, same run. Default 42. */
  seed?: number;
  /** Default `cn-hangzhou`; part of the default endpoint and of RAM resource names. */
  region?: string;
  /** Default `https://paiautoml.{region}.aliyuncs.com`. */
  endpoint?: string;
  /** AccessKeys the fake accepts. Default `[FAKE_ALIYUN_CREDENTIALS]`. */
  credentials?: readonly AliyunCredentials[];
  /** Share one clock between fakes; default a new clock at 2026-01-01T00:00:00Z. */
  clock?: VirtualClock;
  /** Check ACS3 signatures (default true). Turn off only to debug a client's signing separately. */
  verifySignature?: boolean;
  /** Timing, failure rates and field forms of simulated trials. */
  simulation?: Partial<SimulationOptions>;
}

/** `endpoint` is e.g. `https://paiautoml.cn-hangzhou.aliyuncs.com`; openapi-client's `endpoint` is its host. */
export type PaiFake = CloudFake<PaiState>;

/**
 * A stateful PAI AutoML (paiautoml 2022-08-28) service for tests, speaking the real wire protocol
 * (ROA JSON + ACS3-HMAC-SHA256) through msw, so the official `@alicloud/openapi-client` runtime
 * works against it unchanged.
 *
 * @example
 * ```ts
 * import { pai } from 'crosstune/pai';
 * import { FAKE_ALIYUN_CREDENTIALS, paiFake } from 'crosstune/testing/pai';
 * import { setupServer } from 'msw/node';
 *
 * const fake = paiFake({ seed: 7 });
 * const server = setupServer(...fake.handlers);
 * server.listen({ onUnhandledFrame: 'error' });
 *
 * const { id } = fake.state.seedExperiment({ name: 'seeded' });
 * const { accessKeyId, accessKeySecret } = FAKE_ALIYUN_CREDENTIALS;
 * const cloud = pai({ region: fake.region, endpoint: fake.endpoint, credentials: { accessKeyId, accessKeySecret } });
 * fake.clock.advance(2 * 60 * 60_000); // two hours of tuning happen
 * console.log(await cloud.trials.list(id).toArray());
 * server.close();
 * ```
 */
export function paiFake(options: PaiFakeOptions = {}): PaiFake {
  const seed = options.seed ?? DEFAULT_FAKE_SEED;
  const region = options.region ?? DEFAULT_PAI_REGION;
  const endpoint = new URL(options.endpoint ?? defaultPaiEndpoint(region));
  const parts = fakeParts('pai', seed, options.clock);
  const { clock, faults, log } = parts;
  const state = new PaiState({ seed, clock, simulation: { ...DEFAULT_SIMULATION, ...options.simulation } });
  const verifier =
    options.verifySignature === false
      ? undefined
      : new Acs3Verifier({ credentials: options.credentials ?? [FAKE_ALIYUN_CREDENTIALS] });

  const handlers = createPaiHandlers({
    endpoint,
    region,
    state,
    faults,
    log,
    verifier,
    // Upper-case, as PAI's request ids are (`3F190916-B3E5-5D1E-AD0C-35C0DF105F51`).
    nextRequestId: () => randomUuid(parts.requestIds()).toUpperCase(),
  });

  return assembleFake(parts, { handlers, endpoint, region, state }, [verifier]);
}
