import { describe, expect, it } from 'vitest';
import { choice, compile, float, int, space } from '../../src/search-space/index.js';

describe('flattening conditional choices (SageMaker, ModelArts)', () => {
  it('keeps a branch parameter’s own name unless another parameter has it', () => {
    const spec = space({
      lr: float(0.001, 0.1),
      opt: choice({
        sgd: space({ lr: float(0.01, 1), momentum: float(0, 0.9) }),
        adam: space({ lr: float(0.0001, 0.01) }),
      }),
    });
    const { value } = compile(spec, 'modelarts');
    expect(value.map((p) => p.name)).toEqual(['lr', 'opt', 'opt.sgd.lr', 'momentum', 'opt.adam.lr']);
  });

  it('reports each conditional, nested ones included, naming the parameters it set free', () => {
    const spec = space({
      model: choice({
        tree: space({
          depth: int(1, 8),
          split: choice({ gini: space({}), entropy: space({ bins: int(2, 8) }) }),
        }),
        linear: space({}),
      }),
    });
    const { losses } = compile(spec, 'sagemaker');
    expect(losses.map((l) => [l.param, l.kind, l.lost])).toEqual([
      [
        'model',
        'flattened-conditional',
        'branch parameters that exist only under their branch (depth, split)',
      ],
      [
        'model.tree.split',
        'flattened-conditional',
        'branch parameters that exist only under their branch (bins)',
      ],
    ]);
  });

  it('refuses a space whose flattened names would clash', () => {
    const spec = space({
      'opt.a.x': float(0, 1),
      x: float(0, 1),
      opt: choice({ a: space({ x: float(0, 2) }) }),
    });
    expect(() => compile(spec, 'sagemaker')).toThrow(/same name/);
  });
});
