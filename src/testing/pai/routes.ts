/**
 * The 18 paiautoml operations by method and path (reference §2). ROA: the path and method name the
 * operation; `x-acs-action` must agree with them.
 */
import { matchSegments } from '../engine/path-template.js';
export type PaiAction =
  | 'CreateHpoExperiment'
  | 'ListHpoExperiments'
  | 'GetHpoExperiment'
  | 'UpdateHpoExperiment'
  | 'StopHpoExperiment'
  | 'DeleteHpoExperiment'
  | 'ListHpoExperimentLogs'
  | 'ListHpoTrials'
  | 'GetHpoTrial'
  | 'StopHpoTrials'
  | 'RestartHpoTrials'
  | 'ListHpoTrialLogNames'
  | 'ListHpoTrialLogs'
  | 'ListHpoTrialCommands'
  | 'CreateAutofeExperiment'
  | 'GetAutofeExperiment'
  | 'GetServiceIdentityRole'
  | 'CreateServiceIdentityRole';

interface Route {
  readonly action: PaiAction;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Segments after `/api/automl/v1/`; `:Name` captures a path parameter. */
  readonly segments: readonly string[];
}

const EXP = ['hpo', 'experiment', ':ExperimentId'];
const TRIAL = [...EXP, 'trial', ':TrialId'];

const ROUTES: readonly Route[] = [
  { action: 'CreateHpoExperiment', method: 'POST', segments: ['hpo', 'experiment'] },
  { action: 'ListHpoExperiments', method: 'GET', segments: ['hpo', 'experiments'] },
  { action: 'GetHpoExperiment', method: 'GET', segments: EXP },
  { action: 'UpdateHpoExperiment', method: 'PUT', segments: [...EXP, 'update'] },
  { action: 'StopHpoExperiment', method: 'PUT', segments: [...EXP, 'stop'] },
  // PUT, not DELETE, in every generated SDK (reference §10.2).
  { action: 'DeleteHpoExperiment', method: 'PUT', segments: [...EXP, 'delete'] },
  { action: 'ListHpoExperimentLogs', method: 'GET', segments: [...EXP, 'logs'] },
  { action: 'ListHpoTrials', method: 'GET', segments: [...EXP, 'trials'] },
  { action: 'GetHpoTrial', method: 'GET', segments: TRIAL },
  // PUT as the SDKs send them; some help pages say POST (reference §10.1).
  { action: 'StopHpoTrials', method: 'PUT', segments: [...EXP, 'stop_trials'] },
  { action: 'RestartHpoTrials', method: 'PUT', segments: [...EXP, 'restart_trials'] },
  { action: 'ListHpoTrialLogNames', method: 'GET', segments: [...TRIAL, 'lognames'] },
  { action: 'ListHpoTrialLogs', method: 'GET', segments: [...TRIAL, 'logs'] },
  { action: 'ListHpoTrialCommands', method: 'GET', segments: [...TRIAL, 'commands'] },
  { action: 'CreateAutofeExperiment', method: 'POST', segments: ['autofe', 'experiment'] },
  { action: 'GetAutofeExperiment', method: 'GET', segments: ['autofe', 'experiment', ':ExperimentId'] },
  { action: 'GetServiceIdentityRole', method: 'GET', segments: ['serviceidentityrole'] },
  { action: 'CreateServiceIdentityRole', method: 'POST', segments: ['serviceidentityrole'] },
];

export const API_PREFIX = '/api/automl/v1/';

export interface RouteMatch {
  readonly action: PaiAction;
  readonly params: Readonly<Record<string, string>>;
}

/** `path` is relative to the endpoint's base path. `undefined` when no operation has that method and path. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  if (!path.startsWith(API_PREFIX)) return undefined;
  const parts = path.slice(API_PREFIX.length).split('/');
  for (const route of ROUTES) {
    if (route.method !== method.toUpperCase()) continue;
    const params = matchSegments(route.segments, parts);
    if (params) return { action: route.action, params };
  }
  return undefined;
}
