/**
 * Runs the built `crosstune` command as a user would: a subprocess of `bin/crosstune.js`, either
 * with pipes (not a terminal) or inside a pseudo-terminal made by util-linux's `script`, where
 * stdout and stderr are the terminal and arrive together.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../../bin/crosstune.js', import.meta.url));
const DIST = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no user profile, no credentials but those given, no proxy, no metadata service. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'crosstune-cli-home-'));
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws-credentials'),
    NO_COLOR: '1',
    ...extra,
  };
}

export interface RunOptions {
  env: Record<string, string>;
  /** Run inside a pseudo-terminal (stdout and stderr are then one stream, in `stdout`). */
  tty?: boolean;
  /** Called once the process has printed this; e.g. to send it a signal. */
  onOutput?: { when: RegExp; act(child: ReturnType<typeof spawn>): void };
  timeoutMs?: number;
}

export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  if (!existsSync(DIST)) throw new Error('dist/cli.js is missing: run `npm run build` before these tests');
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child = options.tty
    ? spawn('script', ['-qefc', quoted, '/dev/null'], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] })
    : spawn(process.execPath, [BIN, ...args], { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let fired = false;
  const check = () => {
    if (!fired && options.onOutput && options.onOutput.when.test(stdout + stderr)) {
      fired = true;
      options.onOutput.act(child);
    }
  };
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
    check();
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
    check();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crosstune ${args.join(' ')} did not end in time:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
