/**
 * The Node.js floor: what crosstune says it needs is what its dependencies need, no more, no less;
 * and an older Node is told so at import (checked on a real older Node in CI: scripts/old-node.mjs).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { assertSupportedNode, isSupportedNode, SUPPORTED_NODE } from '../../src/core/supported-node.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** Every package installed for production, with the Node range it declares. */
function productionEngines(): { name: string; range: string }[] {
  const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(1);
  return paths.flatMap((dir) => {
    const { name, engines } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
    return engines?.node ? [{ name, range: engines.node as string }] : [];
  });
}

describe('the supported Node.js versions', () => {
  it('are what package.json declares', () => {
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });

  it('are read as semver reads the range', () => {
    for (const version of [
      '20.20.2',
      '22.19.0',
      '22.22.1',
      '22.22.2',
      '22.23.3',
      '23.11.0',
      '24.14.1',
      '24.15.0',
      '24.21.0',
      '25.0.0',
      '26.0.0',
      '27.1.0',
    ]) {
      expect(isSupportedNode(version), version).toBe(semver.satisfies(version, SUPPORTED_NODE));
    }
    expect(isSupportedNode('v24.15.0')).toBe(true);
  });

  it('are within every production dependency’s range, and no narrower than they make it', () => {
    const engines = productionEngines();
    expect(engines.length).toBeGreaterThan(10);
    const floors = ['22.22.2', '24.15.0', '26.0.0'];
    for (const { name, range } of engines) {
      for (const floor of floors)
        expect(semver.satisfies(floor, range), `${name} ${range} at ${floor}`).toBe(true);
    }
    // Just below each floor, some dependency is not supported: the floor is not set too high.
    for (const below of ['22.22.1', '24.14.1', '25.9.0']) {
      expect(
        engines.some(({ range }) => !semver.satisfies(below, range)),
        below,
      ).toBe(true);
    }
  });

  it('refuse an older Node at once, naming the versions needed', () => {
    expect(() => assertSupportedNode('20.20.2')).toThrow(
      'crosstune needs Node.js ^22.22.2 or ^24.15.0 or >=26.0.0; this is Node.js 20.20.2',
    );
    expect(() => assertSupportedNode(process.versions.node)).not.toThrow();
  });
});
