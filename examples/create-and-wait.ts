/**
 * Create a tuning experiment on PAI from a neutral spec, then wait for it to end and summarize
 * it. `wait` resolves whatever the ending — completed, failed or stopped — and says which.
 *
 *   ALIBABA_CLOUD_ACCESS_KEY_ID=… ALIBABA_CLOUD_ACCESS_KEY_SECRET=… node --import tsx examples/create-and-wait.ts
 */
import { choice, float, int, space } from 'crosstune';
import { pai } from 'crosstune/pai';

const cloud = pai({
  region: process.env.CROSSTUNE_PAI_REGION ?? 'cn-hangzhou',
  endpoint: process.env.CROSSTUNE_PAI_ENDPOINT, // unset: PAI's own endpoint
});

const experiment = await cloud.experiments.create({
  name: `xgb-auc-${Date.now()}`,
  objective: { metric: 'validation:auc', direction: 'maximize' },
  searchSpace: space({
    eta: float(0.01, 0.5, { log: true }),
    max_depth: int(3, 10),
    booster: choice(['gbtree', 'dart']),
  }),
  limits: { maxTrials: 6, maxParallelTrials: 2 },
  providerOptions: {
    // How PAI runs a trial: each ${name} is replaced by the trial's value.
    platformConfig: {
      name: 'DLC',
      cmd: [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: PAI's placeholders, substituted by PAI.
        'dlc submit pytorch --command="python train.py --eta=${eta} --max_depth=${max_depth} --booster=${booster}"',
      ],
    },
    // Where its metric comes from: the first command's output, scraped with this expression.
    metricConfig: {
      metric_type: 'stdout',
      metric_source: ['cmd1'],
      metric_dict: { 'validation-auc:([0-9\\.]+)': 1 },
    },
  },
});
for (const loss of experiment.searchSpace?.compileLosses ?? [])
  console.log(`note: ${loss.param}: ${loss.lost}`);
console.log(`created ${experiment.id} (${experiment.status})`);

const ended = await cloud.experiments.wait(experiment.id, {
  pollIntervalMs: Number(process.env.EXAMPLE_POLL_MS ?? 30_000),
  timeoutMs: 12 * 3600_000,
  onProgress: (e) => console.log(`${e.status}: ${JSON.stringify(e.trialCounts)}`),
});
const summary = await cloud.experiments.summarize(ended.id);
console.log(`ended ${ended.status}; best ${summary.bestTrial?.objective?.value} (${summary.bestTrial?.id})`);
console.log(`computed by crosstune, not reported by PAI: ${summary.derived.join(', ')}`);
