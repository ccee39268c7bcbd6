/**
 * Response headers as the attempt loop and the clouds' error readers use them: looked up by name,
 * case-insensitively. A WHATWG `Headers` fits this shape (the fetch paths hand theirs over as
 * they are), but building one loads Node's bundled undici (~50 ms at a cold start), so the
 * node:http path and PAI's runtime wrap the headers they already hold instead.
 */
export interface ResponseHeaders {
  /** The value, several values of one name joined by `, ` as `Headers.get` does; null when absent. */
  get(name: string): string | null;
}

/** Over node:http's `rawHeaders` (`[name, value, name, value, …]`), read only when asked. */
export function fromRawHeaders(raw: readonly string[]): ResponseHeaders {
  return {
    get(name) {
      const wanted = name.toLowerCase();
      let value: string | null = null;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if ((raw[i] as string).toLowerCase() !== wanted) continue;
        const v = raw[i + 1] as string;
        value = value === null ? v : `${value}, ${v}`;
      }
      return value;
    },
  };
}

/** Over a record of header values (names in any case, arrays for repeated headers). */
export function fromHeaderRecord(
  record: Readonly<Record<string, string | readonly string[] | number | undefined>> | undefined,
): ResponseHeaders {
  const raw: string[] = [];
  for (const name in record) {
    const value = record[name];
    if (Array.isArray(value)) for (const v of value) raw.push(name, String(v));
    else if (value !== undefined) raw.push(name, String(value));
  }
  return fromRawHeaders(raw);
}
