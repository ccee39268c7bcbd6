/**
 * The built `crosstune` command, run as a subprocess against the three fakes behind a loopback
 * server (pointed at it by CROSSTUNE_<CLOUD>_ENDPOINT, credentials in each cloud's own variables):
 * stdout, stderr and exit codes, with pipes and in a terminal. Every check runs a second way, in
 * this process from src with the same environment, where mutants of the commands' wiring reach it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOUDS } from '../../src/cli/demo/clouds.js';
import { compare, toJson } from '../../src/compare/index.js';
import { choice, type ExperimentSpec, float, int, type ProviderId, space } from '../../src/index.js';
import { useLoopbackClouds } from './helpers/clouds.js';
import { runInProcess } from './helpers/in-process.js';
import { type CliResult, runCli } from './helpers/run.js';

const { fakes, state } = useLoopbackClouds();
const ids = {} as Record<ProviderId, string>;

const SPEC: Omit<ExperimentSpec, 'providerOptions'> = {
  name: 'cli-test',
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

const CLOUD_NAMES: ProviderId[] = ['sagemaker', 'pai', 'modelarts'];
/** Every cloud's experiment, as `compare` and `report` take their runs. */
const refs = () => CLOUD_NAMES.map((cloud) => `${cloud}:${ids[cloud]}`);

const BOTH_WAYS: {
  way: string;
  run(args: string[], env: Record<string, string>, tty?: boolean): Promise<CliResult>;
  /** Runs dist/ (which can also run in a terminal), not src/. */
  built: boolean;
}[] = [
  { way: 'built, in a subprocess', run: (args, env, tty) => runCli(args, { env, tty }), built: true },
  { way: 'in-process, from src', run: (args, env) => runInProcess(args, env), built: false },
];
// Mutation runs (scripts/mutate.mjs) keep the in-process way: no mutant of src reaches dist.
const WAYS = process.env.CROSSTUNE_MUTATING === '1' ? BOTH_WAYS.filter((w) => !w.built) : BOTH_WAYS;

