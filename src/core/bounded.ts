/** `fn` over `items` with at most `limit` calls in flight; results in the order of `items`. */
export async function mapBounded<T, U>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<U>,
): Promise<U[]> {
  // Stryker disable next-line ArrayDeclaration: every index is assigned below, so an array made empty grows to the same length.
  const out = new Array<U>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}
