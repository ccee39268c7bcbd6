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
} from '../../src/core/fields.js';

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
