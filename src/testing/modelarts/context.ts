/** What every operation gets, and what it answers. */
import type { Principal } from './auth.js';
import type { OffsetMeanings } from './paging.js';
import type { ModelArtsState } from './state.js';
import type { HuaweiUser, JsonObject } from './types.js';

export interface OperationContext {
  readonly state: ModelArtsState;
  readonly principal: Principal;
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The JSON body; `{}` when none was sent. */
  readonly body: JsonObject;
  readonly offsetMeanings: Required<OffsetMeanings>;
  /** The IAM endpoint's origin, for the links IAM writes. */
  readonly iamEndpoint: string;
  readonly users: readonly HuaweiUser[];
}

export interface OperationResult {
  /** Default 200. */
  readonly status?: number;
  /** `undefined` answers with an empty body. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type Operation = (ctx: OperationContext) => OperationResult;
