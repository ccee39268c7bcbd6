import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseFormatError } from '../../src/core/errors.js';
import {
  decodeBoolean,
  decodeEpochSeconds,
  decodeInteger,
  decodeJsonText,
  decodeNumber,
  decodeUtcDateTime,
  FieldFormatError,
  normalizing,
  plainUtcDateTime,
  wordIn,
} from '../../src/core/fields.js';
import { thrown } from '../helpers/thrown.js';
import { FAR_ZONE, inTimeZone } from '../helpers/time-zone.js';

describe('wordIn', () => {
  const upper = new Map([['RUNNING', 'running']]);
  const lower = new Map([['running', 'running']]);

  it('reads a word as sent, or trimmed in the table’s case; nothing for a word the table lacks', () => {
    for (const word of ['RUNNING', 'running', ' Running\n'])
      expect(wordIn(upper, word, 'upper')).toBe('running');
    for (const word of ['running', 'RUNNING', '\trunning '])
      expect(wordIn(lower, word, 'lower')).toBe('running');
    for (const word of ['RUN', '', null, undefined, 'running']) {
      expect(wordIn(upper, word, 'lower'), String(word)).toBeUndefined();
    }
  });
});

describe('decodeNumber', () => {
  it('reads numbers sent as strings and the non-finite spellings', () => {
    expect(decodeNumber(0.25, 'x')).toBe(0.25);
    expect(decodeNumber(' 1e-3 ', 'x')).toBe(0.001);
    expect(decodeNumber('NaN', 'x')).toBeNaN();
    expect(decodeNumber('nan', 'x')).toBeNaN();
    expect(decodeNumber('Infinity', 'x')).toBe(Number.POSITIVE_INFINITY);
    expect(decodeNumber('-Infinity', 'x')).toBe(Number.NEGATIVE_INFINITY);
    expect(decodeNumber('inf', 'x')).toBe(Number.POSITIVE_INFINITY);
    expect(decodeNumber('-inf', 'x')).toBe(Number.NEGATIVE_INFINITY);
    // Spaces beyond ASCII's are trimmed too (the letter shortcut must not refuse them).
    expect(decodeNumber('\u00a0nan', 'x')).toBeNaN();
    expect(decodeNumber('\u2003inf\u3000', 'x')).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects what is not a number, naming the field', () => {
    for (const bad of ['', 'abc', null, {}, [], true]) {
      expect(() => decodeNumber(bad, 'Metric.Value')).toThrow(FieldFormatError);
    }
    expect(() => decodeNumber('abc', 'Metric.Value')).toThrow(
      /^Metric\.Value: expected a number, got "abc"$/,
    );
  });

  it('round-trips every double through its string form', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const back = decodeNumber(String(n), 'x');
        return Number.isNaN(n) ? Number.isNaN(back) : Object.is(back, n) || (n === 0 && back === 0);
      }),
    );
  });

  it('decodeInteger refuses fractions', () => {
    expect(decodeInteger('42', 'x')).toBe(42);
    expect(() => decodeInteger('4.2', 'x')).toThrow(/an integer/);
    fc.assert(fc.property(fc.integer(), (n) => decodeInteger(String(n), 'x') === n));
  });
});

describe('decodeEpochSeconds', () => {
  it('reads epoch seconds with fractions, numeric strings and ISO text', () => {
    expect(decodeEpochSeconds(1_700_000_000.5, 't').toISOString()).toBe('2023-11-14T22:13:20.500Z');
    expect(decodeEpochSeconds('1700000000', 't').toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(decodeEpochSeconds('1.7e9', 't').getTime()).toBe(1.7e12);
    expect(decodeEpochSeconds('2026-01-01T00:00:00Z', 't').getTime()).toBe(Date.UTC(2026, 0, 1));
  });

  it('round-trips any millisecond-precise time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        return decodeEpochSeconds(ms / 1000, 't').getTime() === ms;
      }),
    );
  });

  it('rejects junk', () => {
    expect(() => decodeEpochSeconds('yesterday', 'CreationTime')).toThrow(/CreationTime/);
    expect(() => decodeEpochSeconds(Number.NaN, 'CreationTime')).toThrow(FieldFormatError);
  });
});

