/**
 * One transport for all three clouds (issue 10), over real sockets — no msw in this file: the
 * fakes are served by startLoopbackServer. The documented proxy recipe (`dispatcher: new
 * ProxyAgent(url)`) works the same on every cloud, PAI included; so do an injected `fetch`, the
 * default node:http handler, and the hook events.
 */
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { ProxyAgent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptEvent, FetchLike } from '../../src/index.js';
import { modelarts } from '../../src/providers/modelarts/index.js';
import { pai } from '../../src/providers/pai/index.js';
import { sagemaker } from '../../src/providers/sagemaker/index.js';
import {
  FAKE_ALIYUN_CREDENTIALS,
  FAKE_AWS_CREDENTIALS,
  FAKE_HUAWEI_CREDENTIALS,
  type LoopbackServer,
  modelartsFake,
  paiFake,
  sagemakerFake,
  startLoopbackServer,
} from '../../src/testing/index.js';

const sm = sagemakerFake({ seed: 5 });
const ali = paiFake({ seed: 5 });
const hw = modelartsFake({ seed: 5 });
let loopback: LoopbackServer;
let proxy: Server;
let proxyUrl: string;
/** What reached the proxy: `CONNECT host:port` for a tunnel, `GET http://…` for a forwarded request. */
const proxied: string[] = [];

beforeAll(async () => {
  loopback = await startLoopbackServer([...sm.handlers, ...ali.handlers, ...hw.handlers]);
  // A proxy as corporate networks run them: a plain-HTTP request addressed by its absolute URL is
  // forwarded; CONNECT host:port opens a tunnel (what https targets use).
  proxy = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, client, head) => {
    proxied.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterEach(() => {
  sm.reset();
  ali.reset();
  hw.reset();
});
afterAll(async () => {
  await loopback?.close();
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => proxy?.close(() => resolve()));
});

type Transport = { dispatcher?: unknown; fetch?: FetchLike; hooks?: { onAttempt(e: AttemptEvent): void } };

/** Each cloud pointed at the loopback server, with the same transport options. */
function clouds(transport: Transport) {
  return {
    sagemaker: async () => {
      sm.state.seedTuningJob({ name: 'via-one-path' });
      const cloud = sagemaker({
        region: 'us-east-1',
        endpoint: `${loopback.url}/`,
        credentials: FAKE_AWS_CREDENTIALS,
        ...transport,
      });
      return (await cloud.experiments.get('via-one-path')).id;
    },
    pai: async () => {
      const seeded = ali.state.seedExperiment({ name: 'via-one-path' });
      const cloud = pai({
        region: ali.region,
        endpoint: loopback.url,
        credentials: FAKE_ALIYUN_CREDENTIALS,
        ...transport,
      });
      return (await cloud.experiments.get(seeded.id)).name;
    },
    modelarts: async () => {
      const job = hw.state.seedJob({ name: 'via-one-path' });
      const cloud = modelarts({
        region: hw.region,
        endpoint: loopback.url,
        iamEndpoint: loopback.url,
        projectId: hw.projectId,
        credentials: FAKE_HUAWEI_CREDENTIALS,
        ...transport,
      });
      return (await cloud.experiments.get(job.id)).name;
    },
  };
}
const NAMES = ['sagemaker', 'pai', 'modelarts'] as const;

describe('the same transport options on every cloud', () => {
  it.each(NAMES)('%s: through a proxy with dispatcher: new ProxyAgent(url)', async (name) => {
    const agent = new ProxyAgent(proxyUrl);
    proxied.length = 0;
    try {
      expect(await clouds({ dispatcher: agent })[name]()).toBe('via-one-path');
    } finally {
      await agent.close();
    }
    expect(proxied).toHaveLength(1);
    expect(proxied[0]).toContain(new URL(loopback.url).host);
  });

  it.each(NAMES)('%s: an injected fetch sends every request', async (name) => {
    const sent: string[] = [];
    const fetch: FetchLike = (url, init) => {
      sent.push(`${init.method} ${new URL(url).pathname}`);
      return globalThis.fetch(url, init);
    };
    expect(await clouds({ fetch })[name]()).toBe('via-one-path');
    expect(sent).toHaveLength(1);
  });

  it.each(NAMES)(
    '%s: the default node:http handler, with one hook event per attempt of the same shape',
    async (name) => {
      const events: AttemptEvent[] = [];
      expect(await clouds({ hooks: { onAttempt: (e) => events.push(e) } })[name]()).toBe('via-one-path');
      expect(events).toHaveLength(1);
      expect(Object.keys(events[0] ?? {}).sort()).toEqual(
        [
          'attempt',
          'durationMs',
          'errorClass',
          'errorCode',
          'httpStatus',
          'operation',
          'provider',
          'requestId',
        ].sort(),
      );
      expect(events[0]).toMatchObject({ provider: name, attempt: 1, httpStatus: 200 });
      expect(events[0]?.requestId).toEqual(expect.any(String));
    },
  );
});
