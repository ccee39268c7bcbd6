import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, renderSearchSpaceDoc } from '../../scripts/gen-search-space-doc.js';
import { describeSupport, LOSS_KINDS } from '../../src/search-space/index.js';

describe('describeSupport', () => {
  const table = describeSupport();
  const row = (feature: string) => table.rows.find((r) => r.feature === feature);

  it('covers every kind of parameter', () => {
    expect(new Set(table.rows.map((r) => r.example.kind))).toEqual(
      new Set(['choice', 'conditional', 'int', 'float', 'normal', 'lognormal']),
    );
  });

  it('says what each cloud does with a step', () => {
    expect(row('float, step')?.cells).toMatchObject({
      pai: { lossless: true, losses: [] },
      sagemaker: { lossless: false, losses: ['dropped-step'] },
      modelarts: { lossless: true, value: [expect.objectContaining({ discrete_points_num: '11' })] },
    });
  });

  it('says that only PAI keeps normal distributions and conditional choices', () => {
    for (const feature of ['normal', 'lognormal', 'conditional choice']) {
      const cells = row(feature)?.cells;
      expect([cells?.pai.lossless, cells?.sagemaker.lossless, cells?.modelarts.lossless]).toEqual([
        true,
        false,
        false,
      ]);
    }
  });

  it('lists the SageMaker limits with their sources', () => {
    const sagemaker = table.limits.filter((l) => l.target === 'sagemaker');
    expect(sagemaker.map((l) => l.rule)).toContain('at most 30 ranges in all; later parameters are dropped');
    for (const limit of table.limits) expect(limit.source).not.toBe('');
  });
});

describe('docs/search-space.md', () => {
  it('is what the generator writes (run `node --import tsx scripts/gen-search-space-doc.ts`)', () => {
    const committed = readFileSync(new URL(`../../${DOC_PATH}`, import.meta.url), 'utf8');
    expect(committed).toBe(renderSearchSpaceDoc());
  });

  it('explains every kind of loss with an example', () => {
    const doc = renderSearchSpaceDoc();
    for (const kind of LOSS_KINDS) expect(doc).toContain(`### \`${kind}\``);
  });
});
