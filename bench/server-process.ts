/** Starts bench/serve.ts in a child process and hands back its URL. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export type BenchCloud = 'sagemaker' | 'pai' | 'modelarts';

export async function startServerProcess(
  cloud: BenchCloud,
  total: number,
  latencyMs = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, cloud, String(total), String(latencyMs)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let buffered = '';
  for await (const chunk of child.stdout) {
    buffered += String(chunk);
    if (buffered.includes('\n')) break;
  }
  const url = buffered.trim();
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`bench server did not start: ${url}`);
  return {
    url,
    close: async () => {
      child.stdin.end();
      await once(child, 'exit');
    },
  };
}
