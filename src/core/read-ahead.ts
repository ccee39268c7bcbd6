/**
 * A listing's next page requested as soon as the current page's answer has arrived, before that
 * page is normalized: the network wait for page N+1 then overlaps the normalizer's work on page N,
 * which a walk cannot do on its own (it learns of page N+1 only from page N's normalized result).
 * One page ahead at most, sent with the walk's own signal, so a walk that ends aborts it; a page
 * asked for that is not the one read ahead is fetched as usual. Measured in docs/architecture.md.
 */
export type RawFetch<K, R> = (key: K, signal: AbortSignal) => Promise<R>;

export function readAhead<K, R>(
  fetchRaw: RawFetch<K, R>,
): (key: K, signal: AbortSignal, nextKey: (raw: R) => K | undefined) => Promise<R> {
  let ahead: { key: K; signal: AbortSignal; page: Promise<R> } | undefined;
  return async (key, signal, nextKey) => {
    const held = ahead !== undefined && ahead.key === key && ahead.signal === signal ? ahead.page : undefined;
    ahead = undefined;
    const raw = await (held ?? fetchRaw(key, signal));
    const next = nextKey(raw);
    if (next !== undefined && !signal.aborted) {
      const page = fetchRaw(next, signal);
      // Its failure is reported when the walk asks for that page, not before.
      page.catch(() => undefined);
      ahead = { key: next, signal, page };
    }
    return raw;
  };
}
