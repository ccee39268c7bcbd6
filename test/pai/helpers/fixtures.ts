/** Readers for the documented PAI examples copied into test/fixtures/pai (see SOURCES.md there). */
import { readFileSync } from 'node:fs';

const dir = new URL('../../fixtures/pai/', import.meta.url);

export type DocPage = 'CreateHpoExperiment' | 'GetHpoExperiment' | 'GetHpoTrial';

/** The whole help page, as saved. */
export function docPage(operation: DocPage): string {
  return readFileSync(new URL(`pai-${operation}.txt`, dir), 'utf8');
}

/** The page's "Sample success responses" JSON, parsed afresh on every call. */
export function docExample(operation: DocPage): Record<string, unknown> {
  const page = docPage(operation);
  const start = page.indexOf('{', page.indexOf('JSONformat'));
  const end = page.lastIndexOf('}', page.indexOf('Error codes')) + 1;
  return JSON.parse(page.slice(start, end)) as Record<string, unknown>;
}

export interface MetadataExample {
  method: string;
  path: string;
  example: string;
}

/** The API metadata's example answer of an HPO operation, as text (it is served as is). */
export function metadataExample(operation: string): MetadataExample {
  const all = JSON.parse(
    readFileSync(new URL('paiautoml-2024-response-examples.json', dir), 'utf8'),
  ) as Record<string, MetadataExample>;
  const found = all[operation];
  if (!found) throw new Error(`no metadata example for ${operation}`);
  return found;
}

export function metadataOperations(): string[] {
  return Object.keys(
    JSON.parse(readFileSync(new URL('paiautoml-2024-response-examples.json', dir), 'utf8')) as object,
  );
}
