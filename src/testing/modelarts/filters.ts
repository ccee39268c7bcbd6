/**
 * ListTrainingJobs' `filters` (reference §3.3, the job-search example): each `{key, operator,
 * value}` narrows the jobs. Empty values (`""`, `[]`) filter nothing, as the example request's
 * placeholders show. An unknown key, an operator the key does not take, or a value that cannot be
 * read is ModelArts.2807 / 2808 / 2809.
 */
import { wireErrors } from './errors.js';
import { isObject } from './input.js';
import { JOB_PHASES, type JobRecord } from './types.js';

type Predicate = (job: JobRecord) => boolean;

interface FilterRule {
  readonly operators: readonly string[];
  build(values: string[], operator: string): Predicate;
}

const contains = (text: string, values: string[]) =>
  values.some((v) => text.toLowerCase().includes(v.toLowerCase()));
const membership =
  (pick: (job: JobRecord) => string) => (values: string[], operator: string) => (job: JobRecord) =>
    values.includes(pick(job)) === (operator === 'in');

const RULES: Readonly<Record<string, FilterRule>> = {
  name: { operators: ['like'], build: (values) => (job) => contains(job.name, values) },
  algorithm_name: {
    operators: ['like'],
    build: (values) => (job) => contains(algorithmName(job), values),
  },
  create_time: { operators: ['between'], build: (values) => between(values) },
  phase: {
    operators: ['in', 'not'],
    build(values, operator) {
      const unknown = values.find((v) => !(JOB_PHASES as readonly string[]).includes(v));
      if (unknown !== undefined) throw wireErrors.unsupportedConditionValue(unknown);
      return membership((job) => job.phase)(values, operator);
    },
  },
  kind: { operators: ['in', 'not'], build: membership((job) => job.kind) },
  user_id: { operators: ['in', 'not'], build: membership((job) => job.userId) },
  // The example filters on runtime_type "debug" and still lists an ordinary job: accepted, not applied.
  runtime_type: { operators: ['in', 'not'], build: () => () => true },
};

export function readFilters(raw: unknown): Predicate[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw wireErrors.invalidParam('filters');
  return raw.map((filter) => {
    if (!isObject(filter)) throw wireErrors.invalidParam('filters');
    const key = String(filter.key ?? '');
    const rule = Object.hasOwn(RULES, key) ? RULES[key] : undefined;
    if (rule === undefined) throw wireErrors.unsupportedConditionKey(key);
    const operator = String(filter.operator ?? '');
    if (!rule.operators.includes(operator)) throw wireErrors.unsupportedConditionOperator(operator);
    const value = filter.value ?? [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw wireErrors.unsupportedConditionValue(JSON.stringify(value));
    }
    const values = value.filter((v) => v !== '');
    if (key !== 'create_time' && values.length === 0) return () => true;
    return rule.build(key === 'create_time' ? value : values, operator);
  });
}

/** `[from, to]` in epoch milliseconds as text, both inclusive; an empty bound is open. */
function between(values: string[]): Predicate {
  const bound = (text: string | undefined, open: number) => {
    if (text === undefined || text === '') return open;
    if (!/^\d+$/.test(text)) throw wireErrors.unsupportedConditionValue(text);
    return Number(text);
  };
  const from = bound(values[0], Number.NEGATIVE_INFINITY);
  const to = bound(values[1], Number.POSITIVE_INFINITY);
  return (job) => job.createdAt >= from && job.createdAt <= to;
}

function algorithmName(job: JobRecord): string {
  const algorithm = job.request.algorithm;
  return isObject(algorithm) && typeof algorithm.name === 'string' ? algorithm.name : '';
}
