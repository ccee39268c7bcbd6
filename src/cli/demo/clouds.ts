/**
 * The clouds the demo runs on. Adding one is adding one entry to CLOUDS: how to start its fake,
 * how to point its provider at that fake, and what it needs beyond the neutral spec to create.
 */
import type { RequestHandler } from 'msw';
import type { TuningProvider } from '../../index.js';
import { type ModelArtsExperimentOptions, modelarts } from '../../providers/modelarts/index.js';
import { type PaiExperimentOptions, pai } from '../../providers/pai/index.js';
import { type SageMakerExperimentOptions, sagemaker } from '../../providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  modelartsFake,
  paiFake,
  sagemakerFake,
  type VirtualClock,
} from '../../testing/index.js';

/** What the demo needs from any cloud's fake: msw handlers to serve, a clock to move, its request log. */
export interface RunningFake {
  readonly handlers: readonly RequestHandler[];
  readonly clock: VirtualClock;
  readonly requests: readonly unknown[];
}

// startFake and provider are methods, not function-typed properties: method parameters are
// checked bivariantly, which is what lets an entry typed for its own fake join the plain list.
export interface DemoCloud<Fake extends RunningFake = RunningFake, Options = unknown> {
  readonly name: string;
  /** The same seed gives the same trials, so the demo prints the same tables every run. */
  startFake(seed: number): Fake;
  /** The real adapter, over the real wire protocol, aimed at the fake with the fake's credentials. */
  provider(fake: Fake): TuningProvider<Options>;
  /** Everything the cloud needs that the neutral spec does not say (what to train, where). */
  readonly providerOptions: Options;
}

/**
 * Checks an entry against its own fake and option types; the list then holds every cloud as a
 * plain DemoCloud, so the runner stays cloud-neutral.
 */
function defineCloud<Fake extends RunningFake, Options>(
  cloud: DemoCloud<Fake, Options>,
): DemoCloud<Fake, Options> {
  return cloud;
}

export const CLOUDS: readonly DemoCloud[] = [
  defineCloud({
    name: 'sagemaker',
    startFake: (seed) => sagemakerFake({ seed }),
    provider: (fake) =>
      sagemaker({ region: fake.region, endpoint: fake.endpoint, credentials: FAKE_AWS_CREDENTIALS }),
    providerOptions: {
      trainingJobDefinition: {
        AlgorithmSpecification: {
          TrainingImage: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
          TrainingInputMode: 'File',
          MetricDefinitions: [{ Name: 'validation:auc', Regex: 'validation-auc:([0-9\\.]+)' }],
        },
        RoleArn: 'arn:aws:iam::123456789012:role/SageMakerExecutionRole',
        StaticHyperParameters: { objective: 'binary:logistic', num_round: '200' },
        OutputDataConfig: { S3OutputPath: 's3://crosstune-demo/output/' },
        ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 10 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      },
      // Early stopping has no neutral knob; with it on, the table shows trials as early_stopped.
      tuningJobConfig: { TrainingJobEarlyStoppingType: 'Auto' },
      tags: [{ Key: 'project', Value: 'crosstune-demo' }],
    } satisfies SageMakerExperimentOptions,
  }),
  defineCloud({
    name: 'pai',
    startFake: (seed) => paiFake({ seed }),
    provider: (fake) =>
      pai({
        region: fake.region,
        endpoint: fake.endpoint,
        // The fake's key pair, as the AccessKey pai() takes (the fake's own extras left out).
        credentials: {
          accessKeyId: FAKE_ALIYUN_CREDENTIALS.accessKeyId,
          accessKeySecret: FAKE_ALIYUN_CREDENTIALS.accessKeySecret,
        },
      }),
    providerOptions: {
      // Each trial is a DLC job. PAI hands a trial its hyperparameters only by substituting each
      // `${name}` into the commands, so the command names every parameter of the search space.
      platformConfig: {
        name: 'DLC',
        cmd: [
          // biome-ignore lint/suspicious/noTemplateCurlyInString: PAI's placeholders, substituted by PAI.
          'dlc submit pytorch --name=crosstune-demo-${trial_id} --command="python train.py --eta=${eta} --max_depth=${max_depth} --subsample=${subsample} --booster=${booster}"',
        ],
      },
      // stdout metrics: PAI scrapes the first command's output with each metric_dict key as a
      // regular expression (its group is the value), like SageMaker's MetricDefinitions above.
      metricConfig: {
        metric_type: 'stdout',
        metric_source: ['cmd1'],
        metric_dict: { 'validation-auc:([0-9\\.]+)': 1 },
      },
      tunerClassArgs: { seed: 7 },
    } satisfies PaiExperimentOptions,
  }),
  defineCloud({
    name: 'modelarts',
    startFake: (seed) => modelartsFake({ seed }),
    provider: (fake) =>
      modelarts({
        region: fake.region,
        endpoint: fake.endpoint,
        projectId: fake.projectId,
        credentials: FAKE_HUAWEI_CREDENTIALS,
      }),
    providerOptions: {
      // All trials run inside one training job; ModelArts reads the objective from its log.
      codeDir: '/crosstune-demo/code/',
      bootFile: '/crosstune-demo/code/train.py',
      engine: {
        engine_name: 'PyTorch',
        engine_version: 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64',
      },
      flavorId: 'modelarts.p3.large.public.free',
      rewardRegex: 'validation-auc:([0-9\\.]+)',
      outputs: [{ name: 'train_url', remote: { obs: { obs_url: '/crosstune-demo/output/' } } }],
    } satisfies ModelArtsExperimentOptions,
  }),
];
