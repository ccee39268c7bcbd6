/**
 * Cuts the subset crosstune generates from out of botocore's full SageMaker model: the metadata,
 * the operations named, and every shape they reach (inputs, outputs, errors, members, list items,
 * map keys and values), documentation kept. Adding an operation is then: add its name, run this
 * on botocore's `service-2.json`, run `gen-sagemaker-shapes.ts`, review the diff (CONTRIBUTING.md).
 *
 *   node --import tsx scripts/extract-sagemaker-subset.ts <botocore service-2.json> \
 *     --source "boto/botocore @ <commit> (botocore <version>, committed <date>)" [--add Operation…]
 *
 * The operations are those already in codegen/sagemaker/service-model.json plus any `--add`ed.
 * The cut itself is the pure function `extractSubset`, tested on the committed model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_PATH } from './gen-sagemaker-shapes.js';

type Shape = Record<string, unknown> & { type?: string };

export interface ServiceModel {
  _source?: string;
  version: string;
  metadata: Record<string, unknown>;
  operations: Record<string, Record<string, unknown>>;
  shapes: Record<string, Shape>;
}

/** Names of the shapes a shape refers to directly. */
function referencesOf(shape: Shape): string[] {
  const refs: string[] = [];
  const add = (ref: unknown) => {
    const name = (ref as { shape?: unknown } | undefined)?.shape;
    if (typeof name === 'string') refs.push(name);
  };
  for (const member of Object.values((shape.members as Record<string, unknown> | undefined) ?? {}))
    add(member);
  add(shape.member);
  add(shape.key);
  add(shape.value);
  return refs;
}

export function extractSubset(
  full: ServiceModel,
  operations: readonly string[],
  source: string,
): ServiceModel {
  const missing = operations.filter((name) => !Object.hasOwn(full.operations, name));
  if (missing.length > 0) throw new Error(`Not in the model: ${missing.join(', ')}`);
  const wanted = new Set<string>();
  const queue: string[] = [];
  const visit = (name: string) => {
    if (wanted.has(name)) return;
    if (!Object.hasOwn(full.shapes, name)) throw new Error(`The model refers to a shape it lacks: ${name}`);
    wanted.add(name);
    queue.push(name);
  };
  for (const name of operations) {
    const operation = full.operations[name] as {
      input?: { shape: string };
      output?: { shape: string };
      errors?: { shape: string }[];
    };
    for (const ref of [operation.input, operation.output, ...(operation.errors ?? [])])
      if (ref) visit(ref.shape);
  }
  while (queue.length > 0)
    for (const ref of referencesOf(full.shapes[queue.pop() as string] as Shape)) visit(ref);
  return {
    _source: source,
    version: full.version,
    metadata: full.metadata,
    operations: Object.fromEntries(
      operations.map((name) => [name, full.operations[name] as Record<string, unknown>]),
    ),
    // In the full model's order, so a regenerated subset diffs cleanly.
    shapes: Object.fromEntries(Object.entries(full.shapes).filter(([name]) => wanted.has(name))),
  };
}

function main(argv: readonly string[]): void {
  const [input, ...rest] = argv;
  const source = rest[rest.indexOf('--source') + 1];
  if (!input || !rest.includes('--source') || !source) {
    throw new Error(
      'usage: extract-sagemaker-subset.ts <service-2.json> --source "<where it came from>" [--add Op…]',
    );
  }
  const added = rest.includes('--add')
    ? rest.slice(rest.indexOf('--add') + 1).filter((a) => !a.startsWith('--'))
    : [];
  const current = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as ServiceModel;
  const operations = [...new Set([...Object.keys(current.operations), ...added])];
  const full = JSON.parse(readFileSync(input, 'utf8')) as ServiceModel;
  const subset = extractSubset(
    full,
    operations,
    `${source}: botocore/data/sagemaker/2017-07-24/service-2.json — subset: metadata, ${operations.length} HPO-related operations and the transitive closure of their shapes. Documentation strings kept.`,
  );
  writeFileSync(MODEL_PATH, `${JSON.stringify(subset, null, 2)}\n`);
  console.log(`${MODEL_PATH}: ${operations.length} operations, ${Object.keys(subset.shapes).length} shapes`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
