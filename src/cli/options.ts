/** Options several commands share, declared once, and the parsers commander calls for them. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { CLOUD_IDS } from './clouds.js';

export function positiveInteger(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected an integer of 1 or more');
  return n;
}

export function milliseconds(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected a number of milliseconds, 0 or more');
  return n;
}

/** `--cloud`, `--region`, `--endpoint`, `--timeout`: what a single-cloud command needs to reach it. */
export function withCloud(command: Command): Command {
  return command
    .addOption(new Option('--cloud <cloud>', 'the cloud').choices(CLOUD_IDS).makeOptionMandatory())
    .option('--region <region>', "the cloud's region (else CROSSTUNE_<CLOUD>_REGION, AWS_REGION…)")
    .option('--endpoint <url>', 'another endpoint (else CROSSTUNE_<CLOUD>_ENDPOINT), e.g. a loopback server')
    .option('--timeout <ms>', 'time limit per request attempt', milliseconds);
}

export const EXPERIMENT_STATUSES = [
  'pending',
  'running',
  'stopping',
  'stopped',
  'completed',
  'failed',
  'deleting',
  'unknown',
];
export const TRIAL_STATUSES = [
  'pending',
  'running',
  'stopping',
  'stopped',
  'early_stopped',
  'completed',
  'failed',
  'unknown',
];

export function withListing(
  command: Command,
  statuses: readonly string[],
  sorts: readonly string[],
): Command {
  return command
    .addOption(new Option('--status <status>', 'only this status').choices(statuses))
    .addOption(new Option('--sort <key>', 'order by').choices(sorts))
    .addOption(new Option('--order <order>', 'ascending or descending').choices(['asc', 'desc']))
    .option('--limit <n>', 'at most this many', positiveInteger)
    .option('--page-size <n>', 'items per request', positiveInteger);
}

export function withListOutput(command: Command): Command {
  return command
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .option('--out <file>', 'write the result to a file instead of stdout');
}

export interface CloudOptions {
  cloud: (typeof CLOUD_IDS)[number];
  region?: string;
  endpoint?: string;
  timeout?: number;
}

export interface ListingOptions {
  status?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  pageSize?: number;
}
