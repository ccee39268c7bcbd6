// biome-ignore-all lint/suspicious/noTemplateCurlyInString: PAI writes placeholders literally as ${name}.
/** The normalizer on arbitrary trials and experiments in every form PAI may send a field in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldFormatError, normalizing } from '../../src/core/fields.js';
import { ResponseFormatError } from '../../src/index.js';
import { experimentFromWire, trialFromWire } from '../../src/providers/pai/normalize.js';

const TRIAL_WORDS = [
  'UNKNOWN',
  'RUNNING',
  'WAITING',
  'EARLY_STOPPED',
  'SUCCEEDED',
  'FINISHED',
  'FAILED',
  'USER_CANCELED',
  'SYS_CANCELED',
];
const NEUTRAL_TRIAL = [
  'pending',
  'running',
  'stopping',
  'stopped',
  'early_stopped',
  'completed',
  'failed',
  'unknown',
];

// -0 has no text form of its own (String(-0) is "0"), so PAI's text could not carry it.
const value = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 })
  .map((v) => (v === 0 ? 0 : v));
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const metricName = fc.oneof(name, fc.constant('val_loss=([0-9\\.]+)'), fc.constant('default'));

/** Either the value as PAI packs it into a string, or already parsed. */
const packed = <T>(arb: fc.Arbitrary<T>) => arb.chain((v) => fc.constantFrom<unknown>(v, JSON.stringify(v)));

const finalForms = (v: number) =>
  fc.constantFrom<unknown>(
    v,
    String(v),
    { default: v, type: 'FINAL' },
    JSON.stringify({ default: v, type: 'FINAL', auc: v }),
  );

const time = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000))
  .chain((d) =>
    fc.constantFrom(
      { date: d, text: d.toISOString().slice(0, 19).replace('T', ' ') },
      { date: d, text: `${d.toISOString().slice(0, 19)}Z` },
    ),
  );

const trialArb = fc.record({
  status: fc.oneof(fc.constantFrom(...TRIAL_WORDS), fc.string({ maxLength: 12 })),
  final: fc.option(value, { nil: undefined }),
  entries: fc.array(fc.dictionary(metricName, value, { maxKeys: 3 }), { maxLength: 4 }),
  hyper: fc.dictionary(name, fc.oneof(value, name, fc.boolean()), { maxKeys: 4 }),
  placeholders: fc.boolean(),
  created: fc.option(time, { nil: undefined }),
  meta: fc.option(fc.record({ nni_trial_id: name, nni_trial_sequence_id: fc.nat() }), { nil: undefined }),
});

describe('trialFromWire on arbitrary trials', () => {
  it('never fails on what PAI may send, maps statuses, keeps raw untouched', () => {
    const withForms = trialArb.chain((t) => {
      const hyper = Object.fromEntries(
        Object.entries(t.hyper).map(([k, v]) => [t.placeholders ? `\${${k}}` : k, v]),
      );
      return fc.tuple(
        fc.constant(t),
        t.final === undefined ? fc.constant<unknown>(undefined) : finalForms(t.final),
        packed(fc.constant(t.entries)),
        packed(fc.constant(hyper)),
        t.meta === undefined ? fc.constant<unknown>(undefined) : packed(fc.constant(t.meta)),
      );
    });
    fc.assert(
      fc.property(withForms, ([t, FinalMetric, Metric, Hyperparam, JobMeta]) => {
        const item = {
          TrialId: 't',
          Status: t.status,
          FinalMetric,
          Metric,
          Hyperparam,
          JobMeta,
          GmtCreateTime: t.created?.text,
        };
        const copy = structuredClone(item);
        const trial = trialFromWire(item);
        expect(NEUTRAL_TRIAL).toContain(trial.status);
        if (!TRIAL_WORDS.includes(t.status.trim().toUpperCase())) expect(trial.status).toBe('unknown');
        expect(trial.providerStatus).toBe(t.status);
        expect(trial.raw).toBe(item);
        expect(item).toEqual(copy);
        expect(trial.hyperParameters).toEqual(t.hyper);
        expect(trial.createdAt).toEqual(t.created?.date);
        expect(trial.objective).toEqual(
          t.final === undefined ? undefined : { metric: 'default', value: t.final },
        );
        const points = t.entries.reduce((n, e) => n + Object.keys(e).length, 0);
        expect(trial.metrics).toHaveLength(points + (t.final === undefined ? 0 : 1));
        expect(trial.metrics.every((m) => typeof m.value === 'number')).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('a field holding anything either reads or names itself in a ResponseFormatError, never crashes elsewhere', () => {
    const fields = [
      'Status',
      'FinalMetric',
      'Metric',
      'Hyperparam',
      'JobMeta',
      'ParameterId',
      'GmtCreateTime',
      'GmtModifiedTime',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), (field, junk) => {
        const item = {
          TrialId: 't',
          Status: 'RUNNING',
          [field]: field === 'Status' && typeof junk !== 'string' ? undefined : junk,
        };
        try {
          const trial = normalizing({ provider: 'pai', operation: 'GetHpoTrial' }, () =>
            trialFromWire(item as never),
          );
          expect(trial.raw).toBe(item);
        } catch (error) {
          expect(ResponseFormatError.is(error)).toBe(true);
          expect((error as ResponseFormatError).path.split('.')[0]).toBe(field);
          expect((error as { cause?: unknown }).cause).toBeInstanceOf(FieldFormatError);
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe('experimentFromWire on arbitrary experiments', () => {
  const EXPERIMENT_WORDS = [
    'CREATED',
    'RUNNING',
    'FINISHED',
    'FAILED',
    'EARLY_STOPPED',
    'USER_CANCELED',
    'SYS_CANCELED',
    'WAITING',
    'NO_MORE_TRIAL',
    'UNKNOWN',
  ];

  it('counts trials whatever form TrialStatus and Deleted take, and keeps an unknown status word', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...EXPERIMENT_WORDS), fc.string({ maxLength: 12 })),
        fc.dictionary(fc.constantFrom(...TRIAL_WORDS), fc.nat(1000), { minKeys: 1 }),
        fc.constantFrom<'object' | 'text' | 'json' | 'python'>('object', 'text', 'json', 'python'),
        fc.constantFrom<unknown>(true, false, 0, 1, '0', '1', undefined),
        (status, counts, form, Deleted) => {
          const TrialStatus =
            form === 'object'
              ? counts
              : form === 'text'
                ? Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)]))
                : form === 'json'
                  ? JSON.stringify(counts)
                  : `{${Object.entries(counts)
                      .map(([k, v]) => `'${k}': ${v}`)
                      .join(', ')}}`;
          const item = { ExperimentId: 'e', Status: status, TrialStatus, Deleted };
          const experiment = experimentFromWire(item);
          expect(experiment.raw).toBe(item);
          expect(experiment.providerStatus).toBe(status);
          if (!EXPERIMENT_WORDS.includes(status.trim().toUpperCase()))
            expect(experiment.status).toBe('unknown');
          const { total, ...byStatus } = experiment.trialCounts;
          const sum = Object.values(counts).reduce((a, b) => a + b, 0);
          expect(total).toBe(sum);
          expect(Object.values(byStatus).reduce((a, b) => a + (b ?? 0), 0)).toBe(sum);
        },
      ),
      { numRuns: 300 },
    );
  });
});
