// Loops instead of spreads: `push(...items)` and `Math.max(...values)` pass every item
// as an argument, and past ~120,000 of them the stack overflows.

/** Append `items` to `target`; returns `target`. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = 0): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  return max === -Infinity ? empty : max;
}
