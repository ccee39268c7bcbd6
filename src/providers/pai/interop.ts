/**
 * The Alibaba runtime packages are CommonJS with `exports.default = Class`. Node's ESM loader
 * hands that over as `namespace.default.default`, a bundler's CommonJS interop as
 * `namespace.default`; this picks whichever holds the class.
 */
export function defaultClass<T>(namespace: { default: unknown }): T {
  const first = namespace.default as { default?: unknown } | undefined;
  return (typeof first === 'function' ? first : first?.default) as T;
}
