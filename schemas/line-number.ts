// Normalises the numbers admins type for lines (+86 400 800-1234, 0086…, 12345) to one stored form.

/** The typed text is not a dialable number. */
export class InvalidLineNumberError extends Error {
  override name = 'InvalidLineNumberError';
  constructor(readonly input: string) {
    super(`"${input}" is not a phone number: use digits, optionally starting with +, e.g. +864008001234 or 12345.`);
  }
}

/**
 * Strip spaces and the usual separators, turn an international `00` prefix into `+`, and check what is left
 * is E.164-like: an optional `+` and 3–15 digits (short service numbers such as 12345 are lines too).
 * @example normaliseLineNumber('+86 (400) 800-1234'); // '+864008001234'
 */
export function normaliseLineNumber(input: string): string {
  let number = input.trim().replace(/[\s\-.()\u00a0]/g, '');
  if (number.startsWith('00')) number = `+${number.slice(2)}`;
  if (!/^\+?[0-9]{3,15}$/.test(number) || number.startsWith('+0')) throw new InvalidLineNumberError(input);
  return number;
}
