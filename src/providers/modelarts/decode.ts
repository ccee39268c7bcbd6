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
  decodeNumber,
  FieldFormatError,
  isObject,
  type JsonObject,
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
 * A row read through the table's one column index: a listing reads thousands of rows, and a Map
 * and a path string of their own for each would cost more than the reading itself.
 */
class Row implements TableRowView {
  readonly cells: RowCells;
  constructor(
    readonly index: number,
    readonly raw: TableRow,
    private readonly base: string,
    columns: ReadonlyMap<string, number>,
  ) {
    this.cells = {
      get: (column) => cellAt(raw, columns.get(column)),
      *[Symbol.iterator]() {
        for (const [column, j] of columns) yield [column, raw[j] as TableCell];
      },
    };
  }
  get path(): string {
    return fieldPath(this.base, `data.${this.index}`);
  }
}

const cellAt = (row: TableRow, j: number | undefined) =>
  j === undefined ? undefined : (row[j] as TableCell);

export interface TableView {
  header: readonly string[];
  rows: TableRowView[];
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
  header.forEach((name, j) => {
    if (columns.has(name)) {
      throw new FieldFormatError(fieldPath(path, `header.${j}`), 'a column name not used before', name);
    }
    columns.set(name, j);
  });
  const rows = data.map((row, index): TableRowView => {
    if (!Array.isArray(row) || row.length !== header.length) {
      throw new FieldFormatError(
        fieldPath(path, `data.${index}`),
        `a row of ${header.length} cells (one per column of ${fieldPath(path, 'header')})`,
        Array.isArray(row) ? row.length : row,
      );
    }
    return new Row(index, row, path, columns);
  });
  return { header, rows };
}

/** The path of one cell, for messages: `items.data.3.config`. */
export function cellPath(row: TableRowView, column: string): string {
  return `${row.path}.${column}`;
}

/**
 * Wrappers Python prints around a number: torch tensors (`tensor(0.07, device='cuda:0')`,
 * `tensor([0.5])`, `tensor(1e-3, grad_fn=<AddBackward0>)`), NumPy scalars (`np.float64(0.5)`)
 * and 0-d or one-element arrays (`array(0.5, dtype=float32)`).
 */
const WRAPPER = /^(?:torch\.)?(?:tensor|array|(?:np|numpy)\.[a-z_]+\d*)\((.*)\)$/s;

/** The number text inside a wrapper, or undefined when `text` is no wrapper around exactly one number. */
function unwrap(text: string): string | undefined {
  const args = WRAPPER.exec(text)?.[1];
  if (args === undefined) return undefined;
  // Stryker disable next-line Regex,OptionalChaining,StringLiteral: a pattern of optional parts always matches at 0.
  const open = /^\s*\[*/.exec(args)?.[0] ?? '';
  const depth = open.replace(/\s/g, '').length;
  const value = /^\s*([^,\]\s]+)\s*/.exec(args.slice(open.length));
  if (!value) return undefined;
  let rest = args.slice(open.length + value[0].length);
  for (let i = 0; i < depth; i++) {
    rest = rest.trimStart();
    if (!rest.startsWith(']')) return undefined;
    rest = rest.slice(1);
  }
  rest = rest.trim();
  return rest === '' || rest.startsWith(',') ? value[1] : undefined;
}

function numberText(text: string): number | undefined {
  try {
    // decodeNumber reads NaN, nan, inf, -inf, Infinity (any case) besides decimals.
    // Stryker disable next-line StringLiteral: the path names no field; the error is dropped below.
    return decodeNumber(text, '');
    // Stryker disable next-line BlockStatement: an empty catch returns undefined all the same.
  } catch {
    return undefined;
  }
}

/**
 * The number a cell holds: a JSON number, decimal text, `nan`/`inf`/`-inf`/`Infinity`, or one of
 * these wrapped in `tensor(…)`, `np.float64(…)`, `array(…)`. Anything else (empty, other text,
 * booleans, objects) holds none.
 */
export function cellNumber(cell: TableCell | undefined): number | undefined {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  // Blank text holds none (Number('') would say 0).
  if (text === '') return undefined;
  // Plain decimal text, the common case, without the wrapper pattern or a thrown error.
  const plain = Number(text);
  if (!Number.isNaN(plain)) return plain;
  const inner = unwrap(text);
  return numberText(inner ?? text);
}

/** `"True"`/`"False"` (any case), `"1"`/`"0"` or a JSON boolean; empty or other text holds none. */
export function cellBoolean(cell: TableCell | undefined): boolean | undefined {
  // Empty, null and absent are refused by decodeBoolean like any other non-boolean.
  try {
    // Stryker disable next-line StringLiteral: the path names no field; the error is dropped below.
    return decodeBoolean(cell, '');
    // Stryker disable next-line BlockStatement: an empty catch returns undefined all the same.
  } catch {
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
  if (cell === undefined || cell === null || cell === '') return undefined;
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

/** Sets an own property even for `__proto__`, which plain assignment would take as the prototype. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
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
  for (const [key, value] of Object.entries(config ?? {})) {
    const name = key.startsWith(PARAM_PREFIX) ? key.slice(PARAM_PREFIX.length) : key;
    if (name === TRIAL_INDEX) continue;
    if (name !== key && config && Object.hasOwn(config, name)) continue;
    const typed = hyperParameterValue(value);
    if (typed !== undefined) setOwn(out, name, typed);
  }
  return out;
}
