/**
 * `crosstune watch` as a subprocess in real time, while this process moves the fakes' clocks:
 * progress on stderr (a line per event, or one redrawn line in a terminal), the exit code by how
 * the experiment ended, and Ctrl-C that stops the watching, never the experiment.
 */
import { describe, expect, it } from 'vitest';
import { CLOUDS } from '../../src/cli/demo/clouds.js';
import { type ExperimentSpec, float, type ProviderId, space } from '../../src/index.js';
import type { LoggedRequest } from '../../src/testing/index.js';
import { useLoopbackClouds } from './helpers/clouds.js';
import { runCli } from './helpers/run.js';

const { fakes, state } = useLoopbackClouds();

const SPEC: Omit<ExperimentSpec, 'providerOptions'> = {
  name: 'watched',
  objective: { metric: 'validation:auc', direction: 'maximize' },
  searchSpace: space({
    eta: float(0.01, 0.5),
    max_depth: float(3, 10),
    subsample: float(0.5, 1),
    booster: float(0, 1),
  }),
  limits: { maxTrials: 5, maxParallelTrials: 2 },
};

let serial = 0;
async function start(cloud: ProviderId): Promise<string> {
  const definition = CLOUDS.find((c) => c.name === cloud);
  const created = await state.providers[cloud].experiments.create({
    ...SPEC,
    name: `watched-${++serial}`,
    providerOptions: definition?.providerOptions,
  });
  return created.id;
}

/**
 * Once the watch has said something, moves the fake's clock 5 virtual minutes every 20 real
 * milliseconds, so the watch sees the experiment from its start to its end.
 */
function passTime(cloud: ProviderId) {
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    onOutput: {
      when: /\S/,
      act: () => {
        timer = setInterval(() => fakes[cloud].clock.advance(5 * 60_000), 20);
      },
    },
    stop: () => clearInterval(timer),
  };
}

const watchArgs = (id: string, cloud: ProviderId) => [
  'watch',
  id,
  '--cloud',
  cloud,
  '--interval',
  '20',
  '--max-interval',
  '40',
];

describe('crosstune watch', () => {
  it.each(['sagemaker', 'pai', 'modelarts'] as const)(
    '%s: a line per event on stderr when not a terminal, exit 0 once completed',
    async (cloud) => {
      const id = await start(cloud);
      const time = passTime(cloud);
      const result = await runCli(watchArgs(id, cloud), { env: state.env, onOutput: time.onOutput }).finally(
        time.stop,
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(new RegExp(`^\\S+Z experiment ${id} (pending|running)`));
      expect(lines.filter((l) => / trial \S+ started /.test(l))).toHaveLength(SPEC.limits.maxTrials);
      expect(lines.filter((l) => / trial \S+ ended /.test(l))).toHaveLength(SPEC.limits.maxTrials);
      expect(lines.some((l) => / best \S+ validation:auc=0\.\d+$/.test(l))).toBe(true);
      expect(lines.at(-1)).toMatch(new RegExp(`^experiment ${id} completed \\(\\w+\\)$`));
    },
  );

  it('redraws one status line in a terminal, and exits 0', async () => {
    const id = await start('sagemaker');
    const time = passTime('sagemaker');
    const result = await runCli(watchArgs(id, 'sagemaker'), {
      env: state.env,
      tty: true,
      onOutput: time.onOutput,
    }).finally(time.stop);
    expect(result.code).toBe(0);
    const redraws = result.stdout.split('\r\x1b[2K').slice(1);
    expect(redraws.length).toBeGreaterThan(2);
    expect(redraws.at(-1)).toMatch(
      /^completed +\[#{20}\] {2}5\/5 done {2}0 running {2}best 0\.\d+ \(\S+\) {2}\d+s/,
    );
    expect(result.stdout).toMatch(new RegExp(`experiment ${id} completed \\(Completed\\)\\r?\\n$`));
    // No event lines in a terminal: the one line says it all.
    expect(result.stdout).not.toMatch(/ trial \S+ started /);
  });

  it('exits 1 when the experiment is stopped', async () => {
    const id = await start('sagemaker');
    await state.providers.sagemaker.experiments.stop(id);
    const time = passTime('sagemaker');
    const result = await runCli(watchArgs(id, 'sagemaker'), {
      env: state.env,
      onOutput: time.onOutput,
    }).finally(time.stop);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(`experiment ${id} stopped (Stopped)`);
  });

  it('on Ctrl-C stops watching, exits 130, and leaves the experiment running', async () => {
    const id = await start('sagemaker');
    const before = fakes.sagemaker.requests.length;
    const result = await runCli(watchArgs(id, 'sagemaker'), {
      env: state.env,
      onOutput: { when: /poll: /, act: (child) => child.kill('SIGINT') },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/crosstune: stopped watching \(the experiment goes on\)\n$/);
    const sent = (fakes.sagemaker.requests.slice(before) as readonly LoggedRequest[]).map((r) => r.operation);
    expect(sent).toContain('DescribeHyperParameterTuningJob');
    expect(sent).not.toContain('StopHyperParameterTuningJob');
    expect((await state.providers.sagemaker.experiments.get(id)).status).toBe('running');
  });
});
