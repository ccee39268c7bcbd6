/**
 * `crosstune compare <cloud>:<experiment>…`: the runs compared by one objective, as an aligned
 * table, CSV (`--table trials|runs`), JSON (exactly `toJson`'s shape) or Markdown.
 */
import { type Command, InvalidArgumentError as InvalidOptionValue, Option } from 'commander';
import { type CompareRun, type Comparison, compare, toCsv, toJson, toMarkdown } from '../../compare/index.js';
import { InvalidArgumentError } from '../../index.js';
import { parseRunReference, providerFor } from '../clouds.js';
import { comparisonTable } from '../comparison-table.js';
import { milliseconds } from '../options.js';
import { emit } from '../output.js';

interface CompareOptions {
  format: 'table' | 'csv' | 'json' | 'md';
  table: 'trials' | 'runs';
  out?: string;
  price: Record<string, number>;
  tolerance?: number;
  objective?: { metric: string; direction: 'maximize' | 'minimize' };
  metric: Record<string, string>;
  timeout?: number;
}

function price(text: string, prices: Record<string, number>): Record<string, number> {
  const at = text.indexOf('=');
  const type = text.slice(0, at);
  const value = text.slice(at + 1);
  const perHour = Number(value);
  // An empty price is refused, not read as Number('') = 0.
  if (at <= 0 || value.trim() === '' || !Number.isFinite(perHour) || perHour < 0) {
    throw new InvalidOptionValue(
      'expected <instance type>=<price per instance-hour>, e.g. ml.m5.xlarge=0.23',
    );
  }
  return { ...prices, [type]: perHour };
}

function metricOf(text: string, metrics: Record<string, string>): Record<string, string> {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new InvalidOptionValue('expected <run>=<metric>, e.g. pai:mi0sIBk=default');
  return { ...metrics, [text.slice(0, at)]: text.slice(at + 1) };
}

function objectiveOf(text: string): CompareOptions['objective'] {
  const at = text.lastIndexOf(':');
  const direction = text.slice(at + 1);
  if (at <= 0 || (direction !== 'maximize' && direction !== 'minimize')) {
    throw new InvalidOptionValue('expected <metric>:<maximize|minimize>, e.g. auc:maximize');
  }
  return { metric: text.slice(0, at), direction };
}

function fraction(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new InvalidOptionValue('expected a fraction, e.g. 0.01 for 1 %');
  return n;
}

/** The runs named on the command line, each with its cloud's provider (built once per cloud and region). */
export async function runsOf(references: readonly string[], timeoutMs?: number): Promise<CompareRun[]> {
  const parsed = references.map(parseRunReference);
  const providers = new Map<string, Awaited<ReturnType<typeof providerFor>>>();
  const runs: CompareRun[] = [];
  for (const ref of parsed) {
    const key = `${ref.cloud}@${ref.region ?? ''}`;
    let provider = providers.get(key);
    if (!provider) {
      provider = await providerFor({ cloud: ref.cloud, region: ref.region, timeoutMs });
      providers.set(key, provider);
    }
    runs.push({ provider, experimentId: ref.experimentId, label: ref.label });
  }
  return runs;
}

/** Options `compare` and `report` share: how the runs are compared. */
export function withComparison(command: Command): Command {
  return command
    .argument('<runs...>', '<cloud>[@<region>]:<experiment>, e.g. sagemaker:xgb-tune pai@cn-hangzhou:mi0sIBk')
    .option('--price <type=price>', 'price per instance-hour, repeatable: ml.m5.xlarge=0.23', price, {})
    .option('--tolerance <fraction>', 'how close to the best counts as reached (default 0.01)', fraction)
    .option(
      '--objective <metric:direction>',
      'compare runs whose objectives differ under this one',
      objectiveOf,
    )
    .option(
      '--metric <run=metric>',
      "with --objective: the metric of that run's cloud that stands for it, repeatable",
      metricOf,
      {},
    )
    .option('--timeout <ms>', 'time limit per request attempt', milliseconds);
}

export async function comparisonOf(
  references: readonly string[],
  o: Omit<CompareOptions, 'format' | 'table'>,
): Promise<Comparison> {
  if (Object.keys(o.metric).length > 0 && !o.objective) {
    // crosstune's error, not commander's: main takes a commander error as one commander has
    // printed already (as it does for its option parsers'), so one thrown here would print nothing.
    throw new InvalidArgumentError(
      '--metric needs --objective: the name and direction the runs are compared under',
    );
  }
  return compare(await runsOf(references, o.timeout), {
    prices: Object.keys(o.price).length > 0 ? o.price : undefined,
    tolerance: o.tolerance,
    objective: o.objective && { ...o.objective, metrics: o.metric },
    timeoutMs: o.timeout,
  });
}

export function addCompareCommand(program: Command): void {
  withComparison(program.command('compare'))
    .description('compare runs of tuning on any clouds by one objective')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'csv', 'json', 'md'])
        .default('table'),
    )
    .addOption(
      new Option('--table <table>', 'with --format csv: one row per trial, or per run')
        .choices(['trials', 'runs'])
        .default('trials'),
    )
    .option('--out <file>', 'write the result to a file instead of stdout')
    .action(async (references: string[], o: CompareOptions) => {
      const comparison = await comparisonOf(references, o);
      const text =
        o.format === 'json'
          ? JSON.stringify(toJson(comparison), null, 2)
          : o.format === 'csv'
            ? toCsv(comparison, { table: o.table })
            : o.format === 'md'
              ? toMarkdown(comparison)
              : comparisonTable(comparison);
      await emit(text, o.out);
    });
}
