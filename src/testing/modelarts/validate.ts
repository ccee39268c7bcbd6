/**
 * CreateTrainingJob's body (reference §3.3) → a new job. ModelArts' answers: a member of the wrong
 * shape is ModelArts.2788 naming it, no `algorithm` at all ModelArts.0104, an algorithm the fake
 * cannot find code for ModelArts.2755 (the create example's), a bad search configuration
 * ModelArts.2826/2824 (spec.ts).
 */
import { wireErrors } from './errors.js';
import { isObject, readInteger, readObject, readString } from './input.js';
import { readAutoSearch, templateAutoSearch } from './spec.js';
import type { AutoSearchSpec, JsonObject } from './types.js';

export const JOB_KINDS = [
  'job',
  'federated_pool_job',
  'edge_job',
  'hetero_job',
  'mrs_job',
  'autosearch_job',
  'diag_job',
  'visualization_job',
] as const;

/** "1-64 characters consisting of only digits, letters, underscores (_), and hyphens (-)". */
export const JOB_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NewJobInput {
  readonly kind: string;
  readonly name: string;
  readonly workspaceId: string;
  readonly description: string;
  /** The body as sent, kept to echo `algorithm` and `spec` back. */
  readonly request: JsonObject;
  readonly autoSearch: AutoSearchSpec | undefined;
}

export function validateCreateRequest(body: JsonObject, extraMetrics: readonly string[]): NewJobInput {
  const kind = readString(body.kind, 'kind', { allowed: JOB_KINDS }) ?? 'job';
  const metadata = readObject(body.metadata, 'metadata');
  if (metadata === undefined) throw wireErrors.invalidParam('metadata');
  const name = readString(metadata.name, 'metadata.name', { pattern: JOB_NAME_PATTERN });
  if (name === undefined) throw wireErrors.invalidParam('metadata.name');
  const description = readString(metadata.description, 'metadata.description', { max: 256 }) ?? '';
  const workspaceId = readString(metadata.workspace_id, 'metadata.workspace_id') || '0';
  const algorithm = readObject(body.algorithm, 'algorithm');
  if (algorithm === undefined) throw wireErrors.parameterError();
  if (!findsCode(algorithm)) throw wireErrors.algorithmNotFound();
  const spec = readObject(body.spec, 'spec');
  const resource = readObject(spec?.resource, 'spec.resource');
  readInteger(resource?.node_count, 'spec.resource.node_count', { min: 1 });
  readString(resource?.flavor_id, 'spec.resource.flavor_id');
  return {
    kind,
    name,
    workspaceId,
    description,
    request: structuredClone(body),
    autoSearch: readSearch(algorithm, extraMetrics),
  };
}

/**
 * One of the ways a job names its code (reference §3.3): an algorithm id, a subscription, a code
 * directory with a boot file, a custom image with a command, or an AutoSearch YAML. The fake has no
 * algorithm store, so any UUID-shaped id is "found".
 */
function findsCode(algorithm: JsonObject): boolean {
  const text = (key: string) => typeof algorithm[key] === 'string' && algorithm[key] !== '';
  if (algorithm.id !== undefined) return typeof algorithm.id === 'string' && UUID.test(algorithm.id);
  const engine = isObject(algorithm.engine) ? algorithm.engine : {};
  return (
    (text('subscription_id') && text('item_version_id')) ||
    (text('code_dir') && text('boot_file')) ||
    (typeof engine.image_url === 'string' && engine.image_url !== '' && text('command')) ||
    text('autosearch_config_path')
  );
}

function readSearch(algorithm: JsonObject, extraMetrics: readonly string[]): AutoSearchSpec | undefined {
  const policies = readObject(algorithm.policies, 'algorithm.policies');
  const autoSearch = policies?.auto_search;
  // The create examples send `"auto_search": null` for a plain job.
  if (autoSearch !== undefined && autoSearch !== null) return readAutoSearch(autoSearch, extraMetrics);
  if (typeof algorithm.autosearch_config_path === 'string') return templateAutoSearch(extraMetrics);
  return undefined;
}
