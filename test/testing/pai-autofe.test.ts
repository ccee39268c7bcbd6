import { describe, expect, it } from 'vitest';
import { callPai } from './helpers/pai-call.js';
import { usePaiFake } from './helpers/pai-msw.js';

const fake = usePaiFake({ seed: 4 });
const MINUTE = 60_000;

const autofeBody = () => ({
  Name: 'census-features',
  AutofeExperimentConfiguration: {
    oss_config: {
      oss_bucket: 'my-bucket',
      oss_endpoint: 'oss-cn-hangzhou.aliyuncs.com',
      oss_access_key: 'not-a-real-key',
    },
    odps_config: {
      odps_region_id: 'cn-hangzhou',
      odps_project_name: 'my_project',
      odps_endpoint: 'http://service.odps.aliyun.com/api',
    },
    yml_config: {
      workspace_name: 'ws',
      output_config_oss_dir: 'oss://my-bucket/autofe/',
      label: 'income',
      data_source: 'my_project.census',
      exclude_columns: 'native_country',
    },
  },
});

interface AutofeWire {
  ExperimentId: string;
  Name: string;
  Creator: string;
  Status: string;
  JobMeta: string;
  SelectedFeatures: string;
  GmtCreateTime: string;
  GmtModifiedTime: string;
}

describe('AutoFE experiments', () => {
  it('creates one and runs it to FINISHED, then reports the selected features', async () => {
    const created = await callPai<{ ExperimentId: string }>('POST', '/api/automl/v1/autofe/experiment', {
      body: autofeBody(),
    });
    expect(created.status).toBe(200);
    const id = created.json.ExperimentId;
    expect(id).toMatch(/^[A-Za-z0-9]{7}$/);
    const get = async () => (await callPai<AutofeWire>('GET', `/api/automl/v1/autofe/experiment/${id}`)).json;
    expect(await get()).toMatchObject({ Name: 'census-features', Status: 'CREATED', SelectedFeatures: '' });
    fake.clock.advance(2 * MINUTE);
    expect((await get()).Status).toBe('RUNNING');
    fake.clock.advance(2 * 60 * MINUTE);
    const done = await get();
    expect(done.Status).toBe('FINISHED');
    const features = done.SelectedFeatures.split(',');
    expect(features.length).toBeGreaterThan(0);
    expect(features).not.toContain('income');
    expect(features).not.toContain('native_country');
    expect(JSON.parse(done.JobMeta)).toMatchObject({ output_dir: `oss://my-bucket/autofe/${id}/` });
    expect(done.GmtCreateTime).toBe('2026-01-01 00:00:00');
  });

  it('refuses a configuration without its required members, and an unknown id', async () => {
    const body = autofeBody();
    delete (
      body.AutofeExperimentConfiguration.yml_config as Partial<
        typeof body.AutofeExperimentConfiguration.yml_config
      >
    ).label;
    const refused = await callPai('POST', '/api/automl/v1/autofe/experiment', { body });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      Code: 'INVALID_INPUT_PARAMS',
      Message: "Missing 'AutofeExperimentConfiguration.yml_config.label' in request.",
    });
    const unknown = await callPai('GET', '/api/automl/v1/autofe/experiment/nOsUch1');
    expect([unknown.status, unknown.json.Code]).toEqual([404, 'INVALID_USER_OR_EXP']);
  });
});

describe('the service-linked role', () => {
  it('is absent on a fresh account, created on request, and a second create answers ExecutionFailure inside HTTP 200', async () => {
    const role = '/api/automl/v1/serviceidentityrole';
    expect((await callPai('GET', role)).json).toMatchObject({ RoleName: '', Code: 'SUCCESS' });
    const created = await callPai('POST', role);
    expect([created.status, created.json.RoleName, created.json.Code]).toEqual([
      200,
      'AliyunServiceRoleForPaiAutoml',
      'SUCCESS',
    ]);
    expect((await callPai('GET', role)).json.RoleName).toBe('AliyunServiceRoleForPaiAutoml');
    const again = await callPai('POST', role);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({
      RequestId: expect.any(String),
      Code: 'ExecutionFailure',
      Message: 'Execution failure, please try again.',
    });
  });
});
