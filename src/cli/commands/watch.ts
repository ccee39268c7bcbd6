/**
 * `crosstune watch <experiment>`: progress on stderr until the experiment ends; exit 0 when it
 * completed, 1 when it failed or was stopped. Ctrl-C stops the watching, never the experiment
 * (nothing but reads is ever sent), and exits 130.
 */
import type { Command } from 'commander';
import type { Experiment } from '../../index.js';
import { providerFor } from '../clouds.js';
import { EXIT } from '../errors.js';
import { type CloudOptions, milliseconds, withCloud } from '../options.js';
import { progressPrinter } from '../progress.js';

interface WatchOptions extends CloudOptions {
  interval: number;
  maxInterval: number;
  for?: number;
}

export function addWatchCommand(program: Command, interrupted: AbortSignal): void {
  withCloud(program.command('watch'))
    .description('follow an experiment until it ends: progress on stderr; exit 0 if it completed, 1 if not')
    .argument('<experiment>', "the experiment's id")
    .option('--interval <ms>', 'first pause between polls (then growing)', milliseconds, 5_000)
    .option('--max-interval <ms>', 'longest pause between polls', milliseconds, 60_000)
    .option('--for <ms>', 'stop watching after this long (exit 1)', milliseconds)
    .action(async (id: string, o: WatchOptions) => {
      const provider = await providerFor({
        cloud: o.cloud,
        region: o.region,
        endpoint: o.endpoint,
        timeoutMs: o.timeout,
      });
      const printer = progressPrinter({
        write: (text) => process.stderr.write(text),
        isTTY: process.stderr.isTTY === true,
      });
      let last: Experiment | undefined;
      try {
        for await (const event of provider.experiments.watch(id, {
          pollIntervalMs: o.interval,
          maxPollIntervalMs: Math.max(o.interval, o.maxInterval),
          timeoutMs: o.for,
          signal: interrupted,
        })) {
          printer.onEvent(event);
          if (event.type === 'poll') last = event.experiment;
        }
      } finally {
        printer.finish();
      }
      const status = last?.status;
      process.stderr.write(
        `experiment ${id} ${status ?? 'unknown'}${last ? ` (${last.providerStatus})` : ''}\n`,
      );
      process.exitCode = status === 'completed' ? EXIT.ok : EXIT.failure;
    });
}
