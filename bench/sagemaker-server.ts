/**
 * A loopback SageMaker endpoint for benchmarks: a tuning job with `total` training jobs served in
 * pages of 100 by a real node:http server. Bodies are rendered once up front so the server costs
 * the same for every client measured against it.
 */
import { createServer } from 'node:http';
import { listen } from './listen.js';

export const BENCH_JOB = 'bench-tuning-job';
export const BENCH_CREDENTIALS = {
  accessKeyId: 'AKIDBENCHMARK000001',
  secretAccessKey: 'bench-secret-key-0000000000000000000000',
};

function summary(i: number) {
  const name = `${BENCH_JOB}-${String(i).padStart(5, '0')}-a1b2c3d4`;
  return {
    TrainingJobName: name,
    TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${name}`,
    TuningJobName: BENCH_JOB,
    CreationTime: 1767225600 + i,
    TrainingStartTime: 1767225660 + i,
    TrainingEndTime: 1767229200 + i,
    TrainingJobStatus: i % 17 === 0 ? 'Failed' : 'Completed',
    TunedHyperParameters: {
      eta: String(0.01 + (i % 50) / 100),
      max_depth: String(3 + (i % 8)),
      booster: i % 2 ? 'gbtree' : 'dart',
    },
    ...(i % 17 === 0
      ? { FailureReason: 'AlgorithmError: out of memory', ObjectiveStatus: 'Failed' }
      : {
          FinalHyperParameterTuningJobObjectiveMetric: {
            MetricName: 'validation:auc',
            Value: 0.5 + (i % 500) / 1000,
          },
          ObjectiveStatus: 'Succeeded',
        }),
  };
}

const describeBody = JSON.stringify({
  HyperParameterTuningJobName: BENCH_JOB,
  HyperParameterTuningJobArn: `arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/${BENCH_JOB}`,
  HyperParameterTuningJobStatus: 'Completed',
  CreationTime: 1767225600,
  HyperParameterTuningJobConfig: {
    Strategy: 'Bayesian',
    HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
    ResourceLimits: { MaxNumberOfTrainingJobs: 10000, MaxParallelTrainingJobs: 10 },
    ParameterRanges: {
      IntegerParameterRanges: [{ Name: 'max_depth', MinValue: '3', MaxValue: '10', ScalingType: 'Auto' }],
      ContinuousParameterRanges: [
        { Name: 'eta', MinValue: '0.01', MaxValue: '0.5', ScalingType: 'Logarithmic' },
      ],
      CategoricalParameterRanges: [{ Name: 'booster', Values: ['gbtree', 'dart'] }],
    },
  },
  TrainingJobStatusCounters: { Completed: 9411, NonRetryableError: 589 },
  ObjectiveStatusCounters: { Succeeded: 9411, Failed: 589 },
});

function page(total: number, start: number, pageSize: number): string {
  const items = [];
  for (let i = start; i < Math.min(total, start + pageSize); i++) items.push(summary(i));
  const next = start + pageSize < total ? `page-${start + pageSize}` : undefined;
  return JSON.stringify({ TrainingJobSummaries: items, ...(next ? { NextToken: next } : {}) });
}

/** Up to 100,000 jobs the pages are rendered once up front; past that (a streaming bench), on demand. */
export async function startSageMakerBenchServer(total = 10_000, pageSize = 100) {
  const pages: string[] = [];
  if (total <= 100_000)
    for (let start = 0; start < total; start += pageSize) pages.push(page(total, start, pageSize));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      let body: string;
      if (target.endsWith('.DescribeHyperParameterTuningJob')) {
        body = describeBody;
      } else {
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { NextToken?: string };
        const start = input.NextToken ? Number(input.NextToken.slice(5)) : 0;
        body = pages[start / pageSize] ?? page(total, start, pageSize);
      }
      res.writeHead(200, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'bench-request',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  return listen(server, '/');
}
