/** CreateAutofeExperiment, GetAutofeExperiment, Get/CreateServiceIdentityRole. */
import { renderAutofe, validateAutofeConfiguration } from './autofe.js';
import { PAI_SERVICE_ROLE_NAME } from './constants.js';
import type { Operation, OperationContext } from './context.js';
import { wireErrors } from './errors.js';
import { readString } from './input.js';
import { readTags } from './tags.js';
import type { JsonObject } from './types.js';

export const OTHER_OPERATIONS = {
  CreateAutofeExperiment(ctx: OperationContext): JsonObject {
    const { body } = ctx;
    const name = readString(body.Name, 'Name', { required: true }) as string;
    readString(body.Description, 'Description');
    readString(body.WorkspaceId, 'WorkspaceId');
    readString(body.Accessibility, 'Accessibility', { allowed: ['PUBLIC', 'PRIVATE'] });
    readTags(body.Tag, 'Tag');
    const yml = validateAutofeConfiguration(body.AutofeExperimentConfiguration);
    const record = ctx.state.createAutofe({ name, creator: ctx.principal.userId, yml });
    return { ExperimentId: record.id };
  },

  GetAutofeExperiment(ctx: OperationContext): JsonObject {
    const id = ctx.params.ExperimentId as string;
    const record = ctx.state.autofeExperiment(id);
    if (record === undefined || record.creator !== ctx.principal.userId) {
      throw wireErrors.notFound(`Experiment ${id} does not exist or is not accessible.`);
    }
    return renderAutofe(record, ctx.state.now, ctx.state.simulation);
  },

  GetServiceIdentityRole(ctx: OperationContext): JsonObject {
    return { RoleName: ctx.state.serviceRoleExists ? PAI_SERVICE_ROLE_NAME : '', Code: 'SUCCESS' };
  },

  /**
   * Creating the role when it already exists answers HTTP 200 with Code ExecutionFailure and the
   * documented message: the second of PAI's "error inside a 200" answers the fake reproduces
   * (reference §2.2 shows this Code and Message for this operation; when PAI sends it is unverified).
   */
  CreateServiceIdentityRole(ctx: OperationContext): JsonObject {
    if (ctx.state.serviceRoleExists) {
      return { Code: 'ExecutionFailure', Message: 'Execution failure, please try again.' };
    }
    ctx.state.serviceRoleExists = true;
    return { RoleName: PAI_SERVICE_ROLE_NAME, Code: 'SUCCESS' };
  },
} satisfies Record<string, Operation>;
