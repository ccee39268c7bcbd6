/**
 * The public surface, entry by entry: the names each subpath exports at run time are recorded
 * here, so that adding or removing one is a decision seen in review, not a side effect of an
 * `export *`. (Types are checked by the build: a declaration naming an unexported type warns.)
 */
import { describe, expect, it } from 'vitest';

const ENTRIES = {
  crosstune: () => import('../../src/index.js'),
  'crosstune/sagemaker': () => import('../../src/providers/sagemaker/index.js'),
  'crosstune/pai': () => import('../../src/providers/pai/index.js'),
  'crosstune/modelarts': () => import('../../src/providers/modelarts/index.js'),
  'crosstune/compare': () => import('../../src/compare/index.js'),
  'crosstune/testing': () => import('../../src/testing/index.js'),
  'crosstune/testing/sagemaker': () => import('../../src/testing/sagemaker/index.js'),
  'crosstune/testing/pai': () => import('../../src/testing/pai/index.js'),
  'crosstune/testing/modelarts': () => import('../../src/testing/modelarts/index.js'),
};

const namesOf = async (entry: keyof typeof ENTRIES) => Object.keys(await ENTRIES[entry]()).sort();

describe('public entry points', () => {
  it.each(Object.keys(ENTRIES) as (keyof typeof ENTRIES)[])(
    '%s exports exactly its recorded names',
    async (entry) => {
      expect(await namesOf(entry)).toMatchSnapshot();
    },
  );

  it('no entry exports the wire decoders or the transport', async () => {
    for (const entry of Object.keys(ENTRIES) as (keyof typeof ENTRIES)[]) {
      for (const name of await namesOf(entry)) {
        expect(name, `${entry} exports ${name}`).not.toMatch(
          /^(decode|execute|createTransport|checkWire)|Schema$/,
        );
      }
    }
  });

  it('the three cloud subpaths export the same kinds of things', async () => {
    const factories = {
      'crosstune/sagemaker': 'sagemaker',
      'crosstune/pai': 'pai',
      'crosstune/modelarts': 'modelarts',
    };
    for (const [entry, factory] of Object.entries(factories) as [keyof typeof ENTRIES, string][]) {
      const module = (await ENTRIES[entry]()) as Record<string, unknown>;
      expect(typeof module[factory], `${entry} exports its factory`).toBe('function');
    }
  });

  it('crosstune/testing is the union of the three per-cloud testing subpaths', async () => {
    const clouds = await Promise.all(
      (['crosstune/testing/sagemaker', 'crosstune/testing/pai', 'crosstune/testing/modelarts'] as const).map(
        namesOf,
      ),
    );
    expect(await namesOf('crosstune/testing')).toEqual([...new Set(clouds.flat())].sort());
    // Each cloud's subpath carries that cloud's fake and not another's.
    expect(clouds[0]).toContain('sagemakerFake');
    expect(clouds[0]).not.toContain('paiFake');
    expect(clouds[1]).toContain('paiFake');
    expect(clouds[1]).not.toContain('modelartsFake');
    expect(clouds[2]).toContain('modelartsFake');
    expect(clouds[2]).not.toContain('sagemakerFake');
  });
});
