/**
 * `build()` on first call, the same value after. Wire and search-space schemas are built this way
 * so importing an adapter stays cheap and a call builds only the schemas its answer needs (not
 * `z.lazy`: zod's compiler cannot see through it).
 */
export function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}
