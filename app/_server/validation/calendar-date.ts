// Whether text that starts with a date (YYYY-MM-DD…) names a day that exists: JavaScript's Date rolls 2026-02-31
// over to March 3rd and PostgreSQL refuses it with an error, where a tampered input deserves a plain 400.

import 'server-only';
const leadingDate = /^(\d{4})-(\d{2})-(\d{2})/;

/** False for a leading date that no calendar has (month 13, February 30th, February 29th of a common year); true otherwise. */
export function hasPossibleLeadingDate(text: string): boolean {
  const match = leadingDate.exec(text);
  if (!match) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 as they are; an impossible day rolls into the next month.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
