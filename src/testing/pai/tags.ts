/** Resource tags (2025 metadata, reference §2): `[{Key, Value}]`, at most 20. */
import { invalid } from './input.js';

export type Tag = { Key: string; Value: string };

export const MAX_TAGS = 20;

export function readTags(value: unknown, path: string): Tag[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(path, 'must be an array of {Key, Value}');
  if (value.length > MAX_TAGS) throw invalid(path, `at most ${MAX_TAGS} tags, got ${value.length}`);
  return value.map((tag, i) => {
    const t = tag as Partial<Tag> | null;
    if (typeof t !== 'object' || t === null || typeof t.Key !== 'string' || t.Key === '') {
      throw invalid(`${path}[${i}]`, 'must be {Key, Value} with a non-empty string Key');
    }
    if (t.Value !== undefined && typeof t.Value !== 'string')
      throw invalid(`${path}[${i}].Value`, 'must be a string');
    return { Key: t.Key, Value: t.Value ?? '' };
  });
}

/** ListHpoExperiments' `Tag` query: JSON text of the same array (`style: json`, unverified). */
export function readTagQuery(text: string | null): Tag[] | undefined {
  if (text === null || text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('Tag', 'must be JSON text of [{"Key": …, "Value": …}]');
  }
  return readTags(value, 'Tag');
}

export function hasTags(tags: readonly Tag[], wanted: readonly Tag[]): boolean {
  return wanted.every((w) => tags.some((t) => t.Key === w.Key && (w.Value === '' || t.Value === w.Value)));
}
