/**
 * The public wire types are written out in full (src/providers/<cloud>/wire-types.ts, generated
 * by scripts/gen-wire-types.ts) so that the package's declarations need no zod. Here: each equals
 * the type its schema infers (checked by the type checker, which fails `npm run typecheck` on a
 * difference), and the committed files are what the generator makes of today's schemas.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { generateWireTypes, wireTypesPath } from '../../scripts/gen-wire-types.js';
import type * as ModelArtsApi from '../../src/providers/modelarts/api.js';
import type * as ModelArtsNormalize from '../../src/providers/modelarts/normalize.js';
import type * as ModelArtsWire from '../../src/providers/modelarts/wire.js';
import type * as ModelArts from '../../src/providers/modelarts/wire-types.js';
import type * as PaiApi from '../../src/providers/pai/api.js';
import type * as PaiNormalize from '../../src/providers/pai/normalize.js';
import type * as PaiWire from '../../src/providers/pai/wire.js';
import type * as Pai from '../../src/providers/pai/wire-types.js';
import type * as SageMakerApi from '../../src/providers/sagemaker/api.js';
import type * as SageMaker from '../../src/providers/sagemaker/wire-types.js';

describe('the public wire types', () => {
  it('equal the types the schemas infer, name by name', () => {
    expectTypeOf<SageMaker.CreateHyperParameterTuningJobResult>().toEqualTypeOf<SageMakerApi.CreateHyperParameterTuningJobResult>();
    expectTypeOf<SageMaker.DescribeHyperParameterTuningJobResult>().toEqualTypeOf<SageMakerApi.DescribeHyperParameterTuningJobResult>();
    expectTypeOf<SageMaker.DescribeTrainingJobResult>().toEqualTypeOf<SageMakerApi.DescribeTrainingJobResult>();
    expectTypeOf<SageMaker.ListHyperParameterTuningJobsResult>().toEqualTypeOf<SageMakerApi.ListHyperParameterTuningJobsResult>();
    expectTypeOf<SageMaker.ListTrainingJobsForHyperParameterTuningJobResult>().toEqualTypeOf<SageMakerApi.ListTrainingJobsForHyperParameterTuningJobResult>();
    expectTypeOf<SageMaker.SageMakerTrainingJobSummaryWire>().toEqualTypeOf<SageMakerApi.SageMakerTrainingJobSummaryWire>();
    expectTypeOf<SageMaker.SageMakerTuningJobSummaryWire>().toEqualTypeOf<SageMakerApi.SageMakerTuningJobSummaryWire>();
    expectTypeOf<SageMaker.SageMakerApi>().toEqualTypeOf<SageMakerApi.SageMakerApi>();

    expectTypeOf<Pai.AutofeExperimentResult>().toEqualTypeOf<PaiWire.AutofeExperimentResult>();
    expectTypeOf<Pai.CommandsResult>().toEqualTypeOf<PaiWire.CommandsResult>();
    expectTypeOf<Pai.CreatedExperimentResult>().toEqualTypeOf<PaiWire.CreatedExperimentResult>();
    expectTypeOf<Pai.GetHpoExperimentResult>().toEqualTypeOf<PaiWire.GetHpoExperimentResult>();
    expectTypeOf<Pai.GetHpoTrialResult>().toEqualTypeOf<PaiWire.GetHpoTrialResult>();
    expectTypeOf<Pai.ListHpoExperimentsResult>().toEqualTypeOf<PaiWire.ListHpoExperimentsResult>();
    expectTypeOf<Pai.ListHpoTrialsResult>().toEqualTypeOf<PaiWire.ListHpoTrialsResult>();
    expectTypeOf<Pai.PaiExperimentWire>().toEqualTypeOf<PaiWire.PaiExperimentWire>();
    expectTypeOf<Pai.PaiTrialWire>().toEqualTypeOf<PaiWire.PaiTrialWire>();
    expectTypeOf<Pai.PaiTrainingJobRaw>().toEqualTypeOf<PaiNormalize.PaiTrainingJobRaw>();
    expectTypeOf<Pai.PaiApi>().toEqualTypeOf<PaiApi.PaiApi>();

    expectTypeOf<ModelArts.ModelArtsAutoSearchTrialsWire>().toEqualTypeOf<ModelArtsWire.ModelArtsAutoSearchTrialsWire>();
    expectTypeOf<ModelArts.ModelArtsTrainingJobSearchWire>().toEqualTypeOf<ModelArtsWire.ModelArtsTrainingJobSearchWire>();
    expectTypeOf<ModelArts.ModelArtsTrainingJobWire>().toEqualTypeOf<ModelArtsWire.ModelArtsTrainingJobWire>();
    expectTypeOf<ModelArts.ModelArtsTrialTableWire>().toEqualTypeOf<ModelArtsWire.ModelArtsTrialTableWire>();
    expectTypeOf<ModelArts.ModelArtsWorkspacesWire>().toEqualTypeOf<ModelArtsWire.ModelArtsWorkspacesWire>();
    expectTypeOf<ModelArts.ModelArtsTableRow>().toEqualTypeOf<ModelArtsWire.TableRow>();
    expectTypeOf<ModelArts.ModelArtsTableCell>().toEqualTypeOf<ModelArtsWire.TableCell>();
    expectTypeOf<ModelArts.ModelArtsTrialRaw>().toEqualTypeOf<ModelArtsNormalize.ModelArtsTrialRaw>();
    expectTypeOf<ModelArts.ModelArtsApi>().toEqualTypeOf<ModelArtsApi.ModelArtsApi>();
  });

  it('are what the generator makes of the schemas today', () => {
    for (const [cloud, generated] of Object.entries(generateWireTypes())) {
      const formatted = execFileSync(
        'npx',
        ['biome', 'format', `--stdin-file-path=${wireTypesPath(cloud)}`],
        {
          input: generated,
          encoding: 'utf8',
        },
      );
      expect(formatted, `${wireTypesPath(cloud)}: run node --import tsx scripts/gen-wire-types.ts`).toBe(
        readFileSync(wireTypesPath(cloud), 'utf8'),
      );
    }
  }, 120_000);
});
