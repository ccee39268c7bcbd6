/**
 * The trial table ModelArts answers the autosearch-trials calls with (reference §4): a header
 * and rows aligned to it, written by Ray Tune through pandas. Cells are read by column NAME,
 * never by position: the list and single-trial answers differ in columns and order, and the
 * metric columns are whatever the training code reports. Cells are text in Python's spelling
 * (`"True"`, `"nan"`, `"inf"`, `"tensor(0.0754, device='cuda:0', requires_grad=True)"`, `""`
 * for missing) except `config`, a JSON object of hyperparameters (accepted as JSON text too).
 * A malformed table throws a FieldFormatError naming the row or cell; `normalizing` turns it
 * into a ResponseFormatError.
 */
import {
  decodeBoolean,
  decodeJsonText,
  FieldFormatError,
  isObject,
  type JsonObject,
  numberIn,
} from '../../core/fields.js';
import type { HyperParameterValue } from '../../core/types.js';
import type { ModelArtsTrialTableWire, TableCell, TableRow } from './wire.js';

export { isObject, type JsonObject } from '../../core/fields.js';

/** `a.b` without a leading dot when `a` is empty (a single-trial answer is the table itself). */
export function fieldPath(path: string, member: string | number): string {
  return path === '' ? String(member) : `${path}.${member}`;
}

/** One row: its cells by column name, and the row as sent. */
export interface TableRowView {
  /** Position in `data`. */
  index: number;
  /** `items.data.3`: where the row is in the answer, for messages. */
  path: string;
  /** The row's cells by column name, iterated in the header's order. */
  cells: RowCells;
  raw: TableRow;
}

export interface RowCells extends Iterable<[string, TableCell]> {
  get(column: string): TableCell | undefined;
}

/**
 * A row read through its table's one column index, and its own cells: a listing reads thousands
 * of rows, and a Map, a path string or a closure of their own for each would cost more than the
 * reading itself. Readers of many cells resolve their columns once per table (`TableView.column`)
 * and read `raw` by position.
 */
class Row implements TableRowView, RowCells {
  constructor(
    readonly index: number,
    readonly raw: TableRow,
    private readonly table: TableView,
  ) {}
  get cells(): RowCells {
    return this;
  }
  get(column: string): TableCell | undefined {
    return cellAt(this.raw, this.table.column(column));
  }
  *[Symbol.iterator](): Iterator<[string, TableCell]> {
    const { header } = this.table;
    for (let j = 0; j < header.length; j++) yield [header[j] as string, this.raw[j] as TableCell];
  }
  get path(): string {
    return fieldPath(this.table.path, `data.${this.index}`);
  }
}

/** The cell at column `j` of a row; undefined for a column the table does not have. */
export const cellAt = (row: TableRow, j: number | undefined): TableCell | undefined =>
  // Stryker disable next-line ConditionalExpression: an array has no member named "undefined" either.
  j === undefined ? undefined : (row[j] as TableCell);

export interface TableView {
  header: readonly string[];
  rows: TableRowView[];
  /** Where the table is in the answer (`items`), for messages. */
  path: string;
  /** The position of a column by name; undefined when the table has no such column. */
  column(name: string): number | undefined;
}

/**
 * The rows of a table keyed by header name. A missing header or data reads as empty; a row
 * whose length differs from the header's, or a column name used twice, is an error: reading
 * such a table would put values under the wrong names.
 */
export function readTable(table: ModelArtsTrialTableWire | null | undefined, path: string): TableView {
  const header = table?.header ?? [];
  const data = table?.data ?? [];
  const columns = new Map<string, number>();
  // Stryker disable next-line EqualityOperator: one step past the end indexes an undefined name no column is asked by.
  for (let j = 0; j < header.length; j++) {
    const name = header[j] as string;
    if (columns.has(name)) {
      throw new FieldFormatError(fieldPath(path, `header.${j}`), 'a column name not used before', name);
    }
    columns.set(name, j);
  }
  const rows: TableRowView[] = [];
  const view: TableView = { header, rows, path, column: (name) => columns.get(name) };
  for (let index = 0; index < data.length; index++) {
    const row = data[index];
    if (!Array.isArray(row) || row.length !== header.length) {
      throw new FieldFormatError(
        fieldPath(path, `data.${index}`),
        `a row of ${header.length} cells (one per column of ${fieldPath(path, 'header')})`,
        Array.isArray(row) ? row.length : row,
      );
    }
    rows.push(new Row(index, row, view));
  }
  return view;
}

/** The path of one cell, for messages: `items.data.3.config`. */
export function cellPath(row: TableRowView, column: string): string {
  return `${row.path}.${column}`;
}

/**
 * Wrappers Python prints around a number: torch tensors (`tensor(0.07, device='cuda:0')`,
 * `tensor([0.5])`, `tensor(1e-3, grad_fn=<AddBackward0>)`), NumPy scalars (`np.float64(0.5)`)
 * and 0-d or one-element arrays (`array(0.5, dtype=float32)`): the name and its opening bracket.
 */
const WRAPPER_HEAD = /^(?:torch\.)?(?:tensor|array|(?:np|numpy)\.[a-z_]+\d*)\(/;

/**
 * The number text inside a wrapper, or undefined when `text` (trimmed) is no wrapper around
 * exactly one number. Between the wrapper's brackets: spaces, any `[` (no space between them),
 * the number (text up to a comma, a `]` or a space), as many `]` as `[`, then nothing or a comma.
 * Read character by character: a listing's metric column may hold a tensor in every row. The
 * closing `)` at `end` is neither a `[`, a `]` nor a space: the loops that look for those stop there.
 */
function unwrap(text: string): string | undefined {
  const end = text.length - 1;
  if (text.charCodeAt(end) !== 41 || !WRAPPER_HEAD.test(text)) return undefined;
  let i = skipSpace(text, text.indexOf('(') + 1);
  let depth = 0;
  while (text.charCodeAt(i) === 91) {
    depth++;
    i++;
  }
  i = skipSpace(text, i);
  const start = i;
  while (i < end && !endsNumber(text.charCodeAt(i))) i++;
  // No number (`tensor(, …)`) leaves '' here, which numberIn reads as none.
  const value = text.slice(start, i);
  for (let level = 0; level < depth; level++) {
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 93) return undefined;
    i++;
  }
  i = skipSpace(text, i);
  return i === end || text.charCodeAt(i) === 44 ? value : undefined;
}

