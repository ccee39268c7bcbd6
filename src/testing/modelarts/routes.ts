/**
 * The operations by method and path (reference §3; names are the Huawei SDKs' operation names,
 * which `fake.faults.inject({ operation })` and the request log use). IAM's two are served on the
 * IAM endpoint, the rest on ModelArts'. `:project` captures the project id of the path.
 */
import { matchSegments } from '../engine/path-template.js';
export type ModelArtsOperation =
  | 'ShowAutoSearchTrials'
  | 'ShowAutoSearchPerTrial'
  | 'ShowAutoSearchTrialEarlyStop'
  | 'ShowSearchAlgorithms'
  | 'ShowAutoSearchYamlTemplatesInfo'
  | 'ShowAutoSearchYamlTemplateContent'
  | 'ShowAutoSearchParamsAnalysis'
  | 'ShowAutoSearchParamAnalysisResultPath'
  | 'CreateTrainingJob'
  | 'ShowTrainingJobDetails'
  | 'ListTrainingJobs'
  | 'StopTrainingJob'
  | 'DeleteTrainingJob'
  | 'ListWorkspace';
export type IamOperation = 'KeystoneCreateUserTokenByPassword' | 'KeystoneListProjects';
export type Service = 'modelarts' | 'iam';

interface Route {
  readonly operation: ModelArtsOperation | IamOperation;
  readonly service: Service;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path segments; `:Name` captures a parameter. */
  readonly segments: readonly string[];
}

const V2 = ['v2', ':project'];
const JOB = [...V2, 'training-jobs', ':job'];
const TEMPLATES = [...V2, 'training-jobs', 'autosearch', 'yaml-templates'];

// Literal segments first where a literal and a capture compete (`autosearch` vs `:job`).
const ROUTES: readonly Route[] = [
  { operation: 'ShowAutoSearchYamlTemplatesInfo', service: 'modelarts', method: 'GET', segments: TEMPLATES },
  {
    operation: 'ShowAutoSearchYamlTemplateContent',
    service: 'modelarts',
    method: 'GET',
    segments: [...TEMPLATES, ':type', ':name'],
  },
  {
    operation: 'ShowAutoSearchTrials',
    service: 'modelarts',
    method: 'GET',
    segments: [...JOB, 'autosearch-trials'],
  },
  {
    operation: 'ShowAutoSearchPerTrial',
    service: 'modelarts',
    method: 'GET',
    segments: [...JOB, 'autosearch-trials', ':trial'],
  },
  {
    operation: 'ShowAutoSearchTrialEarlyStop',
    service: 'modelarts',
    method: 'POST',
    segments: [...JOB, 'autosearch-trial-earlystop', ':trial'],
  },
  {
    operation: 'ShowAutoSearchParamsAnalysis',
    service: 'modelarts',
    method: 'GET',
    segments: [...JOB, 'autosearch-parameter-analysis'],
  },
  {
    operation: 'ShowAutoSearchParamAnalysisResultPath',
    service: 'modelarts',
    method: 'GET',
    segments: [...JOB, 'autosearch-parameter-analysis', ':param'],
  },
  {
    operation: 'ShowSearchAlgorithms',
    service: 'modelarts',
    method: 'GET',
    segments: [...V2, 'search-algorithms'],
  },
  {
    operation: 'CreateTrainingJob',
    service: 'modelarts',
    method: 'POST',
    segments: [...V2, 'training-jobs'],
  },
  { operation: 'ShowTrainingJobDetails', service: 'modelarts', method: 'GET', segments: JOB },
  { operation: 'DeleteTrainingJob', service: 'modelarts', method: 'DELETE', segments: JOB },
  { operation: 'StopTrainingJob', service: 'modelarts', method: 'POST', segments: [...JOB, 'actions'] },
  {
    operation: 'ListTrainingJobs',
    service: 'modelarts',
    method: 'POST',
    segments: [...V2, 'training-job-searches'],
  },
  {
    operation: 'ListWorkspace',
    service: 'modelarts',
    method: 'GET',
    segments: ['v1', ':project', 'workspaces'],
  },
  {
    operation: 'KeystoneCreateUserTokenByPassword',
    service: 'iam',
    method: 'POST',
    segments: ['v3', 'auth', 'tokens'],
  },
  { operation: 'KeystoneListProjects', service: 'iam', method: 'GET', segments: ['v3', 'projects'] },
];

export interface RouteMatch {
  readonly operation: ModelArtsOperation | IamOperation;
  readonly service: Service;
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>;
}

/** `undefined` when no operation of `service` has that method and path. */
export function matchRoute(service: Service, method: string, path: string): RouteMatch | undefined {
  const parts = path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  for (const route of ROUTES) {
    if (route.service !== service || route.method !== method.toUpperCase()) continue;
    const params = matchSegments(route.segments, parts);
    if (params) return { operation: route.operation, service: route.service, params };
  }
  return undefined;
}

/**
 * Paths of the fake's APIs, whatever the method: what it claims on a loopback server, where the
 * origin cannot tell services apart.
 */
export function loopbackService(path: string): Service | undefined {
  if (/^\/v2\/[^/]+\/(training-jobs|training-job-searches|search-algorithms)(\/|$)/.test(path))
    return 'modelarts';
  if (/^\/v1\/[^/]+\/workspaces\/?$/.test(path)) return 'modelarts';
  if (/^\/v3\/(auth\/tokens|projects)\/?$/.test(path)) return 'iam';
  return undefined;
}
