/**
 * PAI's fields as PAI means them, read leniently (reference §3): JSON packed in strings or
 * already parsed, `FinalMetric` as a number, a JSON object or the text of either, `ConfigYml`
 * as YAML, `ConfigIni` as INI (masked secrets stay masked), `YYYY-MM-DD HH:mm:ss` UTC times,
 * `Deleted` as a boolean or 0/1, `TrialStatus` as a map or its text. A malformed field throws a
 * FieldFormatError naming it, which `normalizing` turns into a ResponseFormatError.
 */
import type * as Ini from 'ini';
import type * as Yaml from 'yaml';
import {
  decodeBoolean,
  decodeInteger,
  decodeJsonText,
  decodeNumber,
  decodeUtcDateTime,
  FieldFormatError,
  isAbsent,
  isObject,
  type JsonObject,
} from '../../core/fields.js';
import { onFirstUse } from '../../core/on-first-use.js';
import { readSearchSpaceText } from '../../search-space/dialects/pai/literal.js';

export { isObject, type JsonObject, optionalInteger } from '../../core/fields.js';

export function optionalText(value: string | number | null | undefined): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

export function optionalTime(value: unknown, path: string): Date | undefined {
  return isAbsent(value) ? undefined : decodeUtcDateTime(value, path);
}

export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  return isAbsent(value) ? undefined : decodeBoolean(value, path);
}

/** JSON text or an already-parsed object; blank text reads as absent. */
export function jsonObject(value: unknown, path: string): JsonObject | undefined {
  const parsed = decodeJsonText(value, path);
  if (parsed === undefined || parsed === null) return undefined;
  if (!isObject(parsed)) throw new FieldFormatError(path, 'a JSON object', value);
  return parsed;
}

/**
 * `Metric`: JSON text of an array of metric entries (`{"default": 0.5, "type": "FINAL", …}`), or the
 * array itself. Keys may be regular expressions (`val_loss=([0-9\\.]+)`); they are kept as written.
 */
export function metricEntries(value: unknown, path: string): JsonObject[] {
  const parsed = decodeJsonText(value, path);
  if (parsed === undefined || parsed === null) return [];
  const entries: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!isObject(entry)) throw new FieldFormatError(`${path}.${i}`, 'a metric entry (an object)', entry);
  }
  return entries as JsonObject[];
}

/**
 * `FinalMetric`: the `default` value of the FINAL metric entry. Seen as a bare number, as number
 * text (`"9999.2"`), as the whole entry (`{"default": 0.087745, "type": "FINAL", …}`) and as
 * that entry's JSON text.
 */
export function finalMetric(value: unknown, path: string): number | undefined {
  if (isAbsent(value)) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return undefined;
    if (opensJson(text.charCodeAt(0))) return finalMetric(decodeJsonText(text, path), path);
    return decodeNumber(text, path);
  }
  if (isObject(value)) {
    if (!Object.hasOwn(value, 'default')) {
      throw new FieldFormatError(path, 'a FINAL metric entry with a "default" value', value);
    }
    return decodeNumber(value.default, `${path}.default`);
  }
  throw new FieldFormatError(path, 'a number, JSON text or a FINAL metric entry', value);
}

/** `{`, `[` or `"`: text that holds JSON rather than a bare number. */
const opensJson = (code: number) => code === 123 || code === 91 || code === 34;

/**
 * `TrialStatus`: trial status → count, as a map (counts as numbers or text) or as its text,
 * JSON or a Python-style literal. PAI's documentation shows the map's text under a placeholder
 * key (`{"key": "{‘FINISHED':1, 'RUNNING':2}"}`); such nested maps are merged in.
 */
