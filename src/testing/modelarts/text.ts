/**
 * How the trial table writes values: the autosearch service builds it with pandas and `str()`s
 * every cell but `config`, so numbers are Python float reprs, booleans `True`/`False`, and PyTorch
 * tensors keep their repr (reference §4.1).
 */

/** Python's `repr(float)`: shortest round-trip digits, `.0` on whole numbers, exponent below 1e-4 or from 1e16. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [digits = '', exponentText = '0'] = Math.abs(x).toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits}e${e}`;
  }
  const text = Math.abs(x).toFixed(Math.max(0, digits.replace('.', '').length - 1 - exponent));
  return `${sign}${text.includes('.') ? text : `${text}.0`}`;
}

export function pythonBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A scalar loss tensor on the GPU, printed as PyTorch prints it (4 decimals). */
export function tensorText(x: number): string {
  return `tensor(${x.toFixed(4)}, device='cuda:0', requires_grad=True)`;
}
