/**
 * Matching a request path against a route's segments (`training-jobs/:job`), as the REST fakes
 * route: literal segments must be equal, `:name` segments capture one non-empty, URL-decoded part.
 */

/** The captured parameters, or undefined when the parts do not fit the segments. */
export function matchSegments(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  const matched = segments.every((segment, i) => {
    const part = parts[i] ?? '';
    if (!segment.startsWith(':')) return segment === part;
    const value = decodeSegment(part);
    if (value === undefined || value === '') return false;
    params[segment.slice(1)] = value;
    return true;
  });
  return matched ? params : undefined;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