export function trialStatusCounts(value: unknown, path: string): Record<string, number> | undefined {
  if (isAbsent(value)) return undefined;
  const parsed = typeof value === 'string' ? literalText(value, path) : value;
  if (!isObject(parsed)) throw new FieldFormatError(path, 'a map of trial status to count', value);
  const out: Record<string, number> = {};
  const add = (status: string, n: number) => {
    out[status] = (out[status] ?? 0) + n;
  };
  for (const [status, count] of Object.entries(parsed)) {
    const at = `${path}.${status}`;
    if (isObject(count) || (typeof count === 'string' && count.trim().startsWith('{'))) {
      for (const [inner, n] of Object.entries(trialStatusCounts(count, at) ?? {})) add(inner, n);
    } else if (!isAbsent(count)) {
      add(status, decodeInteger(count, at));
    }
  }
  return out;
}

function literalText(text: string, path: string): unknown {
  try {
    // The documented example opens a quote with a typographic one.
    return readSearchSpaceText(text.replace(/[‘’]/g, "'"));
  } catch {
    throw new FieldFormatError(path, 'JSON text or a Python-style literal', text);
  }
}

/** `SearchSpace`: NNI JSON as text (JSON or, in some examples, a Python literal) or as an object. */
export function searchSpaceObject(value: unknown, path: string): JsonObject | undefined {
  if (isAbsent(value)) return undefined;
  const parsed = typeof value === 'string' ? literalText(value, path) : value;
  if (!isObject(parsed)) throw new FieldFormatError(path, 'an NNI search space (an object)', value);
  return parsed;
}

// Only experiment configurations are YAML or INI: loaded when the first one is read.
const yaml = onFirstUse<typeof Yaml>('yaml');
const ini = onFirstUse<typeof Ini>('ini');

/** `ConfigYml`: the NNI experiment file (`experimentName`, `tuner: {name, classArgs}`, …). */
export function yamlObject(value: unknown, path: string): JsonObject | undefined {
  if (isAbsent(value)) return undefined;
  if (isObject(value)) return value;
  // Stryker disable next-line ConditionalExpression: yaml refuses what is not a string by throwing, which the catch below reports alike; this narrows the type.
  if (typeof value !== 'string') throw new FieldFormatError(path, 'YAML text', value);
  let parsed: unknown;
  try {
    parsed = yaml().parse(value);
  } catch {
    throw new FieldFormatError(path, 'YAML text', value);
  }
  // Stryker disable next-line ConditionalExpression: yaml reads an empty document as null, never undefined.
  if (parsed === null || parsed === undefined) return undefined;
  if (!isObject(parsed)) throw new FieldFormatError(path, 'a YAML mapping', value);
  return parsed;
}

/** `ConfigIni`: sections of `key=value`. PAI masks AccessKey values with asterisks; they stay so. */
export function iniObject(value: unknown, path: string): JsonObject | undefined {
  if (isAbsent(value)) return undefined;
  if (isObject(value)) return value;
  if (typeof value !== 'string') throw new FieldFormatError(path, 'INI text', value);
  // `ini` builds objects without a prototype; plain ones print and compare as users expect.
  return plain(ini().parse(value)) as JsonObject;
}

function plain(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = plain(v);
  return out;
}

/** A nested member of a decoded object, e.g. `get(config, 'yml_config', 'tuner', 'name')`. */
export function member(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * PAI keeps an objective only as `metric_dict` keys, which may be the regular expressions a trial's
 * output is scraped with. When the name the experiment was created with is none of them, create
 * records it as the description's last line, the one field PAI keeps as given and answers back.
 */
const OBJECTIVE_NOTE = '[crosstune] objective: ';

export function withObjectiveNote(description: string | undefined, metric: string): string {
  return description ? `${description}\n${OBJECTIVE_NOTE}${metric}` : `${OBJECTIVE_NOTE}${metric}`;
}

/** The objective name a description records, if its last line is the note create writes. */
export function notedObjective(description: string | null | undefined): string | undefined {
  const last = description?.split('\n').at(-1);
  return last?.startsWith(OBJECTIVE_NOTE) ? last.slice(OBJECTIVE_NOTE.length) || undefined : undefined;
}
