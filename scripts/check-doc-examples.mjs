// The API reference's examples: every exported function has at least one `@example`, and every
// example compiles. TypeDoc's own validation checks that a symbol is documented, not which tags
// its comment has, so this reads the JSON model `npm run docs` writes beside the HTML
// (typedoc.jsonc `outputs`). It fails naming each function without an example, and type-checks
// each example's code against src (tsconfig.json `paths` map `crosstune/...` there, as for
// examples/), written out under docs/api/examples/.
//
//   node scripts/check-doc-examples.mjs [docs/api/reference.json]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FUNCTION = 64; // ReflectionKind.Function in TypeDoc's JSON model
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const path = resolve(root, process.argv[2] ?? 'docs/api/reference.json');
const project = JSON.parse(readFileSync(path, 'utf8'));

const examplesOf = (comment) => (comment?.blockTags ?? []).filter((tag) => tag.tag === '@example');

const functions = [];
const missing = [];
/** name → the code of each of its examples */
const examples = new Map();
(function walk(reflection, trail) {
  for (const child of reflection.children ?? []) {
    const name = [...trail, child.name].join('.');
    const tags = [child.comment, ...(child.signatures ?? []).map((s) => s.comment)].flatMap(examplesOf);
    // A reference (a name re-exported by another entry point) repeats its target's comment.
    if (child.variant !== 'reference' && tags.length > 0) {
      // Overloads share one comment: each block once.
      const code = tags.flatMap((tag) =>
        tag.content.filter((part) => part.kind === 'code').map((p) => p.text),
      );
      examples.set(name, [...new Set(code)]);
    }
    if (child.kind === FUNCTION) {
      functions.push(name);
      // An overloaded function needs its example on one signature, not on each.
      if (tags.length === 0) missing.push(name);
    }
    walk(child, [...trail, child.name]);
  }
})(project, []);

if (functions.length === 0) {
  // A model without functions means this script reads the wrong file or a changed format.
  console.error(`${path}: no exported functions found; is this TypeDoc's JSON output?`);
  process.exit(1);
}
let failed = false;
if (missing.length > 0) {
  console.error(`${missing.length} of ${functions.length} exported functions have no @example:`);
  for (const name of missing) console.error(`  ${name}`);
  failed = true;
}

// Each example as a module of its own (`export {}`), so that examples never share a scope.
const dir = join(dirname(path), 'examples');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const files = [];
for (const [name, blocks] of examples) {
  blocks.forEach((block, i) => {
    const fence = /^```(\w*)\n([\s\S]*?)\n?```$/.exec(block.trim());
    if (!fence || !['ts', 'typescript'].includes(fence[1] ?? '')) {
      console.error(`${name}: an @example that is not one \`\`\`ts block`);
      failed = true;
      return;
    }
    const file = join(dir, `${name.replace(/[^\w.-]/g, '_')}.${i + 1}.ts`);
    writeFileSync(file, `// @example of ${name}\n${fence[2]}\nexport {};\n`);
    files.push(file);
  });
}
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: relative(dir, join(root, 'tsconfig.json')), include: ['*.ts'] }, null, 2),
);
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')],
  { cwd: root, encoding: 'utf8' },
);
if (tsc.status !== 0) {
  console.error(`the API reference's examples do not compile:\n${tsc.stdout}${tsc.stderr}`);
  failed = true;
}

if (failed) process.exit(1);
console.log(
  `every exported function (${functions.length}) has an @example; all ${files.length} examples compile`,
);
