/**
 * PAI substitutes search-space keys written as `${name}` into the platform commands
 * (reference: pai.md §5), and returns trial hyperparameters under the same keys. `${exp_id}`
 * and `${trial_id}` are the service's own.
 */
import type { SearchSpace } from '../../types.js';

export const PAI_RESERVED_NAMES: readonly string[] = ['exp_id', 'trial_id'];

export function toPlaceholder(name: string): string {
  return `\${${name}}`;
}

/** The parameter name inside a `${name}` key; a bare key is taken as the name itself. */
export function fromPlaceholder(key: string): string {
  // What /^\$\{(.+)\}$/ reads, without building a match for every key of every trial read.
  if (key.length < 4 || !key.startsWith('${') || !key.endsWith('}')) return key;
  const name = key.slice(2, -1);
  return LINE_BREAK.test(name) ? key : name;
}

/** What `.` does not match. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The `${name}` keys a space compiles to on PAI, nested ones included, in order: what a PAI
 * command line can refer to.
 *
 * @example
 * ```ts
 * import { float, int, paiPlaceholders, space } from 'crosstune';
 *
 * const keys = paiPlaceholders(space({ lr: float(1e-4, 0.1), epochs: int(1, 10) }));
 * const cmd = `python train.py ${keys.map((key) => `--${key.slice(2, -1)}=${key}`).join(' ')}`;
 * // python train.py --lr=${lr} --epochs=${epochs}
 * ```
 */
export function paiPlaceholders(spec: SearchSpace): string[] {
  const keys = new Set<string>();
  const visit = (s: SearchSpace): void => {
    for (const [name, param] of Object.entries(s)) {
      if (PAI_RESERVED_NAMES.includes(name)) continue;
      keys.add(toPlaceholder(name));
      if (param.kind === 'conditional') for (const sub of Object.values(param.branches)) visit(sub);
    }
  };
  visit(spec);
  return [...keys];
}
