// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI keys are literally written ${name}.
/** The clouds' documented search-space examples (copies in test/fixtures/search-space, see SOURCES.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choice, compile, contains, float, int, parse, space } from '../../src/search-space/index.js';

const fixture = (file: string) =>
  readFileSync(new URL(`../fixtures/search-space/${file}`, import.meta.url), 'utf8');
const json = (file: string) => JSON.parse(fixture(file));

const kmeans = space({
  centerCount: choice([2, 3, 4, 5]),
  distanceType: choice(['euclidean', 'cosine', 'cityblock']),
});

describe('PAI GetHpoExperiment', () => {
  it('reads SearchSpace given as text', () => {
    expect(parse(fixture('pai-GetHpoExperiment.SearchSpace.txt'), 'pai')).toEqual({
      space: kmeans,
      losses: [],
    });
  });

  it('reads SearchSpace given as an object, and compiles it back to the same JSON', () => {
    const response = json('pai-GetHpoExperiment.response.json');
    const { space: read, losses } = parse(response.SearchSpace, 'pai');
    expect(read).toEqual(kmeans);
    expect(losses).toEqual([]);
    expect(compile(read, 'pai').value).toEqual(response.SearchSpace);
  });

  it('reads HpoExperimentConfiguration.search_space and compiles it back unchanged', () => {
    const searchSpace = json('pai-GetHpoExperiment.response.json').HpoExperimentConfiguration.search_space;
    const read = parse(searchSpace, 'pai').space;
    expect(read).toEqual({ max_depth: choice([1, 3, 5]), tree_count: choice([50, 100, 150]) });
    expect(compile(read, 'pai')).toEqual({ value: searchSpace, losses: [] });
  });

  it('carries over to SageMaker and ModelArts without loss', () => {
    for (const target of ['sagemaker', 'modelarts'] as const) {
      const { value, losses } = compile(kmeans, target);
      expect(losses).toEqual([]);
      expect(parse(value, target).space).toEqual(kmeans);
    }
  });
});

describe('PAI GetHpoTrial', () => {
  const strip = (hyperparam: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(hyperparam).map(([k, v]) => [k.slice(2, -1), v]));

  it('gives hyperparameters under ${name} keys that lie in the experiment’s space', () => {
    const hyperparam = json('pai-GetHpoTrial.response.json').Hyperparam;
    expect(hyperparam).toEqual(JSON.parse(fixture('pai-GetHpoTrial.Hyperparam.txt')));
    expect(contains(kmeans, strip(hyperparam))).toBe(true);
    expect(contains(kmeans, strip({ ...hyperparam, '${centerCount}': 6 }))).toBe(false);
  });
});

describe('SageMaker CreateHyperParameterTuningJob ParameterRanges', () => {
  const ranges = json('sagemaker-CreateHyperParameterTuningJob.ParameterRanges.json');

  it('reads the ranges, reporting the Auto scaling', () => {
    const { space: read, losses } = parse(ranges, 'sagemaker');
    expect(read).toEqual({
      max_depth: int(3, 10),
      eta: float(0.01, 0.5, { log: true }),
      booster: choice(['gbtree', 'dart']),
    });
    expect(losses.map((l) => [l.param, l.kind])).toEqual([['max_depth', 'scale-changed']]);
  });

  it('compiles the neutral form back with an explicit scale', () => {
    const { value, losses } = compile(parse(ranges, 'sagemaker').space, 'sagemaker');
    expect(losses).toEqual([]);
    expect(value).toEqual({
      ...ranges,
      IntegerParameterRanges: [{ ...ranges.IntegerParameterRanges[0], ScalingType: 'Linear' }],
    });
  });
});
