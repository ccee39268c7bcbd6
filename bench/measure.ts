/** Side-by-side timing: contenders run interleaved, round by round, so drift hits all alike. */

export interface Contender {
  name: string;
  run(): Promise<unknown>;
}

export interface Result {
  name: string;
  medianMs: number;
  samples: number[];
}

export async function compare(
  contenders: Contender[],
  options: { rounds: number; warmup: number },
): Promise<Result[]> {
  for (let i = 0; i < options.warmup; i++) for (const c of contenders) await c.run();
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const c of contenders) {
      const start = performance.now();
      await c.run();
      samples.get(c.name)?.push(performance.now() - start);
    }
  }
  return contenders.map((c) => {
    const s = samples.get(c.name) ?? [];
    return { name: c.name, medianMs: median(s), samples: s };
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A ratio to print: `subject`'s median ÷ `reference`'s, and the most it may be. */
export interface Ratio {
  subject: string;
  reference: string;
  max?: number;
}

/** Prints every median and the ratios asked for; false when a ratio misses its target. */
export function report(title: string, results: Result[], ratios: Ratio[]): boolean {
  console.log(`\n${title}`);
  for (const r of results)
    console.log(`  ${r.name.padEnd(30)} median ${r.medianMs.toFixed(1).padStart(8)} ms`);
  let ok = true;
  for (const { subject, reference, max } of ratios) {
    const a = results.find((r) => r.name === subject);
    const b = results.find((r) => r.name === reference);
    if (!a || !b) throw new Error(`no result named ${a ? reference : subject}`);
    const ratio = a.medianMs / b.medianMs;
    if (max !== undefined && ratio > max) ok = false;
    const verdict = max === undefined ? '' : ` (target ≤ ${max}×${ratio > max ? ', MISSED' : ''})`;
    console.log(`  ${subject} ÷ ${reference}: ${ratio.toFixed(2)}×${verdict}`);
  }
  return ok;
}
