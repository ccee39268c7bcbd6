/**
 * What the transport hands back and forth: the request crosstune sends, the answer it reads, and
 * why an answer that arrived could not be read. Response headers are a `ResponseHeaders`, looked up
 * by name case-insensitively: a WHATWG `Headers` fits that shape (the fetch paths hand theirs over
 * as they are), but building one loads Node's bundled undici (~50 ms at a cold start), so the
 * node:http handler wraps the raw headers it already holds instead.
 */

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface ResponseHeaders {
  /** The value, several values of one name joined by `, ` as `Headers.get` does; null when absent. */
  get(name: string): string | null;
}

export interface HttpResponse {
  status: number;
  headers: ResponseHeaders;
  body: string;
}

/** An answer arrived but cannot be handed over: larger than the cap, or its coding is broken. */
export class UnreadableBody extends Error {
  constructor(
    readonly reason: 'too-large' | 'undecodable',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A `fetch` option resolved with something that is not a Response: nothing to read, and no reason to retry. */
export class NotAResponse extends Error {}

/** Over node:http's `rawHeaders` (`[name, value, name, value, …]`), read only when asked. */
export function fromRawHeaders(raw: readonly string[]): ResponseHeaders {
  return {
    get(name) {
      const wanted = name.toLowerCase();
      let value: string | null = null;
      // Stryker disable next-line EqualityOperator: rawHeaders holds name-value pairs, an even length, for which `<=` stops at the same i.
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if ((raw[i] as string).toLowerCase() !== wanted) continue;
        const v = raw[i + 1] as string;
        value = value === null ? v : `${value}, ${v}`;
      }
      return value;
    },
  };
}
