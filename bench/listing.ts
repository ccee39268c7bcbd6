/**
 * Sequential listing of 10,000 trials in pages of 100 on each cloud, crosstune's normalized
 * `for await` against raw fetch + JSON.parse of the same pages (and, on SageMaker, against the
 * AWS SDK paginator), each cloud's server in its own process, measured side by side.
 */
import {
  paginateListTrainingJobsForHyperParameterTuningJob,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { modelarts } from 'crosstune/modelarts';
import { pai } from 'crosstune/pai';
import { sagemaker } from 'crosstune/sagemaker';
import { type Contender, compare, report } from './measure.js';
import {
  MODELARTS_BENCH_CREDENTIALS,
  MODELARTS_BENCH_JOB,
  MODELARTS_BENCH_PROJECT,
} from './modelarts-server.js';
import { PAI_BENCH_CREDENTIALS, PAI_BENCH_EXPERIMENT } from './pai-server.js';
import { BENCH_CREDENTIALS, BENCH_JOB } from './sagemaker-server.js';
import { type BenchCloud, startServerProcess } from './server-process.js';

const TOTAL = 10_000;
const PAGE = 100;
const SUBJECT = 'crosstune trials.list';
const RAW = { subject: SUBJECT, reference: 'raw fetch + JSON.parse', max: 1.25 };
/**
 * The same pages through `.api`: signed, sent by crosstune's transport and checked against the
 * wire schema, but neither normalized nor walked. No listing that signs and checks its answers
 * can cost less; printed without a target, to show how much of a ratio is left to normalizing.
 */
const FLOOR = 'floor: .api pages, not normalized';

function expect(n: number): void {
  if (n !== TOTAL) throw new Error(`listed ${n} items, expected ${TOTAL}`);
}

async function count(items: AsyncIterable<{ id: string }>): Promise<void> {
  let n = 0;
  for await (const item of items) if (item.id) n++;
  expect(n);
}

/** Pages 0 to TOTAL/PAGE − 1, each read by `fetchPage`, which returns how many items it holds. */
async function pages(fetchPage: (page: number) => Promise<number>): Promise<void> {
  let n = 0;
  for (let page = 0; page < TOTAL / PAGE; page++) n += await fetchPage(page);
  expect(n);
}

/** Raw fetch + JSON.parse of the pages at `urlOf(i)`. */
const rawPages = (urlOf: (page: number) => string, itemsOf: (body: unknown) => unknown[]) =>
  pages(async (page) => itemsOf(JSON.parse(await (await fetch(urlOf(page))).text())).length);

async function withServer(cloud: BenchCloud, run: (url: string) => Promise<boolean>): Promise<boolean> {
  const server = await startServerProcess(cloud, TOTAL);
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

const title = (cloud: string) => `${cloud}: list ${TOTAL} trials in pages of ${PAGE}, one page at a time`;

export function benchSageMakerListing(rounds: number): Promise<boolean> {
  return withServer('sagemaker', async (url) => {
    const cloud = sagemaker({ region: 'us-east-1', endpoint: url, credentials: BENCH_CREDENTIALS });
    const client = new SageMakerClient({
      region: 'us-east-1',
      endpoint: url,
      credentials: BENCH_CREDENTIALS,
    });
    const results = await compare(
      [
        { name: SUBJECT, run: () => count(cloud.trials.list(BENCH_JOB, { pageSize: PAGE })) },
        {
          name: 'aws-sdk paginator',
          run: async () => {
            let n = 0;
            const pages = paginateListTrainingJobsForHyperParameterTuningJob(
              { client, pageSize: PAGE },
              { HyperParameterTuningJobName: BENCH_JOB },
            );
            for await (const page of pages)
              for (const s of page.TrainingJobSummaries ?? []) if (s.TrainingJobName) n++;
            expect(n);
          },
        },
        {
          name: FLOOR,
          run: async () => {
            let n = 0;
            let token: string | undefined;
            do {
              const page = await cloud.api.listTrainingJobsForHyperParameterTuningJob({
                HyperParameterTuningJobName: BENCH_JOB,
                MaxResults: PAGE,
                NextToken: token,
              });
              n += page.TrainingJobSummaries.length;
              token = page.NextToken;
            } while (token);
            expect(n);
          },
        },
        {
          name: 'raw fetch + JSON.parse',
          run: async () => {
            let n = 0;
            let token: string | undefined;
            do {
              const res = await fetch(url, {
                method: 'POST',
                headers: {
                  'content-type': 'application/x-amz-json-1.1',
                  'x-amz-target': 'SageMaker.ListTrainingJobsForHyperParameterTuningJob',
                },
                body: JSON.stringify({
                  HyperParameterTuningJobName: BENCH_JOB,
                  MaxResults: PAGE,
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
    return report(title('SageMaker'), results, [
      { subject: SUBJECT, reference: 'aws-sdk paginator', max: 0.5 },
      RAW,
      { subject: FLOOR, reference: 'aws-sdk paginator' },
    ]);
  });
}

/** What a cloud's listing bench measures: crosstune's listing, and the floors printed beside it. */
interface Subjects {
  list(): AsyncIterable<{ id: string }>;
  floors: Contender[];
}

/** crosstune's listing against raw fetch + JSON.parse of the same pages, on a cloud's server. */
function againstRaw(
  cloud: BenchCloud,
  rounds: number,
  subjects: (url: string) => Subjects,
  pageUrl: (url: string, page: number) => string,
  itemsOf: (body: unknown) => unknown[],
): Promise<boolean> {
  return withServer(cloud, async (url) => {
    const { list, floors } = subjects(url);
    const results = await compare(
      [
        { name: SUBJECT, run: () => count(list()) },
        { name: 'raw fetch + JSON.parse', run: () => rawPages((page) => pageUrl(url, page), itemsOf) },
        ...floors,
      ],
      { rounds, warmup: 2 },
    );
    return report(title(cloud === 'pai' ? 'PAI' : 'ModelArts'), results, [
      RAW,
      ...floors.map((floor) => ({ subject: floor.name, reference: 'raw fetch + JSON.parse' })),
    ]);
  });
}

export function benchPaiListing(rounds: number): Promise<boolean> {
  return againstRaw(
    'pai',
    rounds,
    (url) => {
      const cloud = pai({
        region: 'cn-hangzhou',
        endpoint: url,
        credentials: PAI_BENCH_CREDENTIALS,
        pageConcurrency: 1,
      });
      const page = (index: number) =>
        cloud.api.listHpoTrials({
          ExperimentId: PAI_BENCH_EXPERIMENT,
          PageNumber: index + 1,
          PageSize: PAGE,
        });
      return {
        list: () => cloud.trials.list(PAI_BENCH_EXPERIMENT, { pageSize: PAGE }),
        floors: [
          { name: FLOOR, run: () => pages(async (index) => (await page(index)).Trials?.length ?? 0) },
          {
            // PAI packs hyperparameters and metrics into JSON text: reading them is part of any floor.
            name: 'floor + JSON texts parsed',
            run: () =>
              pages(async (index) => {
                const { Trials } = await page(index);
                for (const trial of Trials ?? []) {
                  JSON.parse(String(trial.Hyperparam));
                  JSON.parse(String(trial.Metric));
                }
                return Trials?.length ?? 0;
              }),
          },
        ],
      };
    },
    (url, page) =>
      `${url}/api/automl/v1/hpo/experiment/${PAI_BENCH_EXPERIMENT}/trials?PageNumber=${page + 1}&PageSize=${PAGE}`,
    (body) => (body as { Trials: unknown[] }).Trials,
  );
}

export function benchModelArtsListing(rounds: number): Promise<boolean> {
  return againstRaw(
    'modelarts',
    rounds,
    (url) => {
      const cloud = modelarts({
        region: 'cn-north-4',
        endpoint: url,
        projectId: MODELARTS_BENCH_PROJECT,
        credentials: MODELARTS_BENCH_CREDENTIALS,
        pageConcurrency: 1,
        offsetMeaning: { trials: 'record' },
      });
      const page = (index: number) =>
        cloud.api.listAutoSearchTrials(MODELARTS_BENCH_JOB, { limit: PAGE, offset: index * PAGE });
      return {
        list: () => cloud.trials.list(MODELARTS_BENCH_JOB, { pageSize: PAGE }),
        floors: [
          { name: FLOOR, run: () => pages(async (index) => (await page(index)).items?.data?.length ?? 0) },
        ],
      };
    },
    (url, page) =>
      `${url}/v2/${MODELARTS_BENCH_PROJECT}/training-jobs/${MODELARTS_BENCH_JOB}/autosearch-trials?limit=${PAGE}&offset=${page * PAGE}`,
    (body) => (body as { items: { data: unknown[] } }).items.data,
  );
}
