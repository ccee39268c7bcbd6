/**
 * Plain signed SageMaker calls for tests: @smithy/signature-v4 + globalThis.fetch, nothing from
 * crosstune's own client, so these tests check the fake against the protocol alone.
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { type AwsCredentials, FAKE_AWS_CREDENTIALS } from '../../../src/testing/index.js';
import { type CallResult, callResult } from './call-result.js';

export interface CallOptions {
  endpoint?: string;
  credentials?: AwsCredentials;
  region?: string;
  service?: string;
  signingDate?: Date;
  /** Send without any Authorization header. */
  unsigned?: boolean;
  /** Extra headers, signed like the rest. */
  headers?: Record<string, string>;
  /** Replace the body after signing, to simulate tampering in transit. */
  tamperedBody?: string;
  signal?: AbortSignal;
}

export type { CallResult };

export interface WireError {
  __type: string;
  message?: string;
  Message?: string;
}

export async function callSageMaker<T = WireError>(
  operation: string,
  input: unknown,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(options.endpoint ?? 'https://api.sagemaker.us-east-1.amazonaws.com/');
  const body = JSON.stringify(input);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `SageMaker.${operation}`,
    ...options.headers,
  };
  let sent = headers;
  if (!options.unsigned) {
    const signer = new SignatureV4({
      service: options.service ?? 'sagemaker',
      region: options.region ?? 'us-east-1',
      credentials: options.credentials ?? FAKE_AWS_CREDENTIALS,
      sha256: Hash.bind(null, 'sha256'),
    });
    const request = new HttpRequest({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: url.pathname,
      headers,
      body,
    });
    const signed = await signer.sign(request, { signingDate: options.signingDate });
    sent = signed.headers;
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: sent,
    body: options.tamperedBody ?? body,
    signal: options.signal,
  });
  return callResult<T>(response);
}

/** Shapes the tests read; the fake sends more. */
export interface ObjectiveMetricWire {
  Type?: string;
  MetricName: string;
  Value: number;
}

export interface TrainingSummaryWire {
  TrainingJobName: string;
  TrainingJobArn: string;
  TuningJobName?: string;
  CreationTime: number;
  TrainingStartTime?: number;
  TrainingEndTime?: number;
  TrainingJobStatus: string;
  TunedHyperParameters: Record<string, string>;
  FailureReason?: string;
  FinalHyperParameterTuningJobObjectiveMetric?: ObjectiveMetricWire;
  ObjectiveStatus?: string;
}

export interface TuningJobWire {
  HyperParameterTuningJobName: string;
  HyperParameterTuningJobArn: string;
  HyperParameterTuningJobStatus: string;
  HyperParameterTuningJobConfig: Record<string, unknown>;
  TrainingJobDefinition?: Record<string, unknown>;
  CreationTime: number;
  HyperParameterTuningEndTime?: number;
  LastModifiedTime?: number;
  TrainingJobStatusCounters: Record<
    'Completed' | 'InProgress' | 'RetryableError' | 'NonRetryableError' | 'Stopped',
    number
  >;
  ObjectiveStatusCounters: Record<'Succeeded' | 'Pending' | 'Failed', number>;
  BestTrainingJob?: TrainingSummaryWire;
  FailureReason?: string;
  TuningJobCompletionDetails?: { NumberOfTrainingJobsObjectiveNotImproving?: number };
  ConsumedResources?: { RuntimeInSeconds?: number };
}

export interface TuningJobListWire {
  HyperParameterTuningJobSummaries: Array<{
    HyperParameterTuningJobName: string;
    HyperParameterTuningJobStatus: string;
    CreationTime: number;
  }>;
  NextToken?: string;
}

export interface TrainingJobListWire {
  TrainingJobSummaries: TrainingSummaryWire[];
  NextToken?: string;
}

export interface TrainingJobWire {
  TrainingJobName: string;
  TrainingJobArn: string;
  TuningJobArn?: string;
  TrainingJobStatus: string;
  SecondaryStatus: string;
  HyperParameters: Record<string, string>;
  FinalMetricDataList: Array<{ MetricName: string; Value: number; Timestamp: number }>;
  SecondaryStatusTransitions: Array<{ Status: string; StartTime: number; EndTime?: number }>;
  AlgorithmSpecification: Record<string, unknown>;
  CreationTime: number;
  TrainingStartTime?: number;
  TrainingEndTime?: number;
  FailureReason?: string;
}
