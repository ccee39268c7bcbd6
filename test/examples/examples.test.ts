/**
 * Every script in examples/ runs, as a user would run it, against the three fakes behind a
 * loopback server: the examples read their endpoints from CROSSTUNE_<CLOUD>_ENDPOINT and their
 * credentials from each cloud's own variables, which is all that points them at the fakes.
 * (examples/fakes.test.ts runs with the rest of the suite.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOUDS } from '../../src/cli/demo/clouds.js';
import { choice, type ExperimentSpec, float, int, type ProviderId, space } from '../../src/index.js';
import { useLoopbackClouds } from '../cli/helpers/clouds.js';
import { BIN } from '../cli/helpers/run.js';

const { fakes, state } = useLoopbackClouds();
const ids = {} as Record<ProviderId, string>;
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

const SPEC: Omit<ExperimentSpec, 'providerOptions'> = {
  name: 'examples',
  objective: { metric: 'validation:auc', direction: 'maximize' },
  searchSpace: space({
    eta: float(0.01, 0.5, { log: true }),
    max_depth: int(3, 10),
    booster: choice(['gbtree', 'dart']),
  }),
  limits: { maxTrials: 6, maxParallelTrials: 2 },
};

beforeAll(async () => {
  for (const cloud of CLOUDS) {
    const name = cloud.name as ProviderId;
    const created = await state.providers[name].experiments.create({
      ...SPEC,
      providerOptions: cloud.providerOptions,
    });
    ids[name] = created.id;
    await state.providers[name].experiments.wait(created.id, {
      scheduler: fakes[name].clock,
      pollIntervalMs: 60_000,
    });
  }
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in `cwd`; once it prints, moves `clock` (if any) five virtual minutes every 20 ms. */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; clock?: { advance(ms: number): number } },
): Promise<Run> {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...state.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  let timer: ReturnType<typeof setInterval> | undefined;
  const started = () => {
    if (options.clock && !timer) timer = setInterval(() => options.clock?.advance(5 * 60_000), 20);
  };
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
    started();
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not end:\n${stdout}\n${stderr}`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(deadline);
      clearInterval(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// tsx by its location: the examples run in a scratch directory, where `--import tsx` finds nothing.
const TSX = import.meta.resolve('tsx');
const tsx = (script: string, args: string[], options: Parameters<typeof run>[2]) =>
  run(process.execPath, ['--import', TSX, join(EXAMPLES, script), ...args], options);
const scratch = () => mkdtempSync(join(tmpdir(), 'crosstune-example-'));

describe('examples/', () => {
  it('list-trials.ts lists the best five and counts every trial', async () => {
    const result = await tsx('list-trials.ts', [ids.sagemaker], { cwd: scratch() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^\S+ {2}completed {2}validation:auc=0\.\d+ in \d+ s {2}\{/);
    expect(lines.at(-1)).toBe(`${SPEC.limits.maxTrials} trials in all`);
  });

  it('create-and-wait.ts creates on PAI, waits for the end and summarizes', async () => {
    const result = await tsx('create-and-wait.ts', [], {
      cwd: scratch(),
      env: { EXAMPLE_POLL_MS: '50' },
      clock: fakes.pai.clock,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^created \S+ \(pending\)$/m);
    expect(result.stdout).toMatch(/^ended completed; best 0\.\d+ \(\S+\)$/m);
    expect(result.stdout).toMatch(/^computed by crosstune, not reported by PAI: bestTrial, /m);
  });

  it('compare-clouds.ts prints the comparison and writes every trial to CSV', async () => {
    const cwd = scratch();
    const refs = (['sagemaker', 'pai', 'modelarts'] as const).map((cloud) => `${cloud}:${ids[cloud]}`);
    const result = await tsx('compare-clouds.ts', refs, { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^## Comparison by validation:auc \(maximize\)$/m);
    expect(result.stdout).toContain(`wrote trials.csv: ${3 * SPEC.limits.maxTrials} trials`);
    expect(readFileSync(join(cwd, 'trials.csv'), 'utf8').split('\r\n')[0]).toMatch(
      /^run,cloud,experiment,trial,/,
    );
  });

  it('cli.sh drives the command and writes its three files', async () => {
    const cwd = scratch();
    const result = await run('bash', [join(EXAMPLES, 'cli.sh'), ids.sagemaker, ids.pai], {
      cwd,
      env: { CROSSTUNE: `${process.execPath} ${BIN}`, EXAMPLE_POLL_MS: '50' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('the tuning job completed');
    for (const file of ['experiment.json', 'runs.csv', 'report.html'])
      expect(existsSync(join(cwd, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'experiment.json'), 'utf8')).id).toBe(ids.sagemaker);
  });
});