describe.each(WAYS)('$way', ({ run, built }) => {
  const cli = (args: string[], tty = false) => run(args, state.env, tty);

  describe('help, version and usage errors', () => {
    it('prints help for the program and every command, and the version', async () => {
      const version = JSON.parse(
        readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
      ).version;
      expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
      for (const command of [
        [],
        ['demo'],
        ['experiments'],
        ['experiments', 'list'],
        ['experiments', 'get'],
        ['trials'],
        ['trials', 'list'],
        ['watch'],
        ['compare'],
        ['report'],
      ]) {
        const result = await cli([...command, '--help']);
        expect(result.code, command.join(' ')).toBe(0);
        expect(result.stdout).toMatch(/^Usage: crosstune/);
        expect(result.stderr).toBe('');
        // As a user reads it, word for word: a change to any help is a change to review.
        await expect(result.stdout).toMatchFileSnapshot(
          `__snapshots__/help/${['crosstune', ...command].join('-')}.txt`,
        );
      }
    });

    it('exits 2 with one line for a usage error, nothing on stdout', async () => {
      for (const args of [
        ['frobnicate'],
        ['experiments', 'list'],
        ['experiments', 'list', '--cloud', 'azure'],
        ['trials', 'list', 'x', '--cloud', 'pai', '--format', 'xml'],
        ['compare'],
        ['compare', 'nowhere:x'],
        ['watch', 'x', '--cloud', 'sagemaker', '--interval', 'soon'],
      ]) {
        const result = await cli(args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')[0]).toMatch(/^(error: |crosstune: InvalidArgumentError)/);
        if (result.stderr.startsWith('error: '))
          expect(result.stderr).toContain('\n(crosstune --help lists the commands)\n');
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });
  });

  describe.each(CLOUD_NAMES)('%s', (cloud) => {
    it('experiments list: an aligned table on stdout, in a terminal and not', async () => {
      for (const tty of built ? [false, true] : [false]) {
        const result = await cli(['experiments', 'list', '--cloud', cloud], tty);
        expect(result.code).toBe(0);
        const [header, rule, ...rows] = result.stdout.trimEnd().split(/\r?\n/);
        expect(header).toMatch(/^id +name +status +cloud status +objective/);
        expect(rule).toMatch(/^-+( +-+)+$/);
        expect(rows.some((row) => row.startsWith(ids[cloud]))).toBe(true);
        if (!tty) expect(result.stderr).toBe('');
      }
    });

    it('experiments get --format json is the experiment as the library reads it', async () => {
      const result = await cli(['experiments', 'get', ids[cloud], '--cloud', cloud, '--format', 'json']);
      expect(result.code).toBe(0);
      const expected = JSON.parse(JSON.stringify(await state.providers[cloud].experiments.get(ids[cloud])));
      const printed = JSON.parse(result.stdout);
      // Every answer has its own request id (PAI puts it in the body); all else is the same.
      for (const read of [expected, printed]) delete read.raw.RequestId;
      expect(printed).toEqual(expected);
    });

    it('trials list: CSV, sorted, limited, with a column per hyperparameter', async () => {
      const result = await cli([
        'trials',
        'list',
        ids[cloud],
        '--cloud',
        cloud,
        '--format',
        'csv',
        '--sort',
        'objective',
        '--limit',
        '3',
      ]);
      expect(result.code).toBe(0);
      const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
      const expected = await state.providers[cloud].trials
        .list(ids[cloud], { sortBy: 'objective' })
        .toArray({ limit: 3 });
      expect(rows.map((r) => r.id)).toEqual(expected.map((t) => t.id));
      expect(Object.keys(rows[0] ?? {})).toEqual(
        expect.arrayContaining(['id', 'status', 'objective', 'eta', 'max_depth', 'booster']),
      );
    });
  });

  describe('compare', () => {
    it('--format json is exactly toJson of the same comparison', async () => {
      const result = await cli(['compare', ...refs(), '--format', 'json', '--price', 'ml.m5.xlarge=0.23']);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const runs = CLOUD_NAMES.map((cloud) => ({
        provider: state.providers[cloud],
        experimentId: ids[cloud],
        label: `${cloud}:${ids[cloud]}`,
      }));
      const expected = toJson(await compare(runs, { prices: { 'ml.m5.xlarge': 0.23 } }));
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    });

    it('prints a table by default, Markdown, and CSV of either table, to stdout or --out', async () => {
      const table = await cli(['compare', ...refs()]);
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/^run +status +best validation:auc/);
      const md = await cli(['compare', ...refs(), '--format', 'md']);
      expect(md.stdout).toMatch(/^## Comparison by validation:auc \(maximize\)/);
      const runsCsv = await cli(['compare', ...refs(), '--format', 'csv', '--table', 'runs']);
      expect((parse(runsCsv.stdout, { columns: true }) as unknown[]).length).toBe(3);
      const out = join(mkdtempSync(join(tmpdir(), 'crosstune-cli-')), 'trials.csv');
      const written = await cli(['compare', ...refs(), '--format', 'csv', '--out', out]);
      expect(written).toMatchObject({ code: 0, stdout: '' });
      expect((parse(readFileSync(out, 'utf8'), { columns: true }) as unknown[]).length).toBe(
        3 * SPEC.limits.maxTrials,
      );
    });

    it('refuses runs whose objectives differ, and compares them under --objective', async () => {
      const mapped = await cli(['compare', ...refs(), '--objective', 'auc:maximize', '--format', 'json']);
      expect(mapped.code).toBe(0);
      expect(JSON.parse(mapped.stdout).objective).toMatchObject({ metric: 'auc', rule: 'mapped' });
      const wrong = await cli(['compare', ...refs(), '--objective', 'auc:minimize']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(
        /^crosstune: ObjectiveMismatchError: .* — the runs optimise different objectives/,
      );
    });
  });

  describe('compare, its options', () => {
    const json = async (args: string[]) => {
      const result = await cli(['compare', ...args, '--format', 'json']);
      expect(result.code, args.join(' ')).toBe(0);
      return JSON.parse(result.stdout);
    };

    it('refuses a malformed price, metric, objective, tolerance or run, naming the form it takes', async () => {
      const PRICE = 'expected <instance type>=<price per instance-hour>, e.g. ml.m5.xlarge=0.23';
      const METRIC = 'expected <run>=<metric>, e.g. pai:mi0sIBk=default';
      const OBJECTIVE = 'expected <metric>:<maximize|minimize>, e.g. auc:maximize';
      const TOLERANCE = 'expected a fraction, e.g. 0.01 for 1 %';
      for (const [option, value, message] of [
        ['--price <type=price>', 'ml.m5.xlarge', PRICE],
        ['--price <type=price>', '=0.23', PRICE],
        ['--price <type=price>', 'ml.m5.xlarge=cheap', PRICE],
        ['--price <type=price>', 'ml.m5.xlarge=-1', PRICE],
        ['--price <type=price>', 'ml.m5.xlarge=', PRICE],
        ['--price <type=price>', 'ml.m5.xlarge=1=2', PRICE],
        ['--price <type=price>', 'ml.m5.xlarge= ', PRICE],
        ['--metric <run=metric>', `pai:${ids.pai}`, METRIC],
        ['--metric <run=metric>', '=default', METRIC],
        ['--metric <run=metric>', `pai:${ids.pai}=`, METRIC],
        ['--objective <metric:direction>', 'auc', OBJECTIVE],
        ['--objective <metric:direction>', ':maximize', OBJECTIVE],
        ['--objective <metric:direction>', 'auc:upwards', OBJECTIVE],
        ['--tolerance <fraction>', '-0.01', TOLERANCE],
        ['--tolerance <fraction>', 'one', TOLERANCE],
      ] as const) {
        const flag = option.split(' ')[0] as string;
        const result = await cli(['compare', ...refs(), flag, value]);
        expect(result, `${flag} ${value}`).toMatchObject({ code: 2, stdout: '' });
        expect(result.stderr).toContain(`option '${option}' argument '${value}' is invalid. ${message}`);
      }
      const alone = await cli(['compare', ...refs(), '--metric', `pai:${ids.pai}=default`]);
      expect(alone).toMatchObject({ code: 2, stdout: '' });
      expect(alone.stderr).toMatch(/^crosstune: InvalidArgumentError: --metric needs --objective/);
      for (const run of [`Xpai:${ids.pai}`, `pai:${ids.pai}\nmore`]) {
        const result = await cli(['compare', run]);
        expect(result.code, run).toBe(2);
        expect(result.stderr).toContain('is not <cloud>:<experiment> (cloud: sagemaker, pai, modelarts;');
      }
    });

    it('compares with what it is given: a price of 0, no tolerance, a metric for one run, a run in a region', async () => {
      const priced = await json([...refs(), '--price', 'ml.m5.xlarge=0', '--tolerance', '0']);
      expect(priced.tolerance).toBe(0);
      expect(priced.pricing.prices).toEqual({ 'ml.m5.xlarge': 0 });
      expect((await json(refs())).pricing).toBeNull();
      const mapped = await json([
        ...refs(),
        '--objective',
        'auc:maximize',
        '--metric',
        `pai:${ids.pai}=default`,
      ]);
      expect(mapped.objective.runs).toContainEqual({
        label: `pai:${ids.pai}`,
        metric: 'default',
        direction: 'maximize',
      });
      // The region picks the provider; the run is labelled without it.
      const regional = await json([`pai@${fakes.pai.region}:${ids.pai}`, `sagemaker:${ids.sagemaker}`]);
      expect(regional.runs.map((r: { label: string }) => r.label)).toEqual([
        `pai:${ids.pai}`,
        `sagemaker:${ids.sagemaker}`,
      ]);
    });
  });

  describe('regions', () => {
    it("takes a cloud's region from --region or from each variable it reads, and names them all when none is set", async () => {
      const without = (names: string[]) =>
        Object.fromEntries(Object.entries(state.env).filter(([name]) => !names.includes(name)));
      const ALL = ['AWS_REGION', 'CROSSTUNE_PAI_REGION', 'CROSSTUNE_MODELARTS_REGION'];
      for (const [cloud, variable] of [
        ['sagemaker', 'CROSSTUNE_SAGEMAKER_REGION'],
        ['sagemaker', 'AWS_REGION'],
        ['sagemaker', 'AWS_DEFAULT_REGION'],
        ['pai', 'CROSSTUNE_PAI_REGION'],
        ['pai', 'ALIBABA_CLOUD_REGION_ID'],
        ['modelarts', 'CROSSTUNE_MODELARTS_REGION'],
        ['modelarts', 'HUAWEICLOUD_SDK_REGION'],
      ] as const) {
        const env = { ...without(ALL), [variable]: fakes[cloud].region };
        const result = await run(
          ['experiments', 'get', ids[cloud], '--cloud', cloud, '--format', 'json'],
          env,
        );
        expect(result.code, variable).toBe(0);
        expect(JSON.parse(result.stdout).id).toBe(ids[cloud]);
      }
      const flagged = await run(
        ['experiments', 'get', ids.pai, '--cloud', 'pai', '--region', fakes.pai.region, '--format', 'json'],
        without(ALL),
      );
      expect(flagged.code).toBe(0);
      const none = await run(['experiments', 'list', '--cloud', 'pai'], without(ALL));
      expect(none).toMatchObject({ code: 2, stdout: '' });
      expect(none.stderr).toMatch(
        /^crosstune: InvalidArgumentError: No region for pai: pass --region or set CROSSTUNE_PAI_REGION or ALIBABA_CLOUD_REGION_ID/,
      );
    });
  });

  describe('report', () => {
    it('writes one self-contained HTML page of the comparison, nothing on stdout', async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'crosstune-cli-')), 'report.html');
      const result = await cli(['report', ...refs(), '--out', out, '--title', 'Three clouds <compared>']);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`crosstune: wrote ${out} (3 runs, ${3 * SPEC.limits.maxTrials} trials)\n`);
      const html = readFileSync(out, 'utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      // The title is text, escaped: no <compared> element appears.
      expect(html).toContain('<title>Three clouds &lt;compared');
      expect(html).not.toContain('<compared>');
      for (const ref of refs()) expect(html).toContain(`data-series="${ref}"`);
      expect(html).not.toMatch(/<script|<link|src="http/i);
      expect((await cli(['report', ...refs()])).code).toBe(2);
    });
  });

  describe('options', () => {
    it('refuses a count that is not a whole number from 1, a negative time and an unknown choice, naming what it takes', async () => {
      const experiment = ids.pai;
      for (const [args, message] of [
        [
          ['trials', 'list', experiment, '--limit', '0'],
          "option '--limit <n>' argument '0' is invalid. expected an integer of 1 or more",
        ],
        [
          ['trials', 'list', experiment, '--page-size', '1.5'],
          "option '--page-size <n>' argument '1.5' is invalid. expected an integer of 1 or more",
        ],
        [
          ['experiments', 'list', '--timeout', '-1'],
          "option '--timeout <ms>' argument '-1' is invalid. expected a number of milliseconds, 0 or more",
        ],
        [
          ['trials', 'list', experiment, '--status', 'done'],
          'Allowed choices are pending, running, stopping, stopped, early_stopped, completed, failed, unknown.',
        ],
        [
          ['experiments', 'list', '--status', 'early_stopped'],
          'Allowed choices are pending, running, stopping, stopped, completed, failed, deleting, unknown.',
        ],
        [['experiments', 'list', '--order', 'sideways'], 'Allowed choices are asc, desc.'],
        [['experiments', 'list', '--sort', 'objective'], 'Allowed choices are name, createdAt, status.'],
      ] as const) {
        const result = await cli([...args, '--cloud', 'pai']);
        expect(result, args.join(' ')).toMatchObject({ code: 2, stdout: '' });
        expect(result.stderr).toContain(message);
      }
    });

    it('leaves the limits of a time to the library, which names its own range', async () => {
      const result = await cli(['experiments', 'get', ids.pai, '--cloud', 'pai', '--timeout', '0']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^crosstune: InvalidArgumentError \(pai\): pai\(\): timeoutMs must be a number of milliseconds from 1 to 2147483647, got 0/,
      );
    });

    it('lists what it is asked for: a status, a name, at most --limit, one experiment as a table', async () => {
      const cloud = 'sagemaker';
      const rows = async (args: string[]) => {
        const result = await cli([...args, '--cloud', cloud, '--format', 'csv']);
        expect(result.code, args.join(' ')).toBe(0);
        return parse(result.stdout, { columns: true }) as Record<string, string>[];
      };
      const completed = await rows(['trials', 'list', ids[cloud], '--status', 'completed']);
      const expected = await state.providers[cloud].trials
        .list(ids[cloud], { status: 'completed' })
        .toArray();
      expect(completed.map((r) => r.id)).toEqual(expected.map((t) => t.id));
      expect(await rows(['trials', 'list', ids[cloud], '--limit', '1', '--page-size', '1'])).toHaveLength(1);
      expect((await rows(['experiments', 'list', '--name-contains', SPEC.name])).map((r) => r.id)).toContain(
        ids[cloud],
      );
      expect(await rows(['experiments', 'list', '--name-contains', 'no-such-name'])).toEqual([]);
      expect(await rows(['experiments', 'list', '--limit', '1'])).toHaveLength(1);
      const table = await cli(['experiments', 'get', ids[cloud], '--cloud', cloud]);
      const [header, , row] = table.stdout.split('\n');
      expect(header).toMatch(/^id +name +status/);
      expect(row).toMatch(new RegExp(`^${ids[cloud]} +${SPEC.name} +completed`));
    });
  });

  describe('errors', () => {
    it('one line with class, cloud code, request id and what to do; no stack, no secret', async () => {
      const result = await cli(['experiments', 'get', 'no-such-job', '--cloud', 'sagemaker']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^crosstune: NotFoundError \(sagemaker DescribeHyperParameterTuningJob, ResourceNotFound, request [0-9a-f-]+\): .+ — check the id, --cloud and --region$/,
      );
      expect(result.stderr).not.toContain(state.env.AWS_SECRET_ACCESS_KEY);
    });

    it('masks a secret from the environment wherever it turns up, even as an argument', async () => {
      // Another cloud's token, which no adapter here was given: only the command line knows it.
      const secret = 'cli-only-token-0123456789';
      const env = { ...state.env, ALIBABA_CLOUD_SECURITY_TOKEN: secret };
      const result = await run(['experiments', 'get', secret, '--cloud', 'sagemaker'], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("can't find a tuning job called [REDACTED].");
      expect(result.stderr).not.toContain(secret);
    });

    it('--verbose adds the causes, still without a stack or a secret', async () => {
      const env: Record<string, string> = { ...state.env, CROSSTUNE_PAI_ENDPOINT: 'http://127.0.0.1:9' };
      const result = await run(
        ['--verbose', 'experiments', 'get', 'x', '--cloud', 'pai', '--timeout', '2000'],
        env,
      );
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^crosstune: NetworkError \(pai GetHpoExperiment, ECONNREFUSED\)/);
      expect(lines.slice(1)).toEqual(['  caused by Error: connect ECONNREFUSED 127.0.0.1:9']);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
    });
  });
});
