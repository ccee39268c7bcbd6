/** Plain-text tables for a terminal: padded columns, the header underlined. */
import { oneLine } from '../compare/format.js';

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** Renders rows under their headers; each column is as wide as its widest cell. */
export function table(
  columns: readonly Column[],
  cellRows: readonly (readonly string[])[],
  indent = '',
): string {
  // A line break in a cell would break every column after it.
  const rows = cellRows.map((row) => row.map(oneLine));
  const widths = columns.map((column) => column.header.length);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i] as number, (row[i] ?? '').length);
  }
  const line = (cells: readonly string[]) =>
    indent +
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)].join('\n');
}

/** A two-column table of labels and values, for one object's summary. */
export function facts(entries: readonly (readonly [string, string])[], indent = ''): string {
  const width = Math.max(0, ...entries.map(([label]) => label.length));
  return entries.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`).join('\n');
}
