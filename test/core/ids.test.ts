/**
 * The id check at the ends of what it refuses: the first and last control characters of each
 * range and their neighbours, a surrogate pair against a lone half, and what a refusal says.
 */
import { describe, expect, it } from 'vitest';
import { sagemaker } from '../../src/providers/sagemaker/index.js';
import { FAKE_AWS_CREDENTIALS } from '../../src/testing/index.js';

function client() {
  const sent: string[] = [];
  const cloud = sagemaker({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9/',
    credentials: FAKE_AWS_CREDENTIALS,
    retry: false,
    fetch: async (_url, init) => {
      sent.push(JSON.parse(init.body as string).HyperParameterTuningJobName);
      return new Response('{}', { status: 400 });
    },
  });
  return { cloud, sent };
}

describe('ids', () => {
  it.each(['a\u0000', 'a\u001f', 'a\u007f', 'a\u009f'])('%j has a control character', async (id) => {
    const { cloud, sent } = client();
    await expect(cloud.experiments.get(id)).rejects.toMatchObject({
      name: 'InvalidArgumentError',
      message: `experimentId must not contain control characters, got ${JSON.stringify(id)}`,
      provider: 'sagemaker',
      operation: 'experiments.get',
    });
    expect(sent).toEqual([]);
  });

  it.each(['a\ud800', '\udfffa', '\udc00\ud800'])('%j is not well-formed text', async (id) => {
    await expect(client().cloud.experiments.get(id)).rejects.toThrow(
      `experimentId must be well-formed text, got ${JSON.stringify(id)} (a lone surrogate)`,
    );
  });

  it('next to the ranges and in pairs, text is sent as it is', async () => {
    const { cloud, sent } = client();
    const ids = ['a b', 'a~', 'a\u00a0', 'a\ud83d\ude00', '...'];
    for (const id of ids) await cloud.experiments.get(id).catch(() => undefined);
    expect(sent).toEqual(ids);
  });

  it('every call answering with a promise rejects it for a bad id, never throwing', async () => {
    const { cloud, sent } = client();
    const calls: Array<() => Promise<unknown>> = [
      () => cloud.experiments.get(''),
      () => cloud.experiments.stop(''),
      () => cloud.experiments.delete(''),
      () => cloud.experiments.summarize(''),
      () => cloud.experiments.wait(''),
      () => cloud.trials.get('', 't'),
      () => cloud.trials.stop('e', ''),
    ];
    for (const call of calls) {
      let answer: Promise<unknown> | undefined;
      expect(() => {
        answer = call();
      }).not.toThrow();
      await expect(answer).rejects.toThrow(/must not be empty/);
    }
    expect(sent).toEqual([]);
  });

  it('calls that take no id are left as they are', async () => {
    const { cloud, sent } = client();
    await cloud.experiments
      .list()
      .toArray()
      .catch(() => undefined);
    expect(sent).toHaveLength(1);
  });

  it('a listing refuses a bad id when called; a promise rejects', async () => {
    const { cloud } = client();
    expect(() => cloud.trials.list('')).toThrow('experimentId must not be empty');
    await expect(cloud.trials.get('e', '..')).rejects.toThrow(
      'trialId must not be "..", which addresses another path',
    );
    await expect(cloud.experiments.get(null as never)).rejects.toThrow(
      'experimentId must be a string, got null',
    );
  });
});
