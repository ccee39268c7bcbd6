/** Workspace records: the default one every project has, and seeded ones (reference §3.5). */
import { DEFAULT_IDENTITY } from './auth.js';
import type { SeedWorkspaceInput } from './seed.js';
import type { WorkspaceRecord } from './types.js';

/** Created long before the fake's clock starts, as an account's default workspace is. */
const DEFAULT_WORKSPACE_CREATED = Date.UTC(2025, 0, 1);

/** Workspace `"0"`, named `default`: where jobs go unless they name another. */
export const DEFAULT_WORKSPACE: WorkspaceRecord = {
  id: '0',
  name: 'default',
  description: '',
  owner: DEFAULT_IDENTITY.userName,
  authType: 'PUBLIC',
  enterpriseProjectId: '0',
  enterpriseProjectName: 'default',
  createdAt: DEFAULT_WORKSPACE_CREATED,
  updatedAt: DEFAULT_WORKSPACE_CREATED,
  status: 'NORMAL',
};

export function newWorkspace(input: SeedWorkspaceInput, id: string, now: number): WorkspaceRecord {
  const createdAt = input.createdAt === undefined ? now : new Date(input.createdAt).getTime();
  const enterpriseProjectId = input.enterpriseProjectId ?? '0';
  return {
    id,
    name: input.name,
    description: input.description ?? '',
    owner: input.owner ?? DEFAULT_IDENTITY.userName,
    authType: input.authType ?? 'PUBLIC',
    enterpriseProjectId,
    enterpriseProjectName: enterpriseProjectId === '0' ? 'default' : enterpriseProjectId,
    createdAt,
    updatedAt: createdAt,
    status: 'NORMAL',
  };
}
