#!/usr/bin/env node
// The `crosstune` command; its code is dist/cli.js, built by tsup.
import '../dist/cli.js';
