/**
 * `ALGORITHM Key=value,Key=value` — the shape of both SigV4's and ACS3's Authorization header,
 * read leniently so each fake can answer a malformed one in its cloud's own words.
 */
export interface ParsedAuthorization {
  algorithm: string;
  params: Partial<Record<string, string>>;
}

export function parseAuthorization(header: string): ParsedAuthorization {
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  const params: Partial<Record<string, string>> = {};
  for (const part of (space === -1 ? '' : trimmed.slice(space + 1)).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { algorithm, params };
}
