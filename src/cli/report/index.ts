/**
 * The HTML report of a comparison, for `crosstune report`.
 *
 * `renderReport(comparison, options?)` returns one self-contained HTML document — inline CSS and
 * SVG, no script, nothing fetched, readable from disk in light and dark colour schemes — with the
 * runs side by side, best-so-far curves by trial and by time, the objective's distribution, each
 * hyperparameter against the objective, what mattered, trial statuses and the trials left out of
 * the ranking and why. Charts are drawn by Observable Plot into a server-side DOM (linkedom), so
 * this module is only for the CLI to load, lazily: no library entry point imports it.
 */
export { type ReportOptions, renderReport } from './render.js';
