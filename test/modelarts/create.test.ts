/** ExperimentSpec → CreateTrainingJobRequest: the mapping, the defaults, and what is refused before sending. */
import { describe, expect, it } from 'vitest';
import type { ExperimentSpec } from '../../src/core/types.js';
import { InvalidArgumentError } from '../../src/index.js';
import { buildCreateRequest, type ModelArtsExperimentOptions } from '../../src/providers/modelarts/create.js';
import { choice, float, int, SearchSpaceError, space } from '../../src/search-space/index.js';

const code: ModelArtsExperimentOptions = {
  codeDir: '/bucket/code/',
  bootFile: '/bucket/code/train.py',
  engine: { engine_name: 'PyTorch', engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64' },
  flavorId: 'modelarts.vm.gpu.v100',
};

/** `null`: no providerOptions at all. */
function spec(
  options: Partial<ModelArtsExperimentOptions> | null = code,
  over: Partial<ExperimentSpec<ModelArtsExperimentOptions>> = {},
): ExperimentSpec<ModelArtsExperimentOptions> {
  return {
    name: 'lr-search',
    objective: { metric: 'acc', direction: 'maximize' },
    searchSpace: space({ lr: float(0.001, 0.1), batch: choice([16, 32]) }),
    limits: { maxTrials: 12, maxParallelTrials: 3 },
    providerOptions: (options ?? undefined) as ModelArtsExperimentOptions | undefined,
    ...over,
  };
}

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('buildCreateRequest', () => {
  it('maps the spec onto a job with an auto_search policy', () => {
    const { request, losses } = buildCreateRequest(spec(), { workspaceId: 'ws-default' });
    expect(losses).toEqual([]);
    expect(request).toEqual({
      kind: 'job',
      metadata: { name: 'lr-search', workspace_id: 'ws-default' },
      algorithm: {
        code_dir: '/bucket/code/',
        boot_file: '/bucket/code/train.py',
        engine: {
          engine_name: 'PyTorch',
          engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64',
        },
        policies: {
          auto_search: {
            reward_attrs: [{ name: 'acc', mode: 'max' }],
            search_params: [
              { name: 'lr', param_type: 'continuous', lower_bound: '0.001', upper_bound: '0.1' },
              { name: 'batch', param_type: 'discrete', discrete_values: ['16', '32'] },
            ],
            algo_configs: [
              {
                name: 'bayes_opt_search',
                params: [
                  { key: 'num_samples', value: '12', type: 'Integer' },
                  { key: 'max_concurrent', value: '3', type: 'Integer' },
                ],
              },
            ],
          },
        },
      },
      spec: { resource: { flavor_id: 'modelarts.vm.gpu.v100', node_count: 1 } },
    });
    // Nothing undefined is left for JSON to drop silently.
    expect(JSON.parse(JSON.stringify(request))).toEqual(request);
  });

  it('passes the options through: minimize, regex, algorithm and its settings, parameters, data, workspace', () => {
    const { request } = buildCreateRequest(
      spec(
        {
          ...code,
          nodeCount: 2,
          poolId: 'pool-1',
          rewardRegex: 'loss=([0-9.]+)',
          algorithmParams: [
            { key: 'gamma', value: 0.25, type: 'Float' },
            { key: 'seed', value: '7' },
          ],
          parameters: { epochs: 10, amp: true },
          inputs: [{ name: 'data_url', remote: { obs: { obs_url: '/bucket/data/' } } }],
          outputs: [{ name: 'train_url', remote: { obs: { obs_url: '/bucket/out/' } } }],
          workspaceId: 'ws-1',
          description: 'tuning lr',
        },
        { objective: { metric: 'loss', direction: 'minimize' }, algorithm: 'tpe_search' },
      ),
      { workspaceId: 'ws-default' },
    );
    expect(request.metadata).toEqual({ name: 'lr-search', workspace_id: 'ws-1', description: 'tuning lr' });
    const autoSearch = request.algorithm?.policies?.auto_search;
    expect(autoSearch?.reward_attrs).toEqual([{ name: 'loss', mode: 'min', regex: 'loss=([0-9.]+)' }]);
    expect(autoSearch?.algo_configs).toEqual([
      {
        name: 'tpe_search',
        params: [
          { key: 'num_samples', value: '12', type: 'Integer' },
          { key: 'max_concurrent', value: '3', type: 'Integer' },
          { key: 'gamma', value: '0.25', type: 'Float' },
          { key: 'seed', value: '7' },
        ],
      },
    ]);
    expect(request.algorithm?.parameters).toEqual([
      { name: 'epochs', value: '10' },
      { name: 'amp', value: 'true' },
    ]);
    expect(request.algorithm?.inputs?.[0]?.name).toBe('data_url');
    expect(request.algorithm?.outputs?.[0]?.name).toBe('train_url');
    expect(request.spec?.resource).toEqual({
      flavor_id: 'modelarts.vm.gpu.v100',
      node_count: 2,
      pool_id: 'pool-1',
    });
  });

  it('takes a saved algorithm, or an image and its command', () => {
    const saved = buildCreateRequest(spec({ algorithmId: 'algo-1', flavorId: 'f' })).request;
    expect(saved.algorithm?.id).toBe('algo-1');
    const image = buildCreateRequest(
      spec({ imageUrl: 'swr.example.com/org/img:1', command: 'python train.py', flavorId: 'f' }),
    ).request.algorithm;
    expect(image).toMatchObject({
      engine: { image_url: 'swr.example.com/org/img:1' },
      command: 'python train.py',
    });
  });

  it('merges job last: objects member by member, lists replaced', () => {
    const { request } = buildCreateRequest(
      spec({
        ...code,
        job: {
          metadata: { annotations: { 'fault-tolerance/job-retry-num': '3' } },
          algorithm: { environments: { NCCL_DEBUG: 'INFO' }, engine: { engine_version: 'other' } },
          spec: { resource: { node_count: 4 }, log_export_path: { obs_url: '/bucket/logs/' } },
        },
      }),
    );
    expect(request.metadata).toEqual({
      name: 'lr-search',
      annotations: { 'fault-tolerance/job-retry-num': '3' },
    });
    expect(request.algorithm?.engine).toEqual({ engine_name: 'PyTorch', engine_version: 'other' });
    expect(request.algorithm?.environments).toEqual({ NCCL_DEBUG: 'INFO' });
    expect(request.algorithm?.policies?.auto_search?.reward_attrs).toHaveLength(1);
    expect(request.spec).toEqual({
      resource: { flavor_id: 'modelarts.vm.gpu.v100', node_count: 4 },
      log_export_path: { obs_url: '/bucket/logs/' },
    });
  });

  it('lets job give what each trial runs (a subscribed algorithm)', () => {
    const { request } = buildCreateRequest(
      spec({ flavorId: 'f', job: { algorithm: { subscription_id: 's', item_version_id: 'v' } } }),
    );
    expect(request.algorithm).toMatchObject({ subscription_id: 's', item_version_id: 'v' });
  });

  it('turns a whole-hours run-time limit into auto_stop and refuses any other', () => {
    const limited = buildCreateRequest(
      spec(code, { limits: { maxTrials: 4, maxParallelTrials: 1, maxRuntimeSeconds: 7200 } }),
    );
    expect(limited.request.spec?.auto_stop).toEqual({ time_unit: 'HOURS', duration: 2 });
    const error = refusal(() =>
      buildCreateRequest(
        spec(code, { limits: { maxTrials: 4, maxParallelTrials: 1, maxRuntimeSeconds: 5400 } }),
      ),
    );
    expect(InvalidArgumentError.is(error)).toBe(true);
    expect(error.message).toMatch(/maxRuntimeSeconds/);
  });

  it('returns the compile losses, and refuses them when strict with the search-space error', () => {
    const lossy = spec(code, {
      searchSpace: space({ layers: int(1, 8), lr: float(1e-4, 0.1, { log: true }) }),
    });
    expect(buildCreateRequest(lossy).losses.map((l) => [l.param, l.kind])).toEqual([
      ['layers', 'integer-as-float'],
      ['lr', 'scale-changed'],
    ]);
    const error = refusal(() => buildCreateRequest({ ...lossy, strictSearchSpace: true }));
    expect(SearchSpaceError.is(error)).toBe(true);
    expect((error as SearchSpaceError).losses).toHaveLength(2);
  });

  it('uses ModelArts search_params as given', () => {
    const searchParams = [
      { name: 'lr', param_type: 'continuous' as const, lower_bound: '0', upper_bound: '1' },
    ];
    const { request, losses } = buildCreateRequest(
      spec({ ...code, searchParams }, { searchSpace: undefined }),
    );
    expect(request.algorithm?.policies?.auto_search?.search_params).toEqual(searchParams);
    expect(losses).toEqual([]);
  });

  it.each<
    [
      string,
      Partial<ModelArtsExperimentOptions> | null,
      Partial<ExperimentSpec<ModelArtsExperimentOptions>>,
      RegExp,
    ]
  >([
    ['no options at all', null, {}, /algorithmId/],
    ['no source', { flavorId: 'f' }, {}, /algorithmId, or codeDir \+ bootFile/],
    ['no flavor', { ...code, flavorId: undefined as unknown as string }, {}, /providerOptions\.flavorId/],
    ['codeDir alone', { ...code, bootFile: undefined }, {}, /codeDir and providerOptions\.bootFile/],
    ['code without engine', { ...code, engine: undefined }, {}, /engine/],
    ['algorithmId with code', { ...code, algorithmId: 'a' }, {}, /algorithmId names a saved algorithm/],
    ['engine and image', { ...code, imageUrl: 'img' }, {}, /not both/],
    ['image without command', { imageUrl: 'img', flavorId: 'f' }, {}, /command/],
    ['command without image', { ...code, command: 'run' }, {}, /imageUrl/],
    [
      'num_samples in algorithmParams',
      { ...code, algorithmParams: [{ key: 'num_samples', value: 5 }] },
      {},
      /limits\.maxTrials/,
    ],
    ['a fixed parameter also tuned', { ...code, parameters: { lr: 0.1 } }, {}, /fixed or tuned/],
    ['a bad node count', { ...code, nodeCount: 0 }, {}, /nodeCount/],
    ['no search space', code, { searchSpace: undefined }, /searchSpace/],
    ['an empty name', code, { name: '' }, /1 to 64/],
    ['a name with a space', code, { name: 'my search' }, /1 to 64/],
    ['a 65-character name', code, { name: 'a'.repeat(65) }, /1 to 64/],
    ['fractional trials', code, { limits: { maxTrials: 2.5, maxParallelTrials: 1 } }, /limits\.maxTrials/],
  ])('refuses %s with an InvalidArgumentError naming it', (_case, options, over, message) => {
    const error = refusal(() => buildCreateRequest(spec(options, over)));
    expect(InvalidArgumentError.is(error)).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('accepts a 64-character name of every allowed character', () => {
    const name = `Ab9_-${'x'.repeat(59)}`;
    expect(buildCreateRequest(spec(code, { name })).request.metadata.name).toBe(name);
  });
});
