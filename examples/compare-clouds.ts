/**
 * Compare the same tuning run on SageMaker, PAI and ModelArts: which did better, how fast, at
 * what cost; print it as Markdown and write every trial to CSV.
 *
 *   node --import tsx examples/compare-clouds.ts sagemaker:<job> pai:<experiment> modelarts:<job id>
 */
import { writeFileSync } from 'node:fs';
import { compare, toCsv, toMarkdown } from 'crosstune/compare';
import { modelarts } from 'crosstune/modelarts';
import { pai } from 'crosstune/pai';
import { sagemaker } from 'crosstune/sagemaker';

const providers = {
  sagemaker: sagemaker({
    region: process.env.AWS_REGION ?? 'us-east-1',
    endpoint: process.env.CROSSTUNE_SAGEMAKER_ENDPOINT,
  }),
  pai: pai({
    region: process.env.CROSSTUNE_PAI_REGION ?? 'cn-hangzhou',
    endpoint: process.env.CROSSTUNE_PAI_ENDPOINT,
  }),
  modelarts: modelarts({
    region: process.env.CROSSTUNE_MODELARTS_REGION ?? 'cn-north-4',
    endpoint: process.env.CROSSTUNE_MODELARTS_ENDPOINT,
  }),
};

const runs = process.argv.slice(2).map((reference) => {
  const [cloud, experimentId] = reference.split(/:(.*)/) as [keyof typeof providers, string];
  return { provider: providers[cloud], experimentId, label: cloud };
});

// Prices are yours to give (per instance-hour): crosstune never guesses one.
const comparison = await compare(runs, { prices: { 'ml.m5.xlarge': 0.23 } });
console.log(toMarkdown(comparison));
writeFileSync('trials.csv', toCsv(comparison, { table: 'trials' }));
console.log(`wrote trials.csv: ${comparison.trials.length} trials, a column per hyperparameter`);
