/**
 * ModelArts pages by `offset` and `limit`, but its documents disagree on what `offset` counts
 * (reference §6): the autosearch-trials page says records ("数据条目偏移量"), the SDK docstrings
 * and the job-search page say pages. The fake does either, per API, so a client can be tested
 * against both.
 */
export type OffsetMeaning = 'record' | 'page';

/** What `offset` counts in each of the ModelArts fake's listings (the documents disagree), to test clients against both. */
export interface OffsetMeanings {
  /** GET …/autosearch-trials. Default `record`, as the zh API page says. */
  trials?: OffsetMeaning;
  /** POST …/training-job-searches. Default `page`, as the job-search page says. */
  searches?: OffsetMeaning;
}

export const DEFAULT_OFFSET_MEANINGS: Required<OffsetMeanings> = { trials: 'record', searches: 'page' };

/** The items an answer holds: from record `offset`, or from page `offset` of `limit` items. */
export function pageOf<T>(items: readonly T[], offset: number, limit: number, meaning: OffsetMeaning): T[] {
  const start = meaning === 'record' ? offset : offset * limit;
  return items.slice(start, start + limit);
}
