/**
 * Runs a bench server in its own process, as a real endpoint is never inside the client's
 * process: the client's wait for the network is then real idle time, as in production.
 * Usage (internal): node --import tsx bench/serve.ts <total>; prints the URL, serves until stdin closes.
 */
import { startSageMakerBenchServer } from './sagemaker-server.js';

const server = await startSageMakerBenchServer(Number(process.argv[2] ?? 10_000));
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
