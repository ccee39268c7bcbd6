/**
 * `crosstune demo`: the same experiment on the three built-in fake clouds, in-process, no
 * credentials. The fakes are msw handlers, so the demo needs msw (an optional peer dependency):
 * loaded only here, and asked for by name when it is missing.
 */
import type { Command } from 'commander';
import { EXIT, errorReport } from '../errors.js';

const MISSING_MSW =
  'crosstune demo runs the fake clouds on msw, which is not installed: npm install msw (or npx -p crosstune -p msw crosstune demo)';

export function addDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run one experiment on the built-in fake SageMaker, PAI and ModelArts, and compare them')
    .action(async () => {
      let demo: typeof import('../demo/run.js');
      try {
        demo = await import('../demo/run.js');
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes("'msw")) {
          process.stderr.write(`crosstune: ${MISSING_MSW}\n`);
          process.exitCode = EXIT.failure;
          return;
        }
        throw error;
      }
      const ok = await demo.runDemo((error) => errorReport(error, false));
      process.exitCode = ok ? EXIT.ok : EXIT.failure;
    });
}
