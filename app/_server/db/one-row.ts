// The row of a statement that always yields exactly one (an insert's `returning`, an aggregate such as `count()`,
// an update of a row the same transaction just read), without an unchecked index.

/** `rows[0]`, or an error naming the statement when there is none (which would mean a bug or a lost row). */
export function oneRow<T>(rows: readonly T[], statement: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`${statement} returned no row`);
  return row;
}
