/**
 * A package only some answers need, loaded synchronously the first time one does, instead of at
 * import: normalizers are synchronous, and PAI's `yaml` alone costs ~45 ms of cold start that a
 * listing of trials never needs (docs/architecture.md#cold-start-and-throughput).
 */

export function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    // Stryker disable next-line ConditionalExpression: require caches a module, so loading it again hands back the same one; this only skips the look-up.
    if (loaded === undefined) {
      const { createRequire } = process.getBuiltinModule('node:module');
      loaded = createRequire(import.meta.url)(name) as T;
    }
    return loaded;
  };
}
