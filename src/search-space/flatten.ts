/**
 * For dialects without conditional parameters (SageMaker, ModelArts). A nested choice becomes a
 * plain choice of its branch names and every branch parameter becomes a top-level parameter that
 * every trial receives. A branch parameter keeps its own name unless another parameter has it
 * too; then it is named by its path (`optimizer.adam.lr`).
 */
import { SearchSpaceError } from './errors.js';
import { type LossLog, show } from './loss.js';
import type { Param, SearchSpace } from './types.js';

export interface FlatParam {
  /** The name written to the dialect. */
  readonly name: string;
  /** Where the parameter sits in the neutral space, for loss reports. */
  readonly path: string;
  readonly param: Exclude<Param, { kind: 'conditional' }>;
}

interface Entry {
  readonly own: string;
  readonly path: string;
  readonly param: FlatParam['param'];
  /** Path of the nearest enclosing conditional, if any. */
  readonly owner: string | undefined;
  /** Whether this entry is a conditional turned into a plain choice of its branch names. */
  readonly conditional: boolean;
}

export function flatten(spec: SearchSpace, log: LossLog): FlatParam[] {
  const entries: Entry[] = [];
  collect(spec, undefined, undefined, entries);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.own, (counts.get(e.own) ?? 0) + 1);
  const flat = entries.map((e) => ({ ...e, name: counts.get(e.own) === 1 ? e.own : e.path }));
  const names = new Set(flat.map((f) => f.name));
  if (names.size !== flat.length) {
    throw new SearchSpaceError('Cannot flatten the conditional parameters', {
      issues: ['two parameters end up with the same name; rename one of them'],
    });
  }
  for (const c of flat.filter((f) => f.conditional)) {
    const children = flat.filter((f) => f.owner === c.path).map((f) => f.name);
    log.add(
      c.path,
      'flattened-conditional',
      `branch parameters that exist only under their branch (${children.join(', ') || 'none'})`,
      // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a flattened conditional is always a choice; the [] only satisfies the type.
      `a plain choice of the branch names ${show(c.param.kind === 'choice' ? c.param.values : [])}; every trial gets every branch parameter`,
    );
  }
  return flat.map(({ name, path, param }) => ({ name, path, param }));
}

function collect(
  spec: SearchSpace,
  prefix: string | undefined,
  owner: string | undefined,
  out: Entry[],
): void {
  for (const [own, param] of Object.entries(spec)) {
    const path = prefix === undefined ? own : `${prefix}.${own}`;
    if (param.kind !== 'conditional') {
      out.push({ own, path, param, owner, conditional: false });
      continue;
    }
    out.push({
      own,
      path,
      param: { kind: 'choice', values: Object.keys(param.branches) },
      owner,
      conditional: true,
    });
    for (const [branch, sub] of Object.entries(param.branches)) collect(sub, `${path}.${branch}`, path, out);
  }
}
