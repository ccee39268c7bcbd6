/**
 * A loopback PAI AutoML endpoint for the paging benchmark: one experiment with `total` trials,
 * served page by page (PageNumber/PageSize/TotalCount) with a fixed latency per request, as a
 * far-away region would answer. Bodies carry the fields as PAI sends them (JSON packed in text).
 */
import { createServer } from 'node:http';
import { listen } from './listen.js';

export const PAI_BENCH_EXPERIMENT = 'benchEx';
export const PAI_BENCH_CREDENTIALS = {
  accessKeyId: 'LTAIbenchmark000000001',
  accessKeySecret: 'bench-secret-0000000000000000000',
};

function trial(i: number) {
  const value = 0.5 + (i % 500) / 1000;
  return {
    TrialId: `t${String(i).padStart(6, '0')}`,
    ExperimentId: PAI_BENCH_EXPERIMENT,
    ParameterId: i,
    Hyperparam: JSON.stringify({ '${lr}': 0.001 * (1 + (i % 10)), '${batch}': [16, 32, 64][i % 3] }),
    Status: 'SUCCEEDED',
    Model: '',
    MetricName: '',
    Metric: JSON.stringify([
      { default: value - 0.1, type: 'PERIODICAL' },
      { default: value, type: 'FINAL' },
    ]),
    FinalMetric: String(value),
    JobMeta: JSON.stringify({
      nni_trial_id: `n${i}`,
      nni_exp_id: PAI_BENCH_EXPERIMENT,
      nni_trial_sequence_id: i,
    }),
    UserScore: 0,
    UserComment: '',
    GmtCreateTime: '2026-01-01 00:00:00',
    GmtModifiedTime: '2026-01-01 01:00:00',
  };
}

const experiment = JSON.stringify({
  RequestId: 'bench',
  ExperimentId: PAI_BENCH_EXPERIMENT,
  Name: 'bench',
  Status: 'FINISHED',
  SearchSpace: JSON.stringify({
    '${lr}': { _type: 'loguniform', _value: [0.0001, 0.1] },
    '${batch}': { _type: 'choice', _value: [16, 32, 64] },
  }),
  HpoExperimentConfiguration: {
    search_space: {
      '${lr}': { _type: 'loguniform', _value: [0.0001, 0.1] },
      '${batch}': { _type: 'choice', _value: [16, 32, 64] },
    },
    tuner: { name: 'TPE', class_args: { optimize_mode: 'maximize' } },
    max_trial_number: 10000,
    trial_concurrency: 10,
    metric_config: { metric_type: 'maximize', metric_source: ['cmd1;default'], final_mode: 'final' },
  },
  TrialCount: 10000,
  TrialStatus: JSON.stringify({ SUCCEEDED: 10000 }),
  GmtCreateTime: '2026-01-01 00:00:00',
  GmtModifiedTime: '2026-01-02 00:00:00',
});

export function paiTrialsPage(total: number, pageNumber: number, pageSize: number): string {
  const items = [];
  for (let i = (pageNumber - 1) * pageSize; i < Math.min(total, pageNumber * pageSize); i++)
    items.push(trial(i));
  return JSON.stringify({ RequestId: 'bench', TotalCount: total, Trials: items });
}

/** Pages of 100 are rendered once up front; `latencyMs` delays every answer, as a far-away region would. */
export async function startPaiBenchServer(total = 10_000, latencyMs = 0) {
  const pages = new Map<number, string>();
  if (total <= 100_000)
    for (let n = 1; (n - 1) * 100 < total; n++) pages.set(n, paiTrialsPage(total, n, 100));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: string;
    if (url.pathname.endsWith('/trials')) {
      const pageNumber = Number(url.searchParams.get('PageNumber') ?? 1);
      const pageSize = Number(url.searchParams.get('PageSize') ?? 10);
      body = (pageSize === 100 && pages.get(pageNumber)) || paiTrialsPage(total, pageNumber, pageSize);
    } else {
      body = experiment;
    }
    req.resume();
    const answer = () => {
      res.writeHead(200, {
        'content-type': 'application/json;charset=utf-8',
        'x-acs-request-id': 'bench',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    };
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });
  return listen(server);
}
