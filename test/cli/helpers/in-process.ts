/**
 * Runs `crosstune` in this process, from src, as the executable would run it: the same `main`,
 * with `env` as the whole environment and stdout and stderr captured. What the subprocess tests
 * check this way too reaches the commands' wiring, which mutants of src never reach in a child
 * process running dist. Not a terminal: terminal output is the subprocess tests' alone.
 */
import { vi } from 'vitest';
import { main } from '../../../src/cli/run.js';
import type { CliResult } from './run.js';

export async function runInProcess(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const environment = process.env;
  const exitCode = process.exitCode;
  process.env = { ...env };
  try {
    const code = await main(['node', 'crosstune', ...args]);
    return { code, signal: null, stdout, stderr };
  } finally {
    process.env = environment;
    // A command sets the exit code it ends with; this process's own must stay as it was.
    process.exitCode = exitCode;
    out.mockRestore();
    err.mockRestore();
  }
}
