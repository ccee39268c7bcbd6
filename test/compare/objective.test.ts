/** The objective rule: one metric and direction for every run, stated alike or mapped by the caller. */
import { describe, expect, it } from 'vitest';
import { ObjectiveMismatchError } from '../../src/compare/errors.js';
import { resolveObjective } from '../../src/compare/objective.js';
import { InvalidArgumentError } from '../../src/core/errors.js';
import type { Experiment, MetricPoint, Objective } from '../../src/core/types.js';
import { thrown } from '../helpers/thrown.js';
import { aTrial } from '../helpers/trial.js';

const run = (label: string, objective?: Partial<Objective>) => ({
  label,
  experiment: { objective } as Experiment,
});
const trial = (value: number | undefined, metrics: MetricPoint[] = []) =>
  aTrial({ objective: value === undefined ? undefined : { metric: 'auc', value }, metrics });

describe('resolveObjective without a mapping', () => {
  it('compares runs that state one objective, reading each trial’s objective', () => {
    const { objective, readValue } = resolveObjective(
      [
        run('a', { metric: 'auc', direction: 'maximize' }),
        run('b', { metric: 'auc', direction: 'maximize' }),
      ],
      undefined,
    );
    expect(objective).toEqual({
      metric: 'auc',
      direction: 'maximize',
      rule: 'shared',
      runs: [
        { label: 'a', metric: 'auc', direction: 'maximize' },
        { label: 'b', metric: 'auc', direction: 'maximize' },
      ],
    });
    expect(readValue.get('b')?.(trial(0.7, [{ name: 'auc', value: 0.1, final: true }]))).toBe(0.7);
    expect(readValue.get('a')?.(trial(undefined))).toBeUndefined();
  });

  it('refuses runs whose objectives differ, naming each run’s', () => {
    const error = thrown(() =>
      resolveObjective(
        [
          run('a', { metric: 'auc', direction: 'maximize' }),
          run('b', { metric: 'loss', direction: 'minimize' }),
          run('c'),
          run('d', { metric: 'auc' }),
        ],
        undefined,
      ),
    );
    expect(error).toBeInstanceOf(ObjectiveMismatchError);
    expect((error as Error).message).toBe(
      'The runs do not optimise one objective (a: auc (maximize); b: loss (minimize); c: no objective; d: auc (no direction)); pass options.objective to say how they compare',
    );
    expect((error as ObjectiveMismatchError).objectives).toEqual([
      { label: 'a', metric: 'auc', direction: 'maximize' },
      { label: 'b', metric: 'loss', direction: 'minimize' },
      { label: 'c', metric: undefined, direction: undefined },
      { label: 'd', metric: 'auc', direction: undefined },
    ]);
  });

  it('refuses runs that agree on no objective, or on a metric without a direction', () => {
    for (const runs of [
      [run('a'), run('b')],
      [run('a', { metric: 'auc' }), run('b', { metric: 'auc' })],
      [run('a', { direction: 'maximize' }), run('b', { direction: 'maximize' })],
      [
        run('a', { metric: 'auc', direction: 'maximize' }),
        run('b', { metric: 'auc', direction: 'minimize' }),
      ],
      [
        run('a', { metric: 'auc', direction: 'maximize' }),
        run('b', { metric: 'acc', direction: 'maximize' }),
      ],
      [run('a', { metric: '', direction: 'maximize' }), run('b', { metric: '', direction: 'maximize' })],
      [],
    ]) {
      expect(() => resolveObjective(runs, undefined)).toThrow(ObjectiveMismatchError);
    }
  });
});

describe('resolveObjective with a mapping', () => {
  const mapping = { metric: 'auc', direction: 'maximize' as const };

  it('reads a run’s named metric from its last final point, else its last point, in the caller’s direction', () => {
    const { objective, readValue } = resolveObjective(
      [
        run('a', { metric: 'auc', direction: 'maximize' }),
        run('b', { metric: 'loss', direction: 'minimize' }),
      ],
      { ...mapping, metrics: { b: 'val_auc' } },
    );
    expect(objective).toEqual({
      metric: 'auc',
      direction: 'maximize',
      rule: 'mapped',
      runs: [
        { label: 'a', metric: 'auc', direction: 'maximize' },
        { label: 'b', metric: 'val_auc', direction: 'maximize' },
      ],
    });
    const read = readValue.get('b');
    const point = (value: number, final: boolean, name = 'val_auc') => ({ name, value, final });
    expect(
      read?.(trial(9, [point(1, false), point(2, true), point(3, false), point(8, true, 'other')])),
    ).toBe(2);
    expect(read?.(trial(9, [point(1, true), point(2, true), point(3, false)]))).toBe(2);
    expect(read?.(trial(9, [point(1, false), point(3, false)]))).toBe(3);
    expect(read?.(trial(9, [point(5, true, 'other')]))).toBeUndefined();
    expect(readValue.get('a')?.(trial(0.5, [point(7, true, 'auc')]))).toBe(0.5);
  });

  it('reads the objective itself when a run is mapped to the metric it states', () => {
    const { readValue, objective } = resolveObjective([run('a', { metric: 'auc', direction: 'maximize' })], {
      ...mapping,
      metrics: { a: 'auc' },
    });
    expect(objective.runs).toEqual([{ label: 'a', metric: 'auc', direction: 'maximize' }]);
    expect(readValue.get('a')?.(trial(0.5, [{ name: 'auc', value: 7, final: true }]))).toBe(0.5);
  });

  it('takes a run that states a metric but no direction as the comparison’s', () => {
    const { objective } = resolveObjective([run('a', { metric: 'auc' })], mapping);
    expect(objective.runs).toEqual([{ label: 'a', metric: 'auc', direction: undefined }]);
  });

  it('refuses labels it does not compare, a run with no objective and none named, and the other direction', () => {
    expect(
      thrown(() =>
        resolveObjective([run('a', { metric: 'auc' })], { ...mapping, metrics: { x: 'm', y: 'n' } }),
      ),
    ).toEqual(new InvalidArgumentError('options.objective.metrics names runs that are not compared: x, y'));
    const none = thrown(() => resolveObjective([run('a', { metric: 'auc' }), run('b')], mapping));
    expect(none).toBeInstanceOf(ObjectiveMismatchError);
    expect((none as Error).message).toBe(
      'Run b states no objective: name the metric that stands for auc in options.objective.metrics',
    );
    const other = thrown(() =>
      resolveObjective([run('a', { metric: 'loss', direction: 'minimize' })], mapping),
    );
    expect(other).toBeInstanceOf(ObjectiveMismatchError);
    expect((other as Error).message).toBe(
      'Run a minimizes loss, but the comparison maximizes auc: its values cannot be ranked with the others',
    );
  });
});