/** `,`, `]` or a space (`\s`): what ends the number inside a wrapper. */
const endsNumber = (code: number) => code === 44 || code === 93 || isSpace(code);

/** The first position from `from` that holds no space: at the latest the closing `)`. */
function skipSpace(text: string, from: number): number {
  let i = from;
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** What `\s` matches (and `trim` removes). */
function isSpace(code: number): boolean {
  // Below U+00A0, the first space past ASCII.
  if (code < 0xa0) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The number a cell holds: a JSON number, decimal text, `nan`/`inf`/`-inf`/`Infinity`, or one of
 * these wrapped in `tensor(…)`, `np.float64(…)`, `array(…)`. Anything else (empty, other text,
 * booleans, objects) holds none.
 */
export function cellNumber(cell: TableCell | undefined): number | undefined {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return undefined;
  const plain = numberIn(cell);
  if (plain !== undefined) return plain;
  // numberIn reads undefined (no wrapper) as no number.
  return numberIn(unwrap(cell.trim()));
}

/** `"True"`/`"False"` (any case), `"1"`/`"0"` or a JSON boolean; empty or other text holds none. */
export function cellBoolean(cell: TableCell | undefined): boolean | undefined {
  // Empty, null and absent are refused by decodeBoolean like any other non-boolean.
  try {
    // Stryker disable next-line StringLiteral: the path names no field; the error is dropped below.
    return decodeBoolean(cell, '');
    // The directive is the catch parameter's: a comment above `} catch` belongs to no node Stryker reads.
  } catch (/* Stryker disable next-line BlockStatement: an empty catch returns undefined all the same. */ _refused) {
    return undefined;
  }
}

/** Text as sent (a number as its decimal text); empty, null, objects and lists hold none. */
export function cellText(cell: TableCell | undefined): string | undefined {
  if (typeof cell === 'string') return cell === '' ? undefined : cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return undefined;
}

export type CellValue = number | boolean | string | JsonObject | readonly unknown[];

/**
 * A cell read for what it says: `"True"`/`"False"` → boolean, numbers in any spelling above →
 * number, `""` and null → undefined, other text stays text, objects and lists stay as sent.
 */
export function readCell(cell: TableCell | undefined): CellValue | undefined {
  // undefined is returned as it is below.
  if (cell === null || cell === '') return undefined;
  if (typeof cell !== 'string') return cell;
  const word = cell.trim().toLowerCase();
  if (word === 'true' || word === 'false') return word === 'true';
  return cellNumber(cell) ?? cell;
}

/** The `config` cell: a JSON object, or its JSON text. Empty reads as absent; anything else is an error. */
export function configObject(cell: TableCell | undefined, path: string): JsonObject | undefined {
  const parsed = decodeJsonText(cell, path);
  if (parsed === undefined || parsed === null) return undefined;
  if (!isObject(parsed)) throw new FieldFormatError(path, 'a JSON object of hyperparameters', cell);
  return parsed;
}

const PARAM_PREFIX = 'param/';
/** Ray's own counter of the trial in `config`, not a hyperparameter (kept in `raw`). */
const TRIAL_INDEX = 'trial_index';

function hyperParameterValue(value: unknown): HyperParameterValue | undefined {
  // undefined falls through: JSON.stringify(undefined) is undefined.
  if (value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/**
 * `param/<name>` → `<name>`, remembered: every row of a table repeats the same keys, and a name cut
 * from a key is a new string each time, which property lookups must first hash and intern.
 */
const plainNames = new Map<string, string>();
const REMEMBERED_NAMES = 1024;

// Stryker disable ConditionalExpression,EqualityOperator,BlockStatement,CallExpression: a memo; with or without it each key gives the same name.
function plainName(key: string): string {
  let name = plainNames.get(key);
  if (name === undefined) {
    name = key.slice(PARAM_PREFIX.length);
    if (plainNames.size < REMEMBERED_NAMES) plainNames.set(key, name);
  }
  return name;
}
// Stryker restore ConditionalExpression,EqualityOperator,BlockStatement,CallExpression

/** Sets an own property even for `__proto__`, which plain assignment would take as the prototype. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  // Stryker disable next-line ConditionalExpression: defining any other key on a plain object is what assigning it does.
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}

/**
 * A trial's hyperparameters from its `config`: `param/<name>` duplicates folded into `<name>`
 * (the plain key's value wins when both exist and disagree; a `param/` key alone gives the
 * plain name), `trial_index` left out. Structured values are kept as their JSON text.
 */
export function hyperParametersFromConfig(
  config: JsonObject | undefined,
): Record<string, HyperParameterValue> {
  const out: Record<string, HyperParameterValue> = {};
  // for…in over undefined runs no iteration.
  for (const key in config) {
    const name = key.startsWith(PARAM_PREFIX) ? plainName(key) : key;
    if (name === TRIAL_INDEX) continue;
    if (name !== key && Object.hasOwn(config, name)) continue;
    const typed = hyperParameterValue(config[key]);
    if (typed !== undefined) setOwn(out, name, typed);
  }
  return out;
}
