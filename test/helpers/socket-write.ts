/**
 * How node:http sends a request on a kept-alive socket, for tests of reading ahead: first the
 * request's own promise steps (signing, hooks), then the write, in a process.nextTick callback
 * (`onSocket`). `write` runs where the socket write would; the promise settles after it.
 */
export async function reachSocket(write: () => void): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
  await new Promise<void>((resolve) =>
    process.nextTick(() => {
      write();
      resolve();
    }),
  );
}
