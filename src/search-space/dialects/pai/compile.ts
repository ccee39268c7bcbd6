/** Neutral space → NNI JSON with `${name}` keys, as PAI AutoML takes it. */
import { onGrid } from '../../grid.js';
import { type LossLog, show } from '../../loss.js';
import type { IntParam, Param, SearchSpace } from '../../types.js';
import { PAI_RESERVED_NAMES, toPlaceholder } from './placeholders.js';
import { previewGrid, previewNniGrid } from './quantized.js';
import type { NniBranch, NniParam, NniSearchSpace, NniType } from './types.js';

export function compilePai(spec: SearchSpace, log: LossLog): NniSearchSpace {
  return compileSpace(spec, undefined, log);
}

function compileSpace(spec: SearchSpace, prefix: string | undefined, log: LossLog): Record<string, NniParam> {
  const out: Record<string, NniParam> = {};
  for (const [name, param] of Object.entries(spec)) {
    const path = prefix === undefined ? name : `${prefix}.${name}`;
    if (PAI_RESERVED_NAMES.includes(name)) {
      log.add(
        path,
        'dropped-parameter',
        `the parameter ${name}`,
        `nothing: \${${name}} is PAI's own placeholder`,
      );
      continue;
    }
    out[toPlaceholder(name)] = compileParam(param, path, log);
  }
  return out;
}

function compileParam(p: Param, path: string, log: LossLog): NniParam {
  switch (p.kind) {
    case 'choice':
      return { _type: 'choice', _value: [...p.values] };
    case 'conditional': {
      const branches = Object.entries(p.branches).map(
        ([branch, sub]): NniBranch => ({ _name: branch, ...compileSpace(sub, `${path}.${branch}`, log) }),
      );
      return { _type: 'choice', _value: branches };
    }
    case 'int':
      // randint's upper bound is exclusive: [low, high + 1) holds exactly low…high.
      if (p.step === 1 && p.scale === 'linear') return { _type: 'randint', _value: [p.low, p.high + 1] };
      return compileSteppedInt(p, path, log);
    case 'float':
      if (p.scale === 'reverse-log') {
        log.add(path, 'scale-changed', 'the reverse-log scale', 'a linear scale');
      }
      if (p.step === undefined) {
        return { _type: p.scale === 'log' ? 'loguniform' : 'uniform', _value: [p.low, p.high] };
      }
      return quantized(p.scale === 'log' ? 'qloguniform' : 'quniform', p.low, p.high, p.step, path, log);
    case 'normal':
      return p.step === undefined
        ? { _type: 'normal', _value: [p.mu, p.sigma] }
        : { _type: 'qnormal', _value: [p.mu, p.sigma, p.step] };
    case 'lognormal':
      return p.step === undefined
        ? { _type: 'lognormal', _value: [p.mu, p.sigma] }
        : { _type: 'qlognormal', _value: [p.mu, p.sigma, p.step] };
  }
}

// NNI's only integer type is randint (linear, step 1); the q-types round in floating point.
function compileSteppedInt(p: IntParam, path: string, log: LossLog): NniParam {
  const type = p.scale === 'log' ? 'qloguniform' : 'quniform';
  log.add(
    path,
    'integer-as-float',
    'the integer type',
    `NNI ${type}, whose values are floats (${p.low}.0, …)`,
  );
  return quantized(type, p.low, p.high, p.step, path, log);
}

function quantized(
  type: NniType,
  low: number,
  high: number,
  step: number,
  path: string,
  log: LossLog,
): NniParam {
  if (!onGrid(low, 0, step)) {
    log.add(
      path,
      'step-anchor',
      `the grid from low in steps of ${step}: ${previewGrid(low, high, step)}`,
      `NNI ${type} ${show([low, high, step])}, which rounds to multiples of ${step} and clips: ${previewNniGrid(low, high, step)}`,
    );
  }
  return { _type: type, _value: [low, high, step] } as NniParam;
}
