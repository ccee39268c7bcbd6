/** The `crosstune` command: every subcommand, its options and help, parsed by commander. */
import { Command } from 'commander';
import { addCompareCommand } from './commands/compare.js';
import { addDemoCommand } from './commands/demo.js';
import { addListingCommands } from './commands/listings.js';
import { addReportCommand } from './commands/report.js';
import { addWatchCommand } from './commands/watch.js';

export function buildProgram(version: string, interrupted: AbortSignal): Command {
  const program = new Command('crosstune')
    .description(
      'Hyperparameter tuning on Amazon SageMaker, Alibaba PAI AutoML and Huawei ModelArts: list, watch, compare, report.\n' +
        "Credentials come from each cloud's own chain; CROSSTUNE_<CLOUD>_ENDPOINT points a cloud elsewhere.",
    )
    .version(version)
    .option('--verbose', 'on failure, print the chain of causes too')
    .showHelpAfterError('(crosstune --help lists the commands)')
    .exitOverride();
  addDemoCommand(program);
  addListingCommands(program);
  addWatchCommand(program, interrupted);
  addCompareCommand(program);
  addReportCommand(program);
  // Every command is made with `.command()`, which inherits exitOverride: none exits the process.
  return program;
}
