/** `crosstune demo`, the newcomer's one line, as a subprocess: with msw, and without it. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, runCli } from './helpers/run.js';

describe('crosstune demo', () => {
  it.each([false, true])('runs the three fake clouds and compares them (terminal: %s)', async (tty) => {
    const result = await runCli(['demo'], { env: cleanEnv(), tty, timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    for (const cloud of ['sagemaker', 'pai', 'modelarts'])
      expect(result.stdout).toContain(`== ${cloud}: crosstune-demo`);
    expect(result.stdout).toContain('== the same experiment on every cloud');
    expect(result.stdout).toMatch(/best across runs: 0\.\d+ validation:auc/);
    if (!tty) expect(result.stderr).toBe('');
  });

  it('without msw says what to install, in one line, and exits 1', async () => {
    // A resolve hook that finds no msw, as in a project that installed crosstune alone.
    const hook = `data:text/javascript,${encodeURIComponent(
      "import { registerHooks } from 'node:module'; registerHooks({ resolve(s, c, next) { if (s === 'msw' || s.startsWith('msw/')) { const e = new Error(\"Cannot find package '\" + s + \"'\"); e.code = 'ERR_MODULE_NOT_FOUND'; throw e; } return next(s, c); } });",
    )}`;
    const child = spawn(process.execPath, ['--import', hook, BIN, 'demo'], { env: cleanEnv() });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'crosstune: crosstune demo runs the fake clouds on msw, which is not installed: npm install msw (or npx -p crosstune -p msw crosstune demo)\n',
    );
  });
});
