import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  firstSentence,
  formatWithBiome,
  generateSageMakerShapes,
  MODEL_PATH,
  SHAPES_PATH,
  WIRE_PATH,
} from '../../scripts/gen-sagemaker-shapes.js';
import { OPERATIONS } from '../../src/providers/sagemaker/shapes.js';
import {
  CreateHyperParameterTuningJobResponseSchema,
  DescribeHyperParameterTuningJobResponseSchema,
  DescribeTrainingJobResponseSchema,
  EmptyResponseSchema,
  ListHyperParameterTuningJobsResponseSchema,
  ListTrainingJobsForHyperParameterTuningJobResponseSchema,
} from '../../src/providers/sagemaker/wire.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const model: unknown = JSON.parse(read(MODEL_PATH));

// The example from the ListTrainingJobsForHyperParameterTuningJob API reference. The page gives
// only its "Response Syntax" template, whose `number` placeholders are not JSON: those four were
// replaced by numbers; everything else is as written there.
const listExample: unknown = JSON.parse(
  read('test/fixtures/sagemaker/list-training-jobs-for-tuning-job.json'),
);

/** A training-job summary with only the members the model requires. */
function summary(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    TrainingJobName: 'xgb-tune-0001-001-0c7f5a2e',
    TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-tune-0001-001-0c7f5a2e',
    CreationTime: 1735689600.123,
    TrainingJobStatus: 'Completed',
    TunedHyperParameters: { eta: '0.1', max_depth: '6' },
    ...overrides,
  };
}

function tuningJob(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    HyperParameterTuningJobName: 'xgb-tune-0001',
    HyperParameterTuningJobArn:
      'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/xgb-tune-0001',
    HyperParameterTuningJobConfig: { Strategy: 'Bayesian', ResourceLimits: { MaxParallelTrainingJobs: 2 } },
    HyperParameterTuningJobStatus: 'InProgress',
    CreationTime: 1735689600,
    TrainingJobStatusCounters: { Completed: 1, InProgress: 1 },
    ObjectiveStatusCounters: { Succeeded: 1 },
    ...overrides,
  };
}

describe('generated SageMaker shapes', () => {
  it('are what the committed service model produces (run the generator after changing it)', () => {
    const generated = generateSageMakerShapes(model);
    expect(formatWithBiome(generated.shapes, SHAPES_PATH)).toBe(read(SHAPES_PATH));
    expect(formatWithBiome(generated.wire, WIRE_PATH)).toBe(read(WIRE_PATH));
  });

  it('list every operation of the model with its input and output shape', () => {
    expect(Object.keys(OPERATIONS)).toHaveLength(7);
    expect(OPERATIONS.StopHyperParameterTuningJob).toEqual({
      input: 'StopHyperParameterTuningJobRequest',
      output: null,
    });
    expect(OPERATIONS.DescribeTrainingJob.output).toBe('DescribeTrainingJobResponse');
  });

  it('keep the first sentence of a doc, as text', () => {
    expect(firstSentence('<p>The name, e.g. <code>my-job</code>. More text.</p>')).toBe(
      'The name, e.g. `my-job`.',
    );
    expect(firstSentence('<p>One of:</p> <ul> <li> <p>A. First.</p> </li> </ul>')).toBe('One of:');
    expect(firstSentence('<p>Uses &lt;tag&gt; in <a href="https://x">a link</a></p>')).toBe(
      'Uses <tag> in a link',
    );
  });
});

