/**
 * `@alicloud/openapi-client` and `@alicloud/openapi-util` are CommonJS with `exports.default`.
 * Node's ESM loader hands a default import the whole `module.exports` (class one level down);
 * vitest's interop unwraps it to the class itself. This accepts both.
 */
export function cjsDefault<T>(imported: { default: T }): T {
  return (imported as { default?: T }).default ?? (imported as unknown as T);
}
