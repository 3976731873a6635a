// fast-check arbitraries for payment card numbers: random digits with a valid Luhn check digit.

import fc from 'fast-check';

/** The Luhn check digit that completes `body`. */
function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 16-digit card number starting with 3–6 (the major schemes) that passes the Luhn check. */
export const cardNumber = fc
  .tuple(
    fc.constantFrom('3', '4', '5', '6'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }),
  )
  .map(([first, rest]) => {
    const body = first + rest.join('');
    return body + checkDigit(body);
  });

/** The parts of a card number that must never show: the whole, and 12-digit stretches (too long to be chance). */
export function forbiddenParts(card: string): string[] {
  return [card, card.slice(0, 12), card.slice(4)];
}

/** The parts of `card` found in `text` (empty when none leaked). */
export function leakedParts(text: string, card: string): string[] {
  return forbiddenParts(card).filter((part) => text.includes(part));
}