describe('decodeUtcDateTime', () => {
  it('reads "YYYY-MM-DD HH:mm:ss" as UTC', () => {
    expect(decodeUtcDateTime('2022-08-28 12:30:05', 'GmtCreateTime').toISOString()).toBe(
      '2022-08-28T12:30:05.000Z',
    );
    expect(decodeUtcDateTime('2022-08-28T12:30:05.250Z', 't').toISOString()).toBe('2022-08-28T12:30:05.250Z');
    expect(decodeUtcDateTime('2022-08-28 12:30:05+08:00', 't').toISOString()).toBe(
      '2022-08-28T04:30:05.000Z',
    );
  });

  it('is the inverse of formatting any UTC time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_799 }), (s) => {
        const text = new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
        return decodeUtcDateTime(text, 't').getTime() === s * 1000;
      }),
    );
  });

  it('reads every plain date-time, possible or not, as the general ISO reading does', () => {
    // The fast path for the plain form must agree with Date.parse of the ISO form, impossible
    // dates (02-30, 24:00, year 0099) included: it hands those to the general path.
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        two(13),
        two(32),
        fc.constantFrom(' ', 'T'),
        two(25),
        two(61),
        two(61),
      )
      .map(([y, mo, d, sep, h, mi, s]) => `${String(y).padStart(4, '0')}-${mo}-${d}${sep}${h}:${mi}:${s}`);
    fc.assert(
      fc.property(text, (value) => {
        const iso = Date.parse(`${value.replace(' ', 'T')}Z`);
        let ours: number;
        try {
          ours = decodeUtcDateTime(value, 't').getTime();
        } catch {
          ours = Number.NaN;
        }
        expect(ours).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects other formats', () => {
    expect(() => decodeUtcDateTime('28/08/2022', 't')).toThrow(FieldFormatError);
    expect(() => decodeUtcDateTime('2022-13-45 99:99:99', 't')).toThrow(FieldFormatError);
  });
});

