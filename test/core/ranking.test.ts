/**
 * The one ranking rule behind a summary's best trial, a watch's "new best" and a comparison: which
 * trials take part (and why the others do not, as a comparison lists them), and which is better.
 */
import { describe, expect, it } from 'vitest';
import { TrialTally } from '../../src/core/progress/summarize.js';
import { exclusionOf } from '../../src/core/ranking.js';
import type { Trial, TrialStatus } from '../../src/core/types.js';
import { aTrial } from '../helpers/trial.js';

const trial = (id: string, status: TrialStatus, value?: number): Trial =>
  aTrial({ id, status, objective: value === undefined ? undefined : { metric: 'loss', value } });

/** The best trial a summary computes from `trials`, walked in order. */
function best(direction: 'minimize' | 'maximize', trials: Trial[]): string | undefined {
  const tally = new TrialTally(direction);
  for (const t of trials) tally.add(t);
  return tally.summary({ status: 'completed' } as never, {}).bestTrial?.id;
}

describe('exclusionOf: why a trial takes no part in a ranking', () => {
  it.each([
    ['completed', 0.5, undefined],
    ['early_stopped', 0.5, undefined],
    ['stopped', 0.5, undefined],
    ['failed', 0.5, 'failed'],
    ['running', 0.5, 'not-ended'],
    ['pending', 0.5, 'not-ended'],
    ['completed', undefined, 'no-objective'],
    ['completed', Number.NaN, 'not-finite'],
    ['stopped', Number.POSITIVE_INFINITY, 'not-finite'],
    ['running', undefined, 'not-ended'],
  ] as const)('%s with %s → %s', (status, value, reason) => {
    expect(exclusionOf(trial('t', status, value), value)).toBe(reason);
  });
});

describe('the best trial', () => {
  it('is any ended trial that did not fail: early-stopped and stopped ones count', () => {
    expect(best('minimize', [trial('a', 'completed', 3), trial('b', 'early_stopped', 2)])).toBe('b');
    expect(best('minimize', [trial('a', 'completed', 3), trial('b', 'stopped', 2)])).toBe('b');
    expect(best('minimize', [trial('a', 'completed', 3), trial('b', 'running', 2)])).toBe('a');
    expect(best('minimize', [trial('a', 'completed', 3), trial('b', 'failed', 2)])).toBe('a');
  });

  it('of two equal values is the earlier one, in either direction', () => {
    expect(best('minimize', [trial('a', 'completed', 2), trial('b', 'completed', 2)])).toBe('a');
    expect(best('maximize', [trial('a', 'completed', 2), trial('b', 'completed', 2)])).toBe('a');
  });
});
