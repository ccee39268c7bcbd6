/**
 * IAM tokens the fake has issued. A token is an opaque string (real ones are long PKI blobs
 * starting `MII`); the fake remembers what it stands for and until when, on the virtual clock.
 */
import type { Rng } from '../engine/rng.js';

/** IAM tokens are valid for 24 hours (reference §2.1). */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/** The IAM user and account a token stands for. */
export interface TokenIdentity {
  readonly userName: string;
  readonly userId: string;
  readonly domainName: string;
  readonly domainId: string;
}

/** An IAM token the ModelArts fake issued (`state.token(value)`); times in virtual epoch ms. */
export interface TokenRecord {
  readonly token: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly identity: TokenIdentity;
  /** Absent for a domain-scoped or unscoped token, which ModelArts refuses (ModelArts.0212). */
  readonly project: { readonly id: string; readonly name: string } | undefined;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export class TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();

  issue(input: Omit<TokenRecord, 'token' | 'expiresAt'> & { lifetimeMs?: number }, rng: Rng): TokenRecord {
    let token = '';
    while (token === '' || this.#tokens.has(token)) token = `MIIE${draw(rng, 300)}`;
    const { lifetimeMs = TOKEN_LIFETIME_MS, ...rest } = input;
    const record: TokenRecord = { ...rest, token, expiresAt: input.issuedAt + lifetimeMs };
    this.#tokens.set(token, record);
    return record;
  }

  get(token: string): TokenRecord | undefined {
    return this.#tokens.get(token);
  }

  all(): TokenRecord[] {
    return [...this.#tokens.values()];
  }

  clear(): void {
    this.#tokens.clear();
  }
}

function draw(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE64[Math.floor(rng() * BASE64.length)];
  return out;
}
