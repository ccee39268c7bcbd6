// `npm run mutate [-- [files…] [--since <git ref>] [stryker options…]]`: StrykerJS over every file
// of src (stryker.config.mjs), or over the files given, or over the src files changed since a git
// ref (committed or not). Other options go to Stryker as they are (`--concurrency 2`,
// `--incremental`). Each run's results are merged, file by file, into
// reports/mutation/files.json, and the per-file table of everything measured so far is printed
// (Markdown, as docs/testing.md shows it), with the mutants left alive listed per file in
// files.json; `--table` prints the table without running anything.
//
// The files are mutated area by area, each area against its own test files (GROUPS): a mutant
// that runs while a module loads ("static") has no per-test coverage and runs every test the
// area selects, which against the whole suite costs about a minute each. A narrower selection
// can only kill fewer mutants, never more, so the scores are if anything understated.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** This process's JSON report (read by stryker.config.mjs): runs side by side never share one. */
const REPORT = `reports/mutation/run-${process.pid}.json`;
const MERGED = 'reports/mutation/files.json';
/** The files the issue's goal covers; the table gives their total apart. */
const GOAL = [/^src\/core\//, /^src\/search-space\//, /^src\/providers\/[^/]+\/(normalize|decode)\.ts$/];

/** Areas of src, each mutated against the tests that exercise it; the rest against related tests. */
const GROUPS = [
  {
    files: /^src\/core\/paginate/,
    tests: [
      'test/core/paginate*.test.ts',
      'test/core/sagemaker-read-ahead.test.ts',
      'test/*/paging.test.ts',
      'test/pai/one-page-at-a-time.test.ts',
      // The objective sorts (core/paginate-ranked.ts).
      'test/sagemaker/trials.test.ts',
    ],
  },
  {
    // The comparison, against its own tests (the CLI's run the built package in subprocesses,
    // where a mutant of src never reaches).
    files: /^src\/compare\//,
    tests: ['test/compare/**/*.test.ts'],
  },
  {
    // The HTML report's model and page, rendered in-process by their own tests (the CLI's other
    // tests run the built package in subprocesses).
    files: /^src\/cli\/report\//,
    tests: ['test/cli/report-render.test.ts'],
  },
  {
    // The commands' wiring (arguments, options, exit codes, error lines), run in-process by the
    // command tests beside the built CLI's subprocesses; `watch` and `demo` run only as subprocesses.
    files: /^src\/cli\/(commands\/(compare|listings|report)|program|options|errors|run|clouds)\.ts$/,
    tests: ['test/cli/commands.test.ts', 'test/cli/errors.test.ts'],
  },
  {
    // What the commands print (tables, listings, progress), to the character, in-process.
    files: /^src\/cli\/(table|comparison-table|output|progress)\.ts$/,
    tests: ['test/cli/tables.test.ts', 'test/cli/output.test.ts'],
  },
  {
    // Shared rules the neutral layer applies (rankings for summaries, watches and comparisons; a
    // trial as its training job): exercised through compare, progress and the providers' listings,
    // not by the core tests. Named here: with no list, the area would fall to Stryker's related
    // mode, which finds no test for them.
    files: /^src\/core\/(ranking|training-job)\.ts$/,
    tests: [
      'test/core/ranking.test.ts',
      'test/compare/**/*.test.ts',
      'test/progress/**/*.test.ts',
      'test/sagemaker/summary.test.ts',
      'test/sagemaker/trials.test.ts',
      'test/pai/provider.test.ts',
      'test/core/typed-raw.test.ts',
    ],
  },
  {
    // The client's and a call's options, and the ids every call checks: refused before anything
    // is sent, through each cloud's factory and neutral calls.
    files: /^src\/core\/(options|ids)\.ts$/,
    tests: [
      'test/core/options*.test.ts',
      'test/core/ids*.test.ts',
      'test/reliability/options.test.ts',
      'test/reliability/hostile-ids.test.ts',
      'test/core/execute.test.ts',
      'test/core/retry-budget.test.ts',
    ],
  },
  {
    // wait, watch and summarize: the poller on its own, and each through the clouds' fakes.
    files: /^src\/core\/progress\//,
    tests: [
      'test/core/poll*.test.ts',
      'test/core/wait*.test.ts',
      'test/core/watch*.test.ts',
      'test/core/summarize*.test.ts',
      'test/progress/**/*.test.ts',
      'test/sagemaker/summary.test.ts',
      'test/core/typed-raw.test.ts',
    ],
  },
  {
    files: /^src\/core\/[^/]+\.ts$/,
    tests: [
      'test/core/errors.test.ts',
      'test/core/fields.test.ts',
      'test/core/redact.test.ts',
      'test/core/once.test.ts',
      'test/core/bounded.test.ts',
      'test/core/created.test.ts',
      // A create's compile losses (core/created.ts).
      'test/*/create.test.ts',
      'test/sagemaker/secrets.test.ts',
      'test/*/errors.test.ts',
      'test/*/decode.test.ts',
      'test/*/normalize.test.ts',
    ],
  },
  {
    files: /^src\/core\/http\//,
    tests: [
      'test/core/execute*.test.ts',
      'test/core/decode*.test.ts',
      'test/core/retry.test.ts',
      'test/core/retry-budget.test.ts',
      'test/core/failures.test.ts',
      'test/core/error-tables.test.ts',
      // The poller retries by the same rule (isRetryable); a fetch that resolves with no Response.
      'test/core/poll.test.ts',
      'test/reliability/options.test.ts',
      'test/core/transport*.test.ts',
      // No {a,b} braces: the list is joined with commas.
      ...['retries', 'transport', 'dispatcher', 'create-reconcile', 'credentials', 'errors'].map(
        (name) => `test/sagemaker/${name}.test.ts`,
      ),
      ...['transport', 'errors', 'loopback'].map((name) => `test/pai/${name}.test.ts`),
      ...['auth', 'errors', 'identity'].map((name) => `test/modelarts/${name}.test.ts`),
    ],
  },
  {
    // Schemas built on first use (core/once.ts): per-test coverage credits only the test that
    // happened to build one, so their mutants run against every test of the area instead.
    files: /^src\/search-space\/(schema|dialects\/[^/]+\/parse)\.ts$/,
    tests: ['test/search-space/**/*.test.ts', 'test/sagemaker/search-space.test.ts'],
    options: ['--coverageAnalysis', 'all'],
  },
  {
    files: /^src\/search-space\//,
    tests: ['test/search-space/**/*.test.ts', 'test/sagemaker/search-space.test.ts'],
  },
  { files: /^src\/providers\/sagemaker\//, tests: ['test/sagemaker/**/*.test.ts'] },
  { files: /^src\/providers\/pai\//, tests: ['test/pai/**/*.test.ts'] },
  { files: /^src\/providers\/modelarts\//, tests: ['test/modelarts/**/*.test.ts'] },
  { files: /^src\/testing\//, tests: ['test/testing/**/*.test.ts'] },
];

const args = process.argv.slice(2);
const files = [];
const passed = [];
let tableOnly = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--table') tableOnly = true;
  else if (arg === '--since') files.push(...changedSince(args[++i]));
  else if (arg.startsWith('src/')) files.push(arg);
  else passed.push(arg);
}
if (args.includes('--since') && files.length === 0) {
  console.log('No file of src changed since that ref: nothing to mutate.');
  process.exit(0);
}

if (!tableOnly) {
  for (const { mutate, tests, options } of runs(files.length > 0 ? files : sourceFiles())) {
    console.log(`\n== mutating ${mutate.length} file(s)${tests ? ` against ${tests.join(' ')}` : ''}`);
    const run = spawnSync(
      'stryker',
      ['run', 'stryker.config.mjs', '--mutate', mutate.join(','), ...options, ...passed],
      {
        stdio: 'inherit',
        shell: process.platform === 'win32',
        // Read by vitest.mutate.config.ts.
        env: {
          ...process.env,
          CROSSTUNE_MUTATE_TESTS: tests?.join(',') ?? '',
          CROSSTUNE_MUTATE_REPORT: REPORT,
          // Tests that run the built package twice over (in a subprocess and in-process from src)
          // keep only the in-process run: no mutant reaches dist, which the sandbox does not have.
          CROSSTUNE_MUTATING: '1',
          // Far from UTC, so that a date read as local time is caught by every test expecting UTC,
          // not only by those that switch the zone themselves.
          TZ: process.env.TZ || 'Asia/Shanghai',
        },
      },
    );
    if (run.status !== 0) process.exit(run.status ?? 1);
    merge();
  }
}
console.log(table());

/** The files grouped into runs: one per area, with its tests; files of no area, by related tests. */
function runs(list) {
  const byGroup = new Map();
  for (const file of list) {
    const group = GROUPS.find(({ files }) => files.test(file));
    const key = group ?? 'related';
    byGroup.set(key, [...(byGroup.get(key) ?? []), file]);
  }
  return [...byGroup].map(([group, mutate]) => ({
    mutate,
    tests: group === 'related' ? undefined : group.tests,
    options: group === 'related' ? [] : (group.options ?? []),
  }));
}

function sourceFiles() {
  return spawnSync('git', ['ls-files', 'src'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((f) => f.endsWith('.ts'));
}

function changedSince(ref) {
  if (!ref) throw new Error('--since needs a git ref, e.g. --since main');
  const git = (...command) =>
    spawnSync('git', command, { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((file) => /^src\/.*\.ts$/.test(file));
  const changed = git('diff', '--name-only', '--diff-filter=AMR', ref, '--', 'src');
  return [...new Set([...changed, ...git('ls-files', '--others', '--exclude-standard', 'src')])];
}

/** The latest result of every file measured, this run's replacing earlier ones. */
function merge() {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  rmSync(REPORT);
  const merged = existsSync(MERGED) ? JSON.parse(readFileSync(MERGED, 'utf8')) : {};
  const at = new Date().toISOString();
  for (const [file, { mutants, source }] of Object.entries(report.files)) {
    const count = (status) => mutants.filter((m) => m.status === status).length;
    const lines = source.split('\n');
    const original = ({ start, end }) =>
      start.line === end.line ? lines[start.line - 1].slice(start.column - 1, end.column - 1) : '…';
    merged[file] = {
      at,
      killed: count('Killed'),
      timeout: count('Timeout'),
      survived: count('Survived'),
      noCoverage: count('NoCoverage'),
      ignored: count('Ignored'),
      errors: count('CompileError') + count('RuntimeError'),
      // What is left to kill: where, and what the mutant did.
      survivors: mutants
        .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
        .map(
          (m) =>
            `${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${original(m.location)} → ${m.replacement}`,
        ),
    };
  }
  mkdirSync('reports/mutation', { recursive: true });
  writeFileSync(MERGED, `${JSON.stringify(merged, null, 2)}\n`);
}

function table() {
  if (!existsSync(MERGED)) return 'No mutation results yet: run `npm run mutate`.';
  const merged = JSON.parse(readFileSync(MERGED, 'utf8'));
  const row = (name, r) => {
    const detected = r.killed + r.timeout;
    const total = detected + r.survived + r.noCoverage;
    const score = total === 0 ? 'n/a' : `${((100 * detected) / total).toFixed(1)}`;
    return `| ${name} | ${score} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} |`;
  };
  const sum = (entries) =>
    entries.reduce(
      (t, [, r]) => {
        for (const key of Object.keys(t)) t[key] += r[key];
        return t;
      },
      { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 },
    );
  const entries = Object.entries(merged).sort(([a], [b]) => a.localeCompare(b));
  const goal = entries.filter(([file]) => GOAL.some((pattern) => pattern.test(file)));
  return [
    '| file | score % | killed | timed out | survived | no coverage | ignored (equivalent) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...entries.map(([file, r]) => row(file, r)),
    row('**goal scope** (src/core, src/search-space, providers’ normalize/decode)', sum(goal)),
    row('**all measured**', sum(entries)),
  ].join('\n');
}
