/** Listing 10,000 training jobs: crosstune's normalized `for await` vs the AWS SDK paginator vs raw fetch. */
import {
  paginateListTrainingJobsForHyperParameterTuningJob,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { sagemaker } from 'crosstune/sagemaker';
import { compare, report } from './measure.js';
import { BENCH_CREDENTIALS, BENCH_JOB } from './sagemaker-server.js';
import { startServerProcess } from './server-process.js';

const TOTAL = 10_000;

export async function benchSageMakerListing(rounds: number): Promise<boolean> {
  const server = await startServerProcess(TOTAL);
  try {
    const cloud = sagemaker({ region: 'us-east-1', endpoint: server.url, credentials: BENCH_CREDENTIALS });
    const client = new SageMakerClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: BENCH_CREDENTIALS,
    });
    const expect = (n: number) => {
      if (n !== TOTAL) throw new Error(`listed ${n} items, expected ${TOTAL}`);
    };
    const results = await compare(
      [
        {
          name: 'crosstune trials.list',
          run: async () => {
            let n = 0;
            for await (const trial of cloud.trials.list(BENCH_JOB, { pageSize: 100 })) if (trial.id) n++;
            expect(n);
          },
        },
        {
          name: 'aws-sdk paginator',
          run: async () => {
            let n = 0;
            const pages = paginateListTrainingJobsForHyperParameterTuningJob(
              { client, pageSize: 100 },
              { HyperParameterTuningJobName: BENCH_JOB },
            );
            for await (const page of pages)
              for (const s of page.TrainingJobSummaries ?? []) if (s.TrainingJobName) n++;
            expect(n);
          },
        },
        {
          name: 'raw fetch + JSON.parse',
          run: async () => {
            let n = 0;
            let token: string | undefined;
            do {
              const res = await fetch(server.url, {
                method: 'POST',
                headers: {
                  'content-type': 'application/x-amz-json-1.1',
                  'x-amz-target': 'SageMaker.ListTrainingJobsForHyperParameterTuningJob',
                },
                body: JSON.stringify({
                  HyperParameterTuningJobName: BENCH_JOB,
                  MaxResults: 100,
                  NextToken: token,
                }),
              });
              const page = JSON.parse(await res.text()) as {
                TrainingJobSummaries: { TrainingJobName: string }[];
                NextToken?: string;
              };
              for (const s of page.TrainingJobSummaries) if (s.TrainingJobName) n++;
              token = page.NextToken;
            } while (token);
            expect(n);
          },
        },
      ],
      { rounds, warmup: 2 },
    );
    client.destroy();
    return report(`SageMaker: list ${TOTAL} training jobs in pages of 100 (loopback node:http)`, results, {
      'aws-sdk paginator': 0.7,
      'raw fetch + JSON.parse': 1.25,
    });
  } finally {
    await server.close();
  }
}
