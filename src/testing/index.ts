/**
 * `crosstune/testing`: stateful fakes of the tuning services for tests, as msw handlers.
 * The fakes speak each cloud's real wire protocol, so the official SDKs work against them too.
 * The union of `crosstune/testing/sagemaker`, `/pai` and `/modelarts`: a test that needs one
 * cloud imports its subpath and loads that fake alone.
 *
 * @module crosstune/testing
 */
import { assertSupportedNode } from '../core/supported-node.js';

// Before anything else can fail on an older Node: one message naming the versions needed.
assertSupportedNode();

export * from './modelarts/index.js';
export * from './pai/index.js';
export * from './sagemaker/index.js';
