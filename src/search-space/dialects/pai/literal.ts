/**
 * PAI returns `SearchSpace` as text; some documented examples are Python reprs
 * (`{'${lr}': {'_type': 'uniform', '_value': [0.1, 0.5]}}`) rather than JSON (reference:
 * pai.md §3). JSON is tried first; otherwise this reads Python literals: dicts, lists, tuples,
 * quoted strings, numbers, True/False/None.
 */
import { malformed } from '../../errors.js';

export function readSearchSpaceText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const reader = new LiteralReader(text);
    const value = reader.value();
    reader.end();
    return value;
  }
}

const WORDS: Readonly<Record<string, unknown>> = { True: true, False: false, None: null };
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
};
const CLOSERS: Readonly<Record<string, string>> = { '[': ']', '(': ')' };

class LiteralReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  value(): unknown {
    const c = this.peek();
    if (c === '{') return this.dict();
    if (c === '[' || c === '(') return this.list(CLOSERS[c] as string);
    if (c === "'" || c === '"') return this.string(c);
    const word = /^[\w.+-]+/.exec(this.text.slice(this.pos))?.[0];
    if (word === undefined) throw this.fail('a value');
    this.pos += word.length;
    if (Object.hasOwn(WORDS, word)) return WORDS[word];
    const n = Number(word);
    if (!Number.isFinite(n)) throw this.fail('a number');
    return n;
  }

  end(): void {
    if (this.peek() !== undefined) throw this.fail('the end of the text');
  }

  private dict(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.items('}', () => {
      const key = this.value();
      this.expect(':');
      out[String(key)] = this.value();
    });
    return out;
  }

  private list(closer: string): unknown[] {
    const out: unknown[] = [];
    this.items(closer, () => out.push(this.value()));
    return out;
  }

  private items(closer: string, item: () => void): void {
    this.pos++;
    while (this.peek() !== closer) {
      item();
      if (this.peek() !== closer) this.expect(',');
    }
    this.pos++;
  }

  private string(quote: string): string {
    let out = '';
    for (this.pos++; this.text[this.pos] !== quote; this.pos++) {
      const c = this.text[this.pos];
      if (c === undefined) throw this.fail(`a closing ${quote}`);
      if (c !== '\\') out += c;
      // Stryker disable next-line StringLiteral: past the end the '' fallbacks build text the reader then refuses.
      else out += ESCAPES[this.text[++this.pos] ?? ''] ?? `\\${this.text[this.pos] ?? ''}`;
    }
    this.pos++;
    return out;
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw this.fail(`"${c}"`);
    this.pos++;
  }

  /** The next character that is not white space. */
  private peek(): string | undefined {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
    return this.text[this.pos];
  }

  private fail(expected: string): Error {
    return malformed('PAI', [
      `SearchSpace text is neither JSON nor a Python literal: expected ${expected} at offset ${this.pos}`,
    ]);
  }
}
