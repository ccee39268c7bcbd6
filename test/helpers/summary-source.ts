/**
 * A cloud scripted for `summarize` (core/progress/summarize.ts): one experiment, its trials in
 * `pages` pages as a listing yields them, and what the cloud reports of the whole; `calls`
 * receives the options `get` is called with.
 */
import { Paginated } from '../../src/core/paginate.js';
import type { ReportedTotals, SummarySource } from '../../src/core/progress/summarize.js';
import type { Experiment, Trial } from '../../src/core/types.js';

export function scriptedSource(
  experiment: Experiment,
  trials: readonly Trial[],
  {
    pages = 1,
    reported = {},
    calls = [],
  }: { pages?: number; reported?: ReportedTotals; calls?: unknown[] } = {},
): SummarySource {
  return {
    get: async (_id, options) => {
      calls.push(options);
      return experiment;
    },
    all: () =>
      new Paginated<Trial>(async function* () {
        const size = Math.ceil(trials.length / pages);
        for (let page = 0; page < pages; page++) {
          const last = page === pages - 1;
          yield {
            items: last ? trials.slice(page * size) : trials.slice(page * size, (page + 1) * size),
            cursor: last ? undefined : `page-${page + 1}`,
            raw: {},
          };
        }
      }),
    reported: () => reported,
  };
}
