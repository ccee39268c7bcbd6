/**
 * The SageMaker operations client: one typed method per HPO operation, 1:1 with the service
 * model (AWS JSON 1.1: `POST /`, `X-Amz-Target: SageMaker.<Operation>`). Every response is checked
 * against its wire schema; usable on its own as `sagemaker(...).api`.
 */
import type { $ZodType, output } from 'zod/v4/core';
import { NotFoundError } from '../../core/errors.js';
import type { CallOptions } from '../../core/http/call-options.js';
import { decodeJson } from '../../core/http/decode.js';
import { type ExecutionContext, execute } from '../../core/http/execute.js';
import type { HttpRequest } from '../../core/http/transport.js';
import { checkId } from '../../core/ids.js';
import type * as shapes from './shapes.js';
import * as wire from './wire.js';

export interface SageMakerApiConfig {
  context: ExecutionContext;
  endpoint: string;
  sign(request: HttpRequest): Promise<HttpRequest>;
  /** After an auth refusal: forgets the credentials held; true when the next ones may differ. */
  renewCredentials(): boolean;
}

export type Wire<S extends $ZodType> = output<S>;

/**
 * The answer of `DescribeHyperParameterTuningJob` as its wire schema checked it.
 *
 * @interface
 */
export type DescribeHyperParameterTuningJobResult = Wire<
  ReturnType<typeof wire.DescribeHyperParameterTuningJobResponseSchema>
>;
/**
 * The answer of `ListHyperParameterTuningJobs` (one page) as its wire schema checked it.
 *
 * @interface
 */
export type ListHyperParameterTuningJobsResult = Wire<
  ReturnType<typeof wire.ListHyperParameterTuningJobsResponseSchema>
>;
/**
 * The answer of `ListTrainingJobsForHyperParameterTuningJob` (one page) as its wire schema checked it.
 *
 * @interface
 */
export type ListTrainingJobsForHyperParameterTuningJobResult = Wire<
  ReturnType<typeof wire.ListTrainingJobsForHyperParameterTuningJobResponseSchema>
>;
/**
 * The answer of `DescribeTrainingJob` as its wire schema checked it.
 *
 * @interface
 */
export type DescribeTrainingJobResult = Wire<ReturnType<typeof wire.DescribeTrainingJobResponseSchema>>;
/**
 * The answer of `CreateHyperParameterTuningJob` (the new job's ARN).
 *
 * @interface
 */
export type CreateHyperParameterTuningJobResult = Wire<
  ReturnType<typeof wire.CreateHyperParameterTuningJobResponseSchema>
>;
/**
 * One `TrainingJobSummary` of `ListTrainingJobsForHyperParameterTuningJob`: a trial's and a
 * training job's `raw` on SageMaker.
 *
 * @interface
 */
export type SageMakerTrainingJobSummaryWire =
  ListTrainingJobsForHyperParameterTuningJobResult['TrainingJobSummaries'][number];
/**
 * One `HyperParameterTuningJobSummary` of `ListHyperParameterTuningJobs`: a listed experiment's `raw`.
 *
 * @interface
 */
export type SageMakerTuningJobSummaryWire =
  ListHyperParameterTuningJobsResult['HyperParameterTuningJobSummaries'][number];

/** The member naming the object each operation acts on (required by all of them): checked before sending. */
const ID_MEMBER: Readonly<Record<string, string>> = {
  CreateHyperParameterTuningJob: 'HyperParameterTuningJobName',
  DescribeHyperParameterTuningJob: 'HyperParameterTuningJobName',
  StopHyperParameterTuningJob: 'HyperParameterTuningJobName',
  DeleteHyperParameterTuningJob: 'HyperParameterTuningJobName',
  ListTrainingJobsForHyperParameterTuningJob: 'HyperParameterTuningJobName',
  DescribeTrainingJob: 'TrainingJobName',
};

/** A tuning job's statuses once a stop has taken effect, or once nothing is left to stop. */
const STOPPED: ReadonlySet<string> = new Set(['Stopping', 'Stopped', 'Completed', 'Failed']);

interface CallExtra<S extends $ZodType> {
  idempotent?: boolean;
  reconcile?: (call: CallOptions) => Promise<output<S> | undefined>;
}

type Caller = <S extends $ZodType>(
  operation: string,
  input: object,
  schema: S,
  options: CallOptions | undefined,
  extra?: CallExtra<S>,
) => Promise<output<S>>;

export function createSageMakerApi(config: SageMakerApiConfig): SageMakerApi {
  // Async, so that an id refused before sending rejects the call like any other failure.
  async function call<S extends $ZodType>(
    operation: string,
    input: object,
    schema: S,
    options: CallOptions | undefined,
    extra: CallExtra<S> = {},
  ): Promise<output<S>> {
    const member = ID_MEMBER[operation];
    if (member)
      checkId((input as Record<string, unknown> | undefined)?.[member], member, 'sagemaker', operation);
    const body = serialize(input);
    return execute(
      config.context,
      {
        operation,
        idempotent: extra.idempotent ?? true,
        reconcile: extra.reconcile,
        // Tuning job names are unique: a create resent after the look-up found nothing cannot duplicate.
        resendIfAbsent: true,
        renewCredentials: config.renewCredentials,
        request: () =>
          config.sign({
            method: 'POST',
            url: config.endpoint,
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              'x-amz-target': `SageMaker.${operation}`,
            },
            body,
          }),
        decode: (response, details) => decodeJson(response, schema, details),
      },
      options,
    );
  }
  return operations(call);
}

