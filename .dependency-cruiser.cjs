/**
 * The layering rules of docs/architecture.md, checked by `npm run lint:deps`: no import cycles
 * (type-only imports included), and dependencies that point one way — core ← search-space ←
 * providers ← compare ← cli, testing beside them, no provider importing another.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'A cycle, even of types only, means a shared type lives in the wrong module: move it to a leaf.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core knows no provider, no search-space dialect, no comparison, no command, no fake.',
      from: { path: '^src/core/' },
      to: { path: '^src/(providers|search-space/dialects|compare|cli|testing)/' },
    },
    {
      name: 'search-space-below-providers',
      severity: 'error',
      from: { path: '^src/search-space/' },
      to: { path: '^src/(providers|compare|cli|testing)/' },
    },
    {
      name: 'providers-apart',
      severity: 'error',
      comment: 'A provider knows core and search-space, never another provider.',
      from: { path: '^src/providers/([^/]+)/' },
      to: { path: '^src/providers/', pathNot: '^src/providers/$1/' },
    },
    {
      name: 'providers-below-the-rest',
      severity: 'error',
      from: { path: '^src/providers/' },
      to: { path: '^src/(compare|cli|testing)/' },
    },
    {
      name: 'compare-loads-no-provider',
      severity: 'error',
      comment: 'compare takes providers as values; it imports none.',
      from: { path: '^src/compare/' },
      to: { path: '^src/(providers|cli|testing)/' },
    },
    {
      name: 'testing-not-in-the-library',
      severity: 'error',
      comment: 'Only the fakes themselves and the demo (loaded by `crosstune demo` alone) use testing.',
      from: { path: '^src/', pathNot: '^src/(testing|cli/demo)/' },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
