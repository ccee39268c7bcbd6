/**
 * What `experiments.create` adds to the experiment it read back: the compile losses, beside what
 * reading the cloud's search space lost; the spec given stands in for a search space the answer
 * did not show.
 */
import { describe, expect, it } from 'vitest';
import { withCompileLosses } from '../../src/core/created.js';
import type { Experiment, ExperimentSpec } from '../../src/core/types.js';
import { float, space } from '../../src/index.js';
import type { Loss } from '../../src/search-space/loss.js';

const spec = {
  name: 'x',
  searchSpace: space({ eta: float(0.1, 0.5) }),
} as unknown as ExperimentSpec<unknown>;
const compiled: Loss[] = [{ param: 'eta', kind: 'scale-changed', lost: 'log', usedInstead: 'linear' }];
const read: Loss[] = [{ param: 'eta', kind: 'dropped-step', lost: 'step 0.1', usedInstead: 'none' }];

describe('withCompileLosses', () => {
  it('keeps the search space read back, with what reading it lost, and adds the compile losses', () => {
    const readBack = space({ eta: float(0.1, 0.4) });
    const experiment = { searchSpace: { spec: readBack, losses: read } } as unknown as Experiment;
    expect(withCompileLosses(experiment, spec, compiled).searchSpace).toEqual({
      spec: readBack,
      losses: read,
      compileLosses: compiled,
    });
  });

  it('lets the spec stand in, with nothing lost reading it, when the answer shows none', () => {
    const experiment = {} as Experiment;
    expect(withCompileLosses(experiment, spec, compiled).searchSpace).toEqual({
      spec: spec.searchSpace,
      losses: [],
      compileLosses: compiled,
    });
  });

  it('adds nothing when neither shows a search space', () => {
    const experiment = {} as Experiment;
    expect(
      withCompileLosses(experiment, { name: 'x' } as unknown as ExperimentSpec<unknown>, compiled),
    ).toEqual({});
  });
});
