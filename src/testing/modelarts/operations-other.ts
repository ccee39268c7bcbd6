/** Search algorithms, AutoSearch YAML templates and workspaces: catalogues, not tied to a job. */
import { SEARCH_ALGORITHMS, YAML_TEMPLATE_TYPES, yamlTemplate } from './catalog.js';
import type { Operation, OperationContext } from './context.js';
import { wireErrors } from './errors.js';
import { queryInteger } from './input.js';
import { pageOf } from './paging.js';
import { workspaceResponse } from './render-job.js';
import type { WorkspaceRecord } from './types.js';

/** ListWorkspace's documented default page size. */
export const DEFAULT_WORKSPACE_LIMIT = 1000;

export const OTHER_OPERATIONS = {
  ShowSearchAlgorithms(_ctx: OperationContext) {
    return { body: { search_algo_count: SEARCH_ALGORITHMS.length, search_algo_list: SEARCH_ALGORITHMS } };
  },

  ShowAutoSearchYamlTemplatesInfo(_ctx: OperationContext) {
    return {
      body: {
        yaml_templates: YAML_TEMPLATE_TYPES.map((t) => ({
          algorithm_type_en: t.en,
          algorithm_type_zh: t.zh,
          algorithm_names: t.names,
        })),
      },
    };
  },

  ShowAutoSearchYamlTemplateContent(ctx: OperationContext) {
    const template = yamlTemplate(ctx.params.type as string, ctx.params.name as string);
    if (template === undefined) throw wireErrors.invalidParam('algorithm_name');
    return { body: template };
  },

  /** `offset` is a page index here ("分页列表的起始页"); `name` matches fuzzily. */
  ListWorkspace(ctx: OperationContext) {
    const { query } = ctx;
    const offset = queryInteger(query, 'offset', 0) ?? 0;
    const limit = queryInteger(query, 'limit', 1) ?? DEFAULT_WORKSPACE_LIMIT;
    const sortBy = query.get('sort_by') || 'name';
    if (!['name', 'update_time', 'status'].includes(sortBy)) throw wireErrors.invalidQuery('sort_by');
    const order = query.get('order') || 'desc';
    if (order !== 'asc' && order !== 'desc') throw wireErrors.invalidQuery('order');
    const name = query.get('name')?.toLowerCase() ?? '';
    const enterpriseProject = query.get('enterprise_project_id') ?? '';
    const key = (w: WorkspaceRecord) =>
      sortBy === 'name' ? w.name : sortBy === 'status' ? w.status : w.updatedAt;
    const sign = order === 'asc' ? 1 : -1;
    const matching = ctx.state
      .workspaces()
      .filter((w) => w.name.toLowerCase().includes(name))
      .filter((w) => enterpriseProject === '' || w.enterpriseProjectId === enterpriseProject)
      .sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
    const page = pageOf(matching, offset, limit, 'page');
    return {
      body: { total_count: matching.length, count: page.length, workspaces: page.map(workspaceResponse) },
    };
  },
} satisfies Record<string, Operation>;
