/**
 * The objective rule: runs are compared by one metric and one direction. Without a mapping every
 * run must state the same objective; with one, each run's values are read as the caller says.
 */
import { InvalidArgumentError } from '../core/errors.js';
import type { Experiment, Trial } from '../core/types.js';
import { ObjectiveMismatchError, type RunObjective } from './errors.js';
import type { ComparedObjective, ObjectiveMapping } from './types.js';

/** Reads the compared value from one run's trial. */
export type ReadValue = (trial: Trial) => number | undefined;

export interface ResolvedObjective {
  objective: ComparedObjective;
  /** By run label. */
  readValue: ReadonlyMap<string, ReadValue>;
}

const describe = (o: RunObjective) =>
  `${o.label}: ${o.metric === undefined ? 'no objective' : `${o.metric} (${o.direction ?? 'no direction'})`}`;

/** The trial's last final value of `metric`, else its last value of it. */
function metricValue(metric: string): ReadValue {
  return (trial) => {
    let last: number | undefined;
    let final: number | undefined;
    for (const point of trial.metrics) {
      if (point.name !== metric) continue;
      last = point.value;
      if (point.final) final = point.value;
    }
    return final ?? last;
  };
}

const objectiveValue: ReadValue = (trial) => trial.objective?.value;

export function resolveObjective(
  runs: readonly { label: string; experiment: Experiment }[],
  mapping: ObjectiveMapping | undefined,
): ResolvedObjective {
  const stated: RunObjective[] = runs.map(({ label, experiment }) => ({
    label,
    metric: experiment.objective?.metric,
    direction: experiment.objective?.direction,
  }));
  if (mapping === undefined) {
    const metric = stated[0]?.metric;
    const direction = stated[0]?.direction;
    if (!metric || !direction || !stated.every((o) => o.metric === metric && o.direction === direction)) {
      throw new ObjectiveMismatchError(
        `The runs do not optimise one objective (${stated.map(describe).join('; ')}); pass options.objective to say how they compare`,
        stated,
      );
    }
    return {
      objective: {
        metric,
        direction,
        rule: 'shared',
        runs: stated.map((o) => ({ label: o.label, metric, direction })),
      },
      readValue: new Map(stated.map((o) => [o.label, objectiveValue])),
    };
  }

  const unknown = Object.keys(mapping.metrics ?? {}).filter(
    (label) => !stated.some((o) => o.label === label),
  );
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `options.objective.metrics names runs that are not compared: ${unknown.join(', ')}`,
    );
  }
  const readValue = new Map<string, ReadValue>();
  const perRun = stated.map((o) => {
    const named = mapping.metrics?.[o.label];
    if (named !== undefined && named !== o.metric) {
      // Another metric than the run optimised: the caller vouches for its direction.
      readValue.set(o.label, metricValue(named));
      return { label: o.label, metric: named, direction: mapping.direction };
    }
    if (o.metric === undefined) {
      throw new ObjectiveMismatchError(
        `Run ${o.label} states no objective: name the metric that stands for ${mapping.metric} in options.objective.metrics`,
        stated,
      );
    }
    if (o.direction !== undefined && o.direction !== mapping.direction) {
      throw new ObjectiveMismatchError(
        `Run ${o.label} ${o.direction}s ${o.metric}, but the comparison ${mapping.direction}s ${mapping.metric}: its values cannot be ranked with the others`,
        stated,
      );
    }
    readValue.set(o.label, objectiveValue);
    return { label: o.label, metric: o.metric, direction: o.direction };
  });
  return {
    objective: { metric: mapping.metric, direction: mapping.direction, rule: 'mapped', runs: perRun },
    readValue,
  };
}
