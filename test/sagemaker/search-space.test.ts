/**
 * experiments.create with a neutral search space: compiled to ParameterRanges on the wire, read
 * back as the neutral space by get, and used to type the trials' hyperparameters.
 */
import { describe, expect, it } from 'vitest';
import {
  choice,
  compile,
  float,
  InvalidArgumentError,
  int,
  normal,
  type SearchSpace,
  SearchSpaceError,
  space,
} from '../../src/index.js';
import { client, experimentSpec, failure, HOUR, requestsFor, useFakeServer } from './helpers/env.js';

const { fake } = useFakeServer();
const sm = client();

const tuned = space({
  max_depth: int(3, 10),
  eta: float(0.01, 0.5, { log: true }),
  booster: choice(['gbtree', 'dart']),
  scale_pos_weight: choice([1, 2.5, 10]),
  use_gpu: choice([true, false]),
});

/** A spec with the neutral space instead of SageMaker's own ranges. */
function neutralSpec(name: string, searchSpace: SearchSpace = tuned, strict = false) {
  const spec = experimentSpec(name, { searchSpace, strictSearchSpace: strict });
  if (spec.providerOptions) spec.providerOptions.parameterRanges = undefined;
  return spec;
}

describe('experiments.create with a neutral search space', () => {
  it('sends the compiled ranges and reads the same space back', async () => {
    const experiment = await sm.experiments.create(neutralSpec('churn-neutral'));

    const sent = requestsFor(fake, 'CreateHyperParameterTuningJob')[0]?.body as {
      HyperParameterTuningJobConfig: { ParameterRanges: unknown };
    };
    expect(sent.HyperParameterTuningJobConfig.ParameterRanges).toEqual(compile(tuned, 'sagemaker').value);
    expect(experiment.searchSpace?.spec).toEqual(tuned);
    expect(experiment.searchSpace?.losses).toEqual([]);
    expect(experiment.searchSpace?.compileLosses).toEqual([]);

    const again = await sm.experiments.get('churn-neutral');
    expect(again.searchSpace?.spec).toEqual(tuned);
    expect(again.searchSpace?.compileLosses).toBeUndefined();
  });

  it('types trial hyperparameters by the space: integers, floats, numbers, strings, booleans', async () => {
    await sm.experiments.create(neutralSpec('churn-typed'));
    fake.clock.advance(8 * HOUR);
    const trials = await sm.trials.list('churn-typed').toArray();

    expect(trials.length).toBeGreaterThan(0);
    for (const trial of trials) {
      const hp = trial.hyperParameters;
      expect(Number.isInteger(hp.max_depth)).toBe(true);
      expect(typeof hp.eta).toBe('number');
      expect(['gbtree', 'dart']).toContain(hp.booster);
      expect([1, 2.5, 10]).toContain(hp.scale_pos_weight);
      expect([true, false]).toContain(hp.use_gpu);
    }
  });

  it('reports what SageMaker cannot express, or refuses it before sending when strict', async () => {
    const lossy = space({ max_depth: int(3, 10), dropout: normal(0.3, 0.1) });
    const expectedLosses = compile(lossy, 'sagemaker').losses;
    expect(expectedLosses.length).toBeGreaterThan(0);

    const experiment = await sm.experiments.create(neutralSpec('churn-lossy', lossy));
    expect(experiment.searchSpace?.compileLosses).toEqual(expectedLosses);

    const refused = await failure(sm.experiments.create(neutralSpec('churn-strict', lossy, true)));
    expect(SearchSpaceError.is(refused)).toBe(true);
    expect((refused as SearchSpaceError).losses).toEqual(expectedLosses);
    expect(requestsFor(fake, 'CreateHyperParameterTuningJob')).toHaveLength(1);
  });

  it('needs a search space or parameterRanges', async () => {
    const spec = neutralSpec('churn-empty');
    spec.searchSpace = undefined;
    const error = await failure(sm.experiments.create(spec));
    expect(InvalidArgumentError.is(error)).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });
});
