/**
 * `crosstune/compare`: runs of hyperparameter tuning on any of the clouds, compared by one
 * objective — summaries, one row per trial, best-so-far curves, parameter importance, cost — and
 * exported as CSV, JSON or Markdown. Loads no provider: pass providers from their own subpaths.
 *
 * @module crosstune/compare
 */
import { assertSupportedNode } from '../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export { compare, DEFAULT_TOLERANCE } from './compare.js';
export { type CsvOptions, toCsv } from './csv.js';
export { ObjectiveMismatchError, type RunObjective } from './errors.js';
export { IMPORTANCE_METHOD } from './importance.js';
export { COMPARISON_JSON_VERSION, type ComparisonJson, toJson } from './json.js';
export { toMarkdown } from './markdown.js';
export type * from './types.js';
