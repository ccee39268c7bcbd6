/**
 * The botocore subset script (scripts/extract-sagemaker-subset.ts), run on the committed model as
 * if it were botocore's whole: it must give the model back, and for fewer operations exactly the
 * shapes they reach.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSubset, type ServiceModel } from '../../scripts/extract-sagemaker-subset.js';

const model = JSON.parse(
  readFileSync(new URL('../../codegen/sagemaker/service-model.json', import.meta.url), 'utf8'),
) as ServiceModel;

describe('extractSubset', () => {
  it('gives the committed model back from itself, shapes in the same order', () => {
    const again = extractSubset(model, Object.keys(model.operations), model._source ?? '');
    expect(again).toEqual(model);
    expect(Object.keys(again.shapes)).toEqual(Object.keys(model.shapes));
  });

  it('keeps exactly the shapes the operations reach', () => {
    const subset = extractSubset(model, ['StopHyperParameterTuningJob'], 'test');
    expect(Object.keys(subset.operations)).toEqual(['StopHyperParameterTuningJob']);
    // The request, its name, and the ResourceNotFound error with its message.
    expect(Object.keys(subset.shapes).sort()).toEqual([
      'FailureReason',
      'HyperParameterTuningJobName',
      'ResourceNotFound',
      'StopHyperParameterTuningJobRequest',
    ]);
    const describe = extractSubset(model, ['DescribeTrainingJob'], 'test');
    expect(Object.keys(describe.shapes)).toContain('BillableTimeInSeconds');
    expect(Object.keys(describe.shapes)).not.toContain('HyperParameterTuningJobConfig');
    // Every reference inside the subset resolves inside it.
    for (const shape of Object.values(describe.shapes)) {
      for (const ref of JSON.stringify(shape).matchAll(/"shape":"([^"]+)"/g)) {
        expect(Object.hasOwn(describe.shapes, ref[1] as string), ref[1]).toBe(true);
      }
    }
  });

  it('refuses an operation the model lacks, and a shape it refers to but lacks', () => {
    expect(() => extractSubset(model, ['CreateTrainingJobX'], 'test')).toThrow(
      'Not in the model: CreateTrainingJobX',
    );
    const broken = structuredClone(model);
    delete broken.shapes.HyperParameterTuningJobName;
    expect(() => extractSubset(broken, ['StopHyperParameterTuningJob'], 'test')).toThrow(
      'The model refers to a shape it lacks: HyperParameterTuningJobName',
    );
  });
});
