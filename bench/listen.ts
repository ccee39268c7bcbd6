/** A bench server on 127.0.0.1 (never on all interfaces), on an ephemeral port. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchServer {
  /** `http://127.0.0.1:<port>` plus `path`. */
  url: string;
  close(): Promise<void>;
}

export async function listen(server: Server, path = ''): Promise<BenchServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
