/**
 * The official Alibaba Cloud runtime, pointed at the fake through msw and called the way the
 * generated paiautoml SDK calls it, is the proof that the fake speaks PAI's real protocol: ROA
 * routing, the ACS3 signature, JSON bodies, paging and the error form the runtime turns into
 * its own errors.
 */
import { describe, expect, it } from 'vitest';
import { FAKE_ALIYUN_CREDENTIALS, paiFake } from '../../src/testing/index.js';
import { experimentRequest } from './helpers/pai-fixtures.js';
import { usePaiFakes } from './helpers/pai-msw.js';
import { callApi, encodeParam, paiClient, type SdkError } from './helpers/pai-openapi.js';
import type { ExperimentListWire, ExperimentWire, TrialListWire } from './helpers/pai-wire.js';

const sts = { accessKeyId: 'STS.CROSSTUNE-FAKE', accessKeySecret: 'sts-secret', securityToken: 'sts-token' };
const fake = paiFake({ seed: 11 });
// A second fake in another region, knowing only temporary (STS) credentials.
const stsFake = paiFake({ region: 'cn-beijing', credentials: [sts] });
usePaiFakes(fake, stsFake);
const MINUTE = 60_000;
const exp = (id: string, suffix = '') => `/api/automl/v1/hpo/experiment/${encodeParam(id)}${suffix}`;

