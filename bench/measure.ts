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

export function report(title: string, results: Result[], targets: Record<string, number>): boolean {
  const base = results[0];
  console.log(`\n${title}`);
  let ok = true;
  for (const r of results) {
    const ratio = base ? base.medianMs / r.medianMs : 1;
    const target = targets[r.name];
    const line = r === base ? '' : `  ratio ${ratio.toFixed(2)}×${target ? ` (target ≤ ${target}×)` : ''}`;
    if (target !== undefined && ratio > target) ok = false;
    console.log(`  ${r.name.padEnd(28)} median ${r.medianMs.toFixed(1).padStart(8)} ms${line}`);
  }
  return ok;
}
