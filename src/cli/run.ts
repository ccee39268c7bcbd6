/**
 * The `crosstune` command line, run: parses it, runs the command, and turns what went wrong into
 * one line on stderr and an exit code (0 ok, 1 failure, 2 usage, 130 interrupted). No side effect
 * on import: the executable (main.ts) calls it, and tests run it in-process.
 */
import { createRequire } from 'node:module';
import { CommanderError } from 'commander';
import { AbortError } from '../index.js';
import { EXIT, errorReport, exitCodeOf, maskEnvironmentSecrets } from './errors.js';
import { buildProgram } from './program.js';

// Through the package's own name: the same from src/ (tsx) as from dist/.
const { version } = createRequire(import.meta.url)('crosstune/package.json') as { version: string };

export async function main(argv: readonly string[]): Promise<number> {
  maskEnvironmentSecrets(process.env);
  const interrupt = new AbortController();
  // Ctrl-C ends what the command waits for; nothing is stopped on the cloud.
  const onSigint = () => interrupt.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  const program = buildProgram(version, interrupt.signal);
  try {
    await program.parseAsync(argv, { from: 'node' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end the program well; anything else commander refuses is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (interrupt.signal.aborted && AbortError.is(error)) {
      process.stderr.write('\ncrosstune: stopped watching (the experiment goes on)\n');
      return EXIT.interrupted;
    }
    process.stderr.write(`${errorReport(error, program.opts().verbose === true)}\n`);
    return exitCodeOf(error);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
