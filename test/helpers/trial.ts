/** A neutral trial for tests: what every `Trial` carries, with `fields` laid over it. */
import type { Trial } from '../../src/core/types.js';

export function aTrial(fields: Partial<Trial> = {}): Trial {
  const status = fields.status ?? 'completed';
  return {
    provider: 'sagemaker',
    id: 't',
    experimentId: 'e',
    status,
    providerStatus: status,
    hyperParameters: {},
    metrics: [],
    raw: {},
    ...fields,
  };
}
