import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    sagemaker: 'src/providers/sagemaker/index.ts',
    pai: 'src/providers/pai/index.ts',
    modelarts: 'src/providers/modelarts/index.ts',
    compare: 'src/compare/index.ts',
    testing: 'src/testing/index.ts',
    'testing-sagemaker': 'src/testing/sagemaker/index.ts',
    'testing-pai': 'src/testing/pai/index.ts',
    'testing-modelarts': 'src/testing/modelarts/index.ts',
    cli: 'src/cli/main.ts',
    // Read by bin/crosstune.js before the command loads: an older Node gets one line, not a stack.
    'supported-node': 'src/core/supported-node.ts',
  },
  format: ['esm', 'cjs'],
  // zod is bundled, so its types are too: the wire types are zod output types, and a user's
  // project must not need zod installed to read them.
  dts: true,
  clean: true,
  // No source maps in the package (they were 5 MB of its 8): the code is not minified, so a stack
  // trace already names crosstune's own functions and files.
  sourcemap: false,
  target: 'node22',
  splitting: true,
  treeshake: true,
  // `import.meta.url` in the CommonJS build too: the CLI reads its version through it, and
  // packages loaded on first use resolve from it.
  shims: true,
  // Inlined, tree-shaken from their ES builds: loaded as separate packages they cost more cold
  // start than all the rest of crosstune (see docs/architecture.md#cold-start). They are
  // devDependencies for that reason: what is bundled is not installed a second time.
  noExternal: ['zod', '@smithy/signature-v4', '@alicloud/openapi-util'],
  // The bundled CommonJS packages (@alicloud/openapi-util and what it requires) call `require` for
  // Node's own modules, which an ES module has only when given one.
  banner: ({ format }) =>
    format === 'esm'
      ? {
          js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
        }
      : {},
  esbuildOptions(options) {
    options.mainFields = ['module', 'main'];
  },
  // @alicloud/openapi-util's module requires Alibaba's whole tea/httpx HTTP runtime (and, through
  // it, node:https and tls), though the signing functions crosstune calls use none of it: those
  // packages are bundled as empty modules. PAI's cold start drops from ~110 ms to ~87 ms, level
  // with SageMaker's; scripts/smoke-package.mjs checks a request signed by each build passes the
  // PAI fake's signature check.
  esbuildPlugins: [
    {
      name: 'alibaba-signing-without-its-http-runtime',
      setup(build) {
        const unused = /^(httpx|debug|@alicloud\/tea-typescript|@alicloud\/tea-util)$/;
        build.onResolve({ filter: unused }, (args) => ({ path: args.path, namespace: 'unused' }));
        build.onLoad({ filter: /.*/, namespace: 'unused' }, () => ({ contents: 'module.exports = {};' }));
      },
    },
  ],
});