// The fast path's wrong refusals are invisible through decodeUtcDateTime (the general reading
// answers instead), so its own answers are checked: every possible plain date-time read as
// Date.UTC reads it, everything else refused.
describe('plainUtcDateTime', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const plain = (y: number, mo: number, d: number, sep: string, h: number, mi: number, s: number) =>
    `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}`;
  /** Whether day `d` exists in month `mo` of year `y`, as Date.UTC (which rolls over) tells it. */
  const exists = (y: number, mo: number, d: number) => new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
  const sep = fc.constantFrom(' ', 'T');

  it('reads every possible date-time from year 1000 on as Date.UTC does, and refuses impossible days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        sep,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (y, mo, d, separator, h, mi, s) => {
          const expected = exists(y, mo, d) ? Date.UTC(y, mo - 1, d, h, mi, s) : undefined;
          expect(plainUtcDateTime(plain(y, mo, d, separator, h, mi, s))).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads the edges of every field', () => {
    for (const [text, iso] of [
      ['1000-01-01 00:00:00', '1000-01-01T00:00:00.000Z'],
      ['9999-12-31T23:59:59', '9999-12-31T23:59:59.000Z'],
      ['2024-02-29 12:00:00', '2024-02-29T12:00:00.000Z'],
      ['2000-02-29 12:00:00', '2000-02-29T12:00:00.000Z'],
      ['2023-01-31 00:00:00', '2023-01-31T00:00:00.000Z'],
      ['2023-12-01 00:00:00', '2023-12-01T00:00:00.000Z'],
      ['2023-04-30 00:00:00', '2023-04-30T00:00:00.000Z'],
      ['2023-11-19 19:09:09', '2023-11-19T19:09:09.000Z'],
    ] as const) {
      expect(plainUtcDateTime(text), text).toBe(Date.parse(iso));
    }
    for (const text of [
      '0999-12-31 23:59:59',
      '1900-02-29 00:00:00',
      '2023-02-29 00:00:00',
      '2023-04-31 00:00:00',
      '2023-00-10 00:00:00',
      '2023-13-10 00:00:00',
      '2023-01-00 00:00:00',
      '2023-01-32 00:00:00',
      '2023-01-01 24:00:00',
      '2023-01-01 00:60:00',
      '2023-01-01 00:00:60',
    ]) {
      expect(plainUtcDateTime(text), text).toBeUndefined();
    }
  });

  it('refuses text of any other shape: a character out of place, a non-digit, another length', () => {
    const valid = fc
      .tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, mo, d]) => plain(y, mo, d, ' ', 12, 34, 56));
    fc.assert(
      fc.property(
        valid,
        fc.integer({ min: 0, max: 18 }),
        fc.constantFrom('a', '/', ':', '-', ' ', 'T', '.', '+', '\u0660'),
        (text, at, char) => {
          const changed = `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
          // Only the separator may be either of its two characters.
          const stillPlain = changed === text || (at === 10 && (char === ' ' || char === 'T'));
          const expected = stillPlain ? Date.parse(`${changed.replace(' ', 'T')}Z`) : undefined;
          expect(plainUtcDateTime(changed)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
    expect(plainUtcDateTime('2023-01-01 00:00:0')).toBeUndefined();
    expect(plainUtcDateTime('2023-01-01 00:00:000')).toBeUndefined();
    expect(plainUtcDateTime('2023-01-01 00:00:00Z')).toBeUndefined();
  });
});

describe('decodeBoolean and decodeJsonText', () => {
  it('reads the spellings clouds use', () => {
    for (const t of [true, 'true', 'True', 'TRUE', 1, '1']) expect(decodeBoolean(t, 'b')).toBe(true);
    for (const f of [false, 'false', 'False', 0, '0']) expect(decodeBoolean(f, 'b')).toBe(false);
    expect(() => decodeBoolean('yes', 'Deleted')).toThrow(/Deleted/);
  });

  it('accepts JSON as text or already parsed', () => {
    expect(decodeJsonText('{"a":[1,2]}', 'j')).toEqual({ a: [1, 2] });
    expect(decodeJsonText({ a: 1 }, 'j')).toEqual({ a: 1 });
    expect(decodeJsonText('  ', 'j')).toBeUndefined();
    expect(() => decodeJsonText('{oops', 'SearchSpace')).toThrow(/SearchSpace: expected JSON text/);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        // Against JSON's own reading: the text form cannot tell -0 from 0.
        const text = JSON.stringify(v);
        expect(decodeJsonText(text, 'j')).toEqual(JSON.parse(text));
      }),
    );
  });

  it('normalizing turns a field error into a ResponseFormatError with the call details', () => {
    const run = () =>
      normalizing({ provider: 'pai', operation: 'GetHpoTrial', requestId: 'r-1' }, () =>
        decodeNumber('x', 'Metric'),
      );
    expect(run).toThrow(ResponseFormatError);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({
        path: 'Metric',
        provider: 'pai',
        operation: 'GetHpoTrial',
        requestId: 'r-1',
      });
    }
  });
});

describe('what a field error tells', () => {
  const message = (fn: () => unknown) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(FieldFormatError);
    expect((error as FieldFormatError).name).toBe('FieldFormatError');
    return (error as Error).message;
  };

  it('describes the value it got: short text quoted, long text by its length, null, lists, objects, the rest as written', () => {
    const forty = 'x'.repeat(40);
    expect(message(() => decodeNumber(forty, 'p'))).toBe(`p: expected a number, got "${forty}"`);
    expect(message(() => decodeNumber(`${forty}y`, 'p'))).toBe(
      'p: expected a number, got a string of 41 characters',
    );
    expect(message(() => decodeNumber(null, 'p'))).toBe('p: expected a number, got null');
    expect(message(() => decodeNumber([1], 'p'))).toBe('p: expected a number, got an array');
    expect(message(() => decodeNumber({ a: 1 }, 'p'))).toBe('p: expected a number, got an object');
    expect(message(() => decodeNumber(true, 'p'))).toBe('p: expected a number, got true');
    expect(message(() => decodeNumber(undefined, 'p'))).toBe('p: expected a number, got undefined');
  });

  it('says what each decoder expected', () => {
    expect(message(() => decodeInteger(1.5, 'n'))).toBe('n: expected an integer, got 1.5');
    expect(message(() => decodeEpochSeconds('soon', 't'))).toBe(
      't: expected a time (epoch seconds or ISO-8601), got "soon"',
    );
    expect(message(() => decodeUtcDateTime('soon', 't'))).toBe(
      't: expected a date-time "YYYY-MM-DD HH:mm:ss", got "soon"',
    );
    expect(message(() => decodeBoolean('maybe', 'b'))).toBe('b: expected a boolean, got "maybe"');
    expect(message(() => decodeJsonText('{', 'j'))).toBe('j: expected JSON text, got "{"');
  });

  it('normalizing names the operation, or says "response" without one, and lets other errors through untouched', () => {
    const failing = () => decodeNumber('x', 'Metric');
    expect(() => normalizing({ provider: 'pai', operation: 'GetHpoTrial' }, failing)).toThrow(
      /^GetHpoTrial: Metric: expected a number, got "x"$/,
    );
    expect(() => normalizing({ provider: 'pai' }, failing)).toThrow(/^response: Metric: expected a number/);
    const other = new TypeError('not a field');
    let caught: unknown;
    try {
      normalizing({ provider: 'pai', operation: 'X' }, () => {
        throw other;
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(other);
    expect(normalizing({}, () => 42)).toBe(42);
  });
});

describe('lenient decoding at its edges', () => {
  it('reads blank text as no number, and trims around the non-finite spellings', () => {
    for (const blank of ['', ' ', '  ', '\t\n'])
      expect(() => decodeNumber(blank, 'x')).toThrow(FieldFormatError);
    expect(decodeNumber(' inf ', 'x')).toBe(Number.POSITIVE_INFINITY);
    expect(decodeNumber(' -Infinity\n', 'x')).toBe(Number.NEGATIVE_INFINITY);
    expect(decodeNumber(' NaN ', 'x')).toBeNaN();
    expect(decodeNumber('+inf', 'x')).toBe(Number.POSITIVE_INFINITY);
    expect(decodeNumber('+Infinity', 'x')).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads epoch seconds only when the whole text is a number, and ISO text otherwise', () => {
    expect(decodeEpochSeconds(' 1700000000 ', 't').getTime()).toBe(1_700_000_000_000);
    expect(decodeEpochSeconds('1700000000.25', 't').getTime()).toBe(1_700_000_000_250);
    expect(decodeEpochSeconds('1.7e+09', 't').getTime()).toBe(1_700_000_000_000);
    expect(decodeEpochSeconds('-86400', 't').toISOString()).toBe('1969-12-31T00:00:00.000Z');
    // Texts that start or end with digits but are dates, not numbers.
    expect(decodeEpochSeconds('2026-01-01T08:00:00+08:00', 't').getTime()).toBe(Date.UTC(2026, 0, 1));
    expect(decodeEpochSeconds('2026-01-01T00:00:00.000Z', 't').getTime()).toBe(Date.UTC(2026, 0, 1));
    const when = new Date(Date.UTC(2025, 5, 1));
    expect(decodeEpochSeconds(when, 't')).toBe(when);
  });

  it('refuses what only looks like a time once coerced: lists, booleans, infinities', () => {
    for (const bad of [[1_700_000_000], ['2024-01-01T00:00:00Z'], true, Number.POSITIVE_INFINITY, null]) {
      expect(() => decodeEpochSeconds(bad, 'CreationTime')).toThrow(FieldFormatError);
    }
  });

  it('reads a UTC date-time only when the whole trimmed text is one, with any zone it gives', () => {
    expect(decodeUtcDateTime(' 2022-08-28 12:30:05\n', 't').toISOString()).toBe('2022-08-28T12:30:05.000Z');
    expect(decodeUtcDateTime('2022-08-28 12:30:05+0800', 't').toISOString()).toBe('2022-08-28T04:30:05.000Z');
    expect(decodeUtcDateTime('2022-08-28T12:30:05-01:30', 't').toISOString()).toBe(
      '2022-08-28T14:00:05.000Z',
    );
    for (const bad of [
      'x2022-08-28 12:30:05',
      '2022-08-28 12:30:05 and more',
      '2022-08-28',
      20220828,
      null,
    ]) {
      expect(() => decodeUtcDateTime(bad, 't')).toThrow(FieldFormatError);
    }
  });

  it('reads a date-time without a zone as UTC in any time zone, never as local time', () => {
    for (const zone of ['UTC', FAR_ZONE, 'America/Los_Angeles']) {
      inTimeZone(zone, () => {
        expect(decodeUtcDateTime('2022-08-28 12:30:05', 't').toISOString()).toBe('2022-08-28T12:30:05.000Z');
        expect(decodeUtcDateTime('2022-01-28T23:59:59.5', 't').toISOString()).toBe(
          '2022-01-28T23:59:59.500Z',
        );
      });
    }
  });

  it('reads booleans around blanks, and refuses other types with a field error', () => {
    expect(decodeBoolean(' True\n', 'b')).toBe(true);
    expect(decodeBoolean(' 0 ', 'b')).toBe(false);
    for (const bad of [null, undefined, 2, -1, {}, [], 'yes']) {
      expect(() => decodeBoolean(bad, 'b')).toThrow(FieldFormatError);
    }
  });
});
