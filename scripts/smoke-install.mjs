// Installs the packed package into an empty project, as a user would (`npm install crosstune msw`),
// and runs the installed `crosstune` command: what the package ships must be enough.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { version, devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'crosstune-install-'));
const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
try {
  const tarball = npm(['pack', '--silent', '--pack-destination', work], root).trim().split('\n').at(-1);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
  npm(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      join(work, tarball),
      `msw@${devDependencies.msw}`,
    ],
    work,
  );
  const bin = join(work, 'node_modules', '.bin', 'crosstune');
  assert.equal(
    execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim(),
    version,
    'the installed command runs',
  );
  const demo = execFileSync(bin, ['demo'], { cwd: work, encoding: 'utf8' });
  assert.match(
    demo,
    /== the same experiment on every cloud/,
    'crosstune demo runs from the installed package',
  );
  console.log(`install smoke test: ${tarball} installs, and its crosstune command runs (--version, demo)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