/** The methods, apart from how a call is sent: their type is the public `SageMakerApi`. */
function operations(call: Caller) {
  const api = {
    /** `CreateHyperParameterTuningJob`; after an answer that may have been lost, the job is looked up by name rather than created twice. */
    createHyperParameterTuningJob(input: shapes.CreateHyperParameterTuningJobRequest, options?: CallOptions) {
      // Not idempotent: after an ambiguous failure, look the job up by name before sending again.
      return call(
        'CreateHyperParameterTuningJob',
        input,
        wire.CreateHyperParameterTuningJobResponseSchema(),
        options,
        {
          idempotent: false,
          reconcile: async (call) => {
            try {
              const found = await api.describeHyperParameterTuningJob(
                { HyperParameterTuningJobName: input.HyperParameterTuningJobName },
                call,
              );
              return { HyperParameterTuningJobArn: found.HyperParameterTuningJobArn };
            } catch (error) {
              if (NotFoundError.is(error)) return undefined;
              throw error;
            }
          },
        },
      );
    },
    /** `DescribeHyperParameterTuningJob`: NotFoundError when there is no such job. */
    describeHyperParameterTuningJob(
      input: shapes.DescribeHyperParameterTuningJobRequest,
      options?: CallOptions,
    ) {
      return call(
        'DescribeHyperParameterTuningJob',
        input,
        wire.DescribeHyperParameterTuningJobResponseSchema(),
        options,
      );
    },
    /** `ListHyperParameterTuningJobs`: one page; pass its `NextToken` for the next. */
    listHyperParameterTuningJobs(
      input: shapes.ListHyperParameterTuningJobsRequest = {},
      options?: CallOptions,
    ) {
      return call(
        'ListHyperParameterTuningJobs',
        input,
        wire.ListHyperParameterTuningJobsResponseSchema(),
        options,
      );
    },
    /**
     * `StopHyperParameterTuningJob`. Not sent twice blindly: after an answer that may have been lost, the job is read; stopping,
     * stopped or otherwise ended means the stop took effect (a second one could be refused).
     */
    stopHyperParameterTuningJob(input: shapes.StopHyperParameterTuningJobRequest, options?: CallOptions) {
      return call('StopHyperParameterTuningJob', input, wire.EmptyResponseSchema, options, {
        idempotent: false,
        reconcile: async (lookup) => {
          const job = await api.describeHyperParameterTuningJob(
            { HyperParameterTuningJobName: input.HyperParameterTuningJobName },
            lookup,
          );
          return STOPPED.has(job.HyperParameterTuningJobStatus) ? {} : undefined;
        },
      }).then(() => undefined);
    },
    /** `DeleteHyperParameterTuningJob`. After an answer that may have been lost, the job is read: gone or being deleted means deleted. */
    deleteHyperParameterTuningJob(input: shapes.DeleteHyperParameterTuningJobRequest, options?: CallOptions) {
      return call('DeleteHyperParameterTuningJob', input, wire.EmptyResponseSchema, options, {
        idempotent: false,
        reconcile: async (lookup) => {
          try {
            const job = await api.describeHyperParameterTuningJob(
              { HyperParameterTuningJobName: input.HyperParameterTuningJobName },
              lookup,
            );
            return job.HyperParameterTuningJobStatus === 'Deleting' ? {} : undefined;
          } catch (error) {
            if (NotFoundError.is(error)) return {};
            throw error;
          }
        },
      }).then(() => undefined);
    },
    /** `ListTrainingJobsForHyperParameterTuningJob`: one page of the tuning job's training jobs. */
    listTrainingJobsForHyperParameterTuningJob(
      input: shapes.ListTrainingJobsForHyperParameterTuningJobRequest,
      options?: CallOptions,
    ) {
      return call(
        'ListTrainingJobsForHyperParameterTuningJob',
        input,
        wire.ListTrainingJobsForHyperParameterTuningJobResponseSchema(),
        options,
      );
    },
    /** `DescribeTrainingJob`: one training job in full (metrics, billing, instances). */
    describeTrainingJob(input: shapes.DescribeTrainingJobRequest, options?: CallOptions) {
      return call('DescribeTrainingJob', input, wire.DescribeTrainingJobResponseSchema(), options);
    },
  };
  return api;
}

/**
 * `sagemaker(...).api`: one method per SageMaker tuning operation, each taking the operation's
 * request shape and {@link CallOptions}, each answer checked against its wire schema.
 *
 * @interface
 */
export type SageMakerApi = ReturnType<typeof operations>;

/** AWS JSON: dates as epoch seconds, non-finite floats as "NaN"/"Infinity" strings, absent members omitted. */
export function serialize(input: object): string {
  return JSON.stringify(input, function replacer(this: Record<string, unknown>, key, value) {
    const original = this[key];
    if (original instanceof Date) return original.getTime() / 1000;
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return value === null ? undefined : value;
  });
}
