// Every exported function of the API reference carries at least one `@example`. TypeDoc's own
// validation checks that a symbol is documented, not which tags its comment has, so this reads
// the JSON model `npm run docs` writes beside the HTML (typedoc.json `outputs`) and fails,
// naming each function, when one has no example on any of its signatures.
//
//   node scripts/check-doc-examples.mjs [docs/api/reference.json]
import { readFileSync } from 'node:fs';

const FUNCTION = 64; // ReflectionKind.Function in TypeDoc's JSON model
const path = process.argv[2] ?? 'docs/api/reference.json';
const project = JSON.parse(readFileSync(path, 'utf8'));

const hasExample = (comment) => comment?.blockTags?.some((tag) => tag.tag === '@example') ?? false;

const functions = [];
const missing = [];
(function walk(reflection, trail) {
  for (const child of reflection.children ?? []) {
    const name = [...trail, child.name].join('.');
    if (child.kind === FUNCTION) {
      functions.push(name);
      // An overloaded function needs its example on one signature, not on each.
      if (!hasExample(child.comment) && !(child.signatures ?? []).some((s) => hasExample(s.comment)))
        missing.push(name);
    }
    walk(child, [...trail, child.name]);
  }
})(project, []);

if (functions.length === 0) {
  // A model without functions means this script reads the wrong file or a changed format.
  console.error(`${path}: no exported functions found; is this TypeDoc's JSON output?`);
  process.exit(1);
}
if (missing.length > 0) {
  console.error(`${missing.length} of ${functions.length} exported functions have no @example:`);
  for (const name of missing) console.error(`  ${name}`);
  process.exit(1);
}
console.log(`every exported function (${functions.length}) has an @example`);
