/** `crosstune experiments list|get` and `crosstune trials list`: one cloud, read as the library reads it. */
import type { Command } from 'commander';
import type { ExperimentQuery, TrialQuery } from '../../index.js';
import { providerFor } from '../clouds.js';
import {
  type CloudOptions,
  EXPERIMENT_STATUSES,
  type ListingOptions,
  TRIAL_STATUSES,
  withCloud,
  withListing,
  withListOutput,
} from '../options.js';
import { EXPERIMENT_FIELDS, emit, type ListFormat, render, trialFields } from '../output.js';

type Output = { format: ListFormat; out?: string };

const cloudOf = (o: CloudOptions) => ({
  cloud: o.cloud,
  region: o.region,
  endpoint: o.endpoint,
  timeoutMs: o.timeout,
});

function query(o: ListingOptions): ExperimentQuery & TrialQuery {
  return {
    status: o.status as ExperimentQuery['status'] & TrialQuery['status'],
    sortBy: o.sort as TrialQuery['sortBy'] & ExperimentQuery['sortBy'],
    sortOrder: o.order,
    pageSize: o.pageSize,
  };
}

export function addListingCommands(program: Command): void {
  const experiments = program.command('experiments').description('list or read experiments on one cloud');

  withListOutput(
    withListing(withCloud(experiments.command('list')), EXPERIMENT_STATUSES, ['name', 'createdAt', 'status']),
  )
    .description('list experiments')
    .option('--name-contains <text>', 'only names containing this')
    .action(async (o: CloudOptions & ListingOptions & Output & { nameContains?: string }) => {
      const provider = await providerFor(cloudOf(o));
      const items = await provider.experiments
        .list({ ...query(o), nameContains: o.nameContains })
        .toArray({ limit: o.limit });
      await emit(render(items, EXPERIMENT_FIELDS, o.format), o.out);
    });

  withListOutput(withCloud(experiments.command('get')))
    .description('read one experiment')
    .argument('<experiment>', "the experiment's id")
    .action(async (id: string, o: CloudOptions & Output) => {
      const provider = await providerFor(cloudOf(o));
      const experiment = await provider.experiments.get(id);
      const text =
        o.format === 'json'
          ? JSON.stringify(experiment, null, 2)
          : render([experiment], EXPERIMENT_FIELDS, o.format);
      await emit(text, o.out);
    });

  const trials = program.command('trials').description('list the trials of an experiment');
  withListOutput(
    withListing(withCloud(trials.command('list')), TRIAL_STATUSES, [
      'name',
      'createdAt',
      'status',
      'objective',
    ]),
  )
    .description("list an experiment's trials")
    .argument('<experiment>', "the experiment's id")
    .action(async (id: string, o: CloudOptions & ListingOptions & Output) => {
      const provider = await providerFor(cloudOf(o));
      const items = await provider.trials.list(id, query(o)).toArray({ limit: o.limit });
      await emit(render(items, trialFields(items), o.format), o.out);
    });
}
