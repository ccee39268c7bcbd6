// `npm run build`: tsup, refusing any warning it prints. A declaration that names a type no entry
// exports is only a warning to tsup, but a user's own declarations then fail (TS2742).
import { spawnSync } from 'node:child_process';

const run = spawnSync('tsup', process.argv.slice(2), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
process.stdout.write(run.stdout ?? '');
process.stderr.write(run.stderr ?? '');
if (run.error) throw run.error;
if (run.status !== 0) process.exit(run.status ?? 1);
const warnings = `${run.stdout}\n${run.stderr}`
  .split('\n')
  .filter((line) => /\bwarn(ing)?\b|\[plugin dts\]/i.test(line));
if (warnings.length > 0) {
  console.error(`\nbuild: ${warnings.length} warning(s); the build must print none:\n${warnings.join('\n')}`);
  process.exit(1);
}
