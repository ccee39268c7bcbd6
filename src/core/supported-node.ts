/**
 * The Node.js versions crosstune runs on: the versions every dependency supports too (`ini` sets
 * the floor). package.json's `engines.node` says the same, and a test keeps them equal and checks
 * the range against every dependency's own. Each entry point checks it first, so an older Node
 * fails at import with one message rather than later with a missing built-in.
 */
export const SUPPORTED_NODE = '^22.22.2 || ^24.15.0 || >=26.0.0';

/** Each alternative of the range as [major, minor, patch] minimum, with whether the major is pinned. */
const FLOORS: readonly (readonly [number, number, number, boolean])[] = [
  [22, 22, 2, true],
  [24, 15, 0, true],
  [26, 0, 0, false],
];

export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.replace(/^v/, '').split('.').map(Number);
  return FLOORS.some(([m, n, p, pinned]) =>
    pinned ? major === m && (minor > n || (minor === n && patch >= p)) : major >= m,
  );
}

export function assertSupportedNode(version: string = process.versions.node): void {
  if (!isSupportedNode(version)) {
    throw new Error(
      `crosstune needs Node.js ${SUPPORTED_NODE.replaceAll(' || ', ' or ')}; this is Node.js ${version}`,
    );
  }
}