describe('SageMaker wire schemas', () => {
  it('accept the documented ListTrainingJobsForHyperParameterTuningJob example', () => {
    const result = ListTrainingJobsForHyperParameterTuningJobResponseSchema().safeParse(listExample);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.TrainingJobSummaries[0]?.FinalHyperParameterTuningJobObjectiveMetric?.Value).toBe(
      0.9312,
    );
  });

  it('accept the other responses with only their required members', () => {
    expect(
      CreateHyperParameterTuningJobResponseSchema().safeParse({
        HyperParameterTuningJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/x',
      }).success,
    ).toBe(true);
    expect(DescribeHyperParameterTuningJobResponseSchema().safeParse(tuningJob()).success).toBe(true);
    const { HyperParameterTuningJobConfig: _, ...listed } = tuningJob({ Strategy: 'Bayesian' });
    const list = ListHyperParameterTuningJobsResponseSchema().safeParse({
      HyperParameterTuningJobSummaries: [listed],
    });
    expect(list.error?.issues).toBeUndefined();
    const trainingJob = {
      TrainingJobName: 'xgb-tune-0001-001-0c7f5a2e',
      TrainingJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-tune-0001-001-0c7f5a2e',
      ModelArtifacts: { S3ModelArtifacts: 's3://bucket/output/model.tar.gz' },
      TrainingJobStatus: 'Completed',
      SecondaryStatus: 'Completed',
      StoppingCondition: {},
      CreationTime: 1735689600,
    };
    const described = DescribeTrainingJobResponseSchema().safeParse(trainingJob);
    expect(described.error?.issues).toBeUndefined();
  });

  it('accept unknown members and keep them', () => {
    const body = {
      TrainingJobSummaries: [summary({ BrandNewMember: { nested: [1, 2] } })],
      AlsoNew: true,
    };
    const parsed = ListTrainingJobsForHyperParameterTuningJobResponseSchema().parse(body);
    expect(parsed).toEqual(body);
    const described = DescribeHyperParameterTuningJobResponseSchema().parse(
      tuningJob({
        TuningJobCompletionDetails: { NumberOfTrainingJobsObjectiveNotImproving: 3, Future: 'x' },
      }),
    );
    expect(described.TuningJobCompletionDetails).toEqual({
      NumberOfTrainingJobsObjectiveNotImproving: 3,
      Future: 'x',
    });
  });

  it('accept enum values the model does not know yet', () => {
    const body = {
      TrainingJobSummaries: [
        summary({
          TrainingJobStatus: 'Paused',
          ObjectiveStatus: 'Skipped',
          FinalHyperParameterTuningJobObjectiveMetric: { Type: 'Target', MetricName: 'auc', Value: 0.9 },
        }),
      ],
    };
    expect(ListTrainingJobsForHyperParameterTuningJobResponseSchema().safeParse(body).success).toBe(true);
    expect(
      DescribeHyperParameterTuningJobResponseSchema().safeParse(
        tuningJob({ HyperParameterTuningJobStatus: 'Archived' }),
      ).success,
    ).toBe(true);
  });

  it('reject a summary without a required member, naming it in the issue path', () => {
    const { TrainingJobName: _, ...incomplete } = summary();
    const result = ListTrainingJobsForHyperParameterTuningJobResponseSchema().safeParse({
      TrainingJobSummaries: [summary(), incomplete],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([
      ['TrainingJobSummaries', 1, 'TrainingJobName'],
    ]);
    const missingCounters = DescribeHyperParameterTuningJobResponseSchema().safeParse(
      tuningJob({ ObjectiveStatusCounters: undefined }),
    );
    expect(missingCounters.error?.issues[0]?.path).toEqual(['ObjectiveStatusCounters']);
  });

  it('accept non-finite floats spelled as strings, and nothing else as a float', () => {
    for (const value of ['NaN', 'Infinity', '-Infinity', 0.5, -3]) {
      const metric = { MetricName: 'validation:auc', Value: value };
      const body = {
        TrainingJobSummaries: [summary({ FinalHyperParameterTuningJobObjectiveMetric: metric })],
      };
      expect(ListTrainingJobsForHyperParameterTuningJobResponseSchema().safeParse(body).success).toBe(true);
    }
    const bad = {
      TrainingJobSummaries: [
        summary({ FinalHyperParameterTuningJobObjectiveMetric: { MetricName: 'a', Value: 'high' } }),
      ],
    };
    expect(
      ListTrainingJobsForHyperParameterTuningJobResponseSchema().safeParse(bad).error?.issues[0]?.path,
    ).toEqual(['TrainingJobSummaries', 0, 'FinalHyperParameterTuningJobObjectiveMetric', 'Value']);
  });

  it('accept timestamps as epoch seconds or ISO-8601 strings', () => {
    for (const CreationTime of [
      1735689600,
      1.7356896001e9,
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00.5+00:00',
    ]) {
      const body = { TrainingJobSummaries: [summary({ CreationTime })] };
      expect(ListTrainingJobsForHyperParameterTuningJobResponseSchema().safeParse(body).success).toBe(true);
    }
    const body = { TrainingJobSummaries: [summary({ CreationTime: 'yesterday' })] };
    expect(ListTrainingJobsForHyperParameterTuningJobResponseSchema().safeParse(body).success).toBe(false);
  });

  it('take an empty answer as the response of Stop and Delete', () => {
    for (const body of [{}, undefined, null, { Unexpected: 1 }]) {
      expect(EmptyResponseSchema.safeParse(body).success).toBe(true);
    }
  });
});

describe('the generator on a recursive model', () => {
  // SageMaker's HPO shapes are not recursive today; a model update that makes them so must still
  // produce schemas that load (no use before definition) and check nested levels.
  const recursive = {
    metadata: { apiVersion: '2000-01-01', serviceId: 'Test' },
    operations: { Get: { name: 'Get', input: { shape: 'GetRequest' }, output: { shape: 'Node' } } },
    shapes: {
      GetRequest: { type: 'structure', members: {} },
      Name: { type: 'string' },
      Node: {
        type: 'structure',
        required: ['Name'],
        members: { Name: { shape: 'Name' }, Children: { shape: 'Nodes' }, Parent: { shape: 'Node' } },
      },
      Nodes: { type: 'list', member: { shape: 'Node' } },
    },
  };
  const dir = mkdtempSync(join(tmpdir(), 'crosstune-codegen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a model whose shapes refer back to each other (lazily built schemas would recurse)', () => {
    expect(() => generateSageMakerShapes(recursive)).toThrow(
      /Node refers back to Node: cycles are not supported/,
    );
  });
});
