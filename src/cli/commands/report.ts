/**
 * `crosstune report <cloud>:<experiment>… --out report.html`: the comparison as one
 * self-contained HTML page. The chart library is loaded only here, when a report is made.
 */
import type { Command } from 'commander';
import { positiveInteger } from '../options.js';
import { emit } from '../output.js';
import { comparisonOf, withComparison } from './compare.js';

interface ReportCommandOptions {
  out: string;
  title?: string;
  points?: number;
  price: Record<string, number>;
  tolerance?: number;
  objective?: { metric: string; direction: 'maximize' | 'minimize' };
  metric: Record<string, string>;
  timeout?: number;
}

export function addReportCommand(program: Command): void {
  withComparison(program.command('report'))
    .description('write the comparison of runs as one self-contained HTML page (charts inline, no network)')
    .requiredOption('--out <file>', 'the HTML file to write')
    .option('--title <text>', "the page's title")
    .option(
      '--points <n>',
      'trials per run each hyperparameter scatter draws at most (default 300)',
      positiveInteger,
    )
    .action(async (references: string[], o: ReportCommandOptions) => {
      const comparison = await comparisonOf(references, o);
      const { renderReport } = await import('../report/index.js');
      await emit(renderReport(comparison, { title: o.title, pointsPerRun: o.points }), o.out);
      process.stderr.write(
        `crosstune: wrote ${o.out} (${comparison.runs.length} runs, ${comparison.trials.length} trials)\n`,
      );
    });
}
