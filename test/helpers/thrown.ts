import { FieldFormatError } from '../../src/core/fields.js';

/** What `fn` throws; a test that expected a throw fails when nothing is thrown. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but nothing was thrown');
}

/** Runs `body`, recording every promise rejection left unhandled meanwhile. */
export async function recordingUnhandledRejections(
  body: (rejections: unknown[]) => Promise<void>,
): Promise<void> {
  const rejections: unknown[] = [];
  const record = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', record);
  try {
    await body(rejections);
  } finally {
    process.off('unhandledRejection', record);
  }
}

/** The field the FieldFormatError `fn` throws names. */
export function fieldPathOf(fn: () => unknown): string {
  const error = thrown(fn);
  if (!(error instanceof FieldFormatError))
    throw new Error(`expected a FieldFormatError, got ${String(error)}`);
  return error.path;
}