describe('@alicloud/openapi-client against the fake', () => {
  it('creates, gets, lists and pages, stops trials and stops the experiment', async () => {
    const client = paiClient();
    const ids: string[] = [];
    for (const name of ['first', 'second', 'third']) {
      const created = await callApi<{ ExperimentId: string; RequestId: string }>(
        client,
        'CreateHpoExperiment',
        'POST',
        '/api/automl/v1/hpo/experiment',
        { body: experimentRequest({ name, maxTrials: 5, concurrency: 2 }) },
      );
      expect(created.statusCode).toBe(200);
      expect(created.body.ExperimentId).toMatch(/^[A-Za-z0-9]{7}$/);
      expect(created.headers['x-acs-request-id']).toBe(created.body.RequestId);
      ids.push(created.body.ExperimentId);
    }
    const [first] = ids as [string];

    const got = await callApi<ExperimentWire>(client, 'GetHpoExperiment', 'GET', exp(first));
    expect(got.body).toMatchObject({ ExperimentId: first, Name: 'first', Status: 'CREATED', JobType: '1' });
    expect(typeof got.body.SearchSpace).toBe('string');
    expect(got.body.HpoExperimentConfiguration).toMatchObject({ yml_config: { max_trial_number: 5 } });

    const pages: string[][] = [];
    for (const pageNumber of [1, 2]) {
      const page = await callApi<ExperimentListWire>(
        client,
        'ListHpoExperiments',
        'GET',
        '/api/automl/v1/hpo/experiments',
        {
          query: { PageNumber: pageNumber, PageSize: 2, SortBy: 'create_time', Order: 'ASC' },
        },
      );
      expect(page.body.TotalCount).toBe(3);
      pages.push(page.body.Experiments.map((e) => e.ExperimentId));
    }
    expect(pages).toEqual([ids.slice(0, 2), ids.slice(2)]);

    fake.clock.advance(20 * MINUTE);
    const trialIds: string[] = [];
    for (const pageNumber of [1, 2, 3]) {
      const page = await callApi<TrialListWire>(client, 'ListHpoTrials', 'GET', exp(first, '/trials'), {
        query: { PageNumber: pageNumber, PageSize: 2 },
      });
      trialIds.push(...page.body.Trials.map((t) => t.TrialId));
      expect(page.body.TotalCount).toBe(fake.state.trialsOf(first).length);
    }
    expect(trialIds).toEqual(fake.state.trialsOf(first).map((t) => t.id));
    expect(trialIds.length).toBeGreaterThan(2);

    const running = fake.state.trialsOf(first).filter((t) => t.endedAt === undefined);
    expect(running.length).toBeGreaterThan(0);
    const finished = fake.state.trialsOf(first).find((t) => t.endedAt !== undefined);
    const stopTargets = [...running.map((t) => t.id), ...(finished ? [finished.id] : [])];
    const stopped = await callApi<{ Results: Record<string, string>; Message: string }>(
      client,
      'StopHpoTrials',
      'PUT',
      exp(first, '/stop_trials'),
      { body: { TrialIds: stopTargets } },
    );
    for (const trial of running) expect(stopped.body.Results[trial.id]).toBe('successfully stopped trial,');
    if (finished) expect(stopped.body.Results[finished.id]).toBe('failed to stop trial,');

    const stop = await callApi<{ ExpId: string; Status: string }>(
      client,
      'StopHpoExperiment',
      'PUT',
      exp(first, '/stop'),
    );
    expect(stop.body).toMatchObject({ ExpId: first, Status: 'USER_CANCELED' });
    const after = await callApi<ExperimentWire>(client, 'GetHpoExperiment', 'GET', exp(first));
    expect(after.body.Status).toBe('USER_CANCELED');
    expect(after.body.TrialStatus.RUNNING ?? 0).toBe(0);

    await callApi(client, 'DeleteHpoExperiment', 'PUT', exp(first, '/delete'));
    const gone = (await callApi(client, 'GetHpoExperiment', 'GET', exp(first)).catch(
      (e: unknown) => e,
    )) as SdkError;
    expect(gone.code).toBe('INVALID_USER_OR_EXP');
    expect(gone.statusCode).toBe(404);
  });

  it('rejects a wrong secret: the runtime surfaces SignatureDoesNotMatch with statusCode 400', async () => {
    const client = paiClient({ credentials: { ...FAKE_ALIYUN_CREDENTIALS, accessKeySecret: 'wrong' } });
    const error = (await callApi(client, 'ListHpoExperiments', 'GET', '/api/automl/v1/hpo/experiments').catch(
      (e: unknown) => e,
    )) as SdkError;
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.statusCode).toBe(400);
    expect(error.message).toMatch(
      /^SignatureDoesNotMatch: code: 400, Specified signature does not match our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64} request id: [0-9A-F-]{36}$/,
    );
    expect(error.data).toMatchObject({ HostId: 'paiautoml.cn-hangzhou.aliyuncs.com', statusCode: 400 });
    expect(fake.requests.at(-1)?.status).toBe(400);
  });

  it('rejects an unknown AccessKey with InvalidAccessKeyId.NotFound, statusCode 404', async () => {
    const client = paiClient({ credentials: { accessKeyId: 'NO-SUCH-KEY', accessKeySecret: 'x' } });
    const error = (await callApi(client, 'ListHpoExperiments', 'GET', '/api/automl/v1/hpo/experiments').catch(
      (e: unknown) => e,
    )) as SdkError;
    expect([error.code, error.statusCode]).toEqual(['InvalidAccessKeyId.NotFound', 404]);
  });

  it('verifies signatures over percent-encoded path parameters as the SDK encodes them', async () => {
    const error = (await callApi(paiClient(), 'GetHpoExperiment', 'GET', exp("ab c/d'(x)*")).catch(
      (e: unknown) => e,
    )) as SdkError;
    expect([error.code, error.statusCode]).toEqual(['INVALID_USER_OR_EXP', 404]);
    expect(error.data.Message).toBe("Experiment ab c/d'(x)* does not exist or is not accessible.");
  });

  it('turns a validation failure into INVALID_INPUT_PARAMS, statusCode 400', async () => {
    const body = experimentRequest();
    delete (body.HpoExperimentConfiguration as Record<string, unknown>).platform_config;
    const error = (await callApi(
      paiClient(),
      'CreateHpoExperiment',
      'POST',
      '/api/automl/v1/hpo/experiment',
      {
        body,
      },
    ).catch((e: unknown) => e)) as SdkError;
    expect([error.code, error.statusCode]).toEqual(['INVALID_INPUT_PARAMS', 400]);
    expect(error.message).toContain("Missing 'HpoExperimentConfiguration.platform_config' in request.");
  });

  it('accepts STS credentials sent the runtime way (x-acs-accesskey-id, x-acs-security-token)', async () => {
    const client = paiClient({ credentials: sts, endpoint: 'paiautoml.cn-beijing.aliyuncs.com' });
    const ok = await callApi(client, 'GetServiceIdentityRole', 'GET', '/api/automl/v1/serviceidentityrole');
    expect(ok.statusCode).toBe(200);
    expect(stsFake.requests.at(-1)?.headers['x-acs-security-token']).toBe('[redacted]');
    const forged = paiClient({
      credentials: { ...sts, securityToken: 'other-token' },
      endpoint: 'paiautoml.cn-beijing.aliyuncs.com',
    });
    const error = (await callApi(
      forged,
      'GetServiceIdentityRole',
      'GET',
      '/api/automl/v1/serviceidentityrole',
    ).catch((e: unknown) => e)) as SdkError;
    expect([error.code, error.statusCode]).toEqual(['InvalidSecurityToken.MismatchWithAccessKey', 400]);
  });
});
