#!/usr/bin/env node
// The `crosstune` command; its code is dist/cli.js, built by tsup. An older Node.js is told in one
// line which versions crosstune needs, before anything that could fail on it is loaded.
import { isSupportedNode, SUPPORTED_NODE } from '../dist/supported-node.js';

if (isSupportedNode(process.versions.node)) {
  await import('../dist/cli.js');
} else {
  process.stderr.write(
    `crosstune: needs Node.js ${SUPPORTED_NODE.replaceAll(' || ', ' or ')}; this is Node.js ${process.versions.node}\n`,
  );
  process.exitCode = 1;
}
