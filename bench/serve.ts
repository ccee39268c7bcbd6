/**
 * Runs a bench server in its own process, as a real endpoint is never inside the client's
 * process: the client's wait for the network is then real idle time, as in production.
 * Usage (internal): node --import tsx bench/serve.ts <sagemaker|pai|modelarts> <total> [latencyMs];
 * prints the URL, serves until stdin closes.
 */
import { startModelArtsBenchServer } from './modelarts-server.js';
import { startPaiBenchServer } from './pai-server.js';
import { startSageMakerBenchServer } from './sagemaker-server.js';

const [cloud, total = '10000', latency = '0'] = process.argv.slice(2);
const servers = {
  sagemaker: () => startSageMakerBenchServer(Number(total)),
  pai: () => startPaiBenchServer(Number(total), Number(latency)),
  modelarts: () => startModelArtsBenchServer(Number(total)),
};
const start = servers[cloud as keyof typeof servers];
if (!start) throw new Error(`unknown bench server: ${cloud}`);
const server = await start();
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
