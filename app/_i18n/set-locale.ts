'use server';
// Server action behind the language menu: remembers the chosen language in the locale cookie for a year.

import { cookies } from 'next/headers';
import { isLocale, localeCookieName } from './locales';

export async function setLocale(locale: string): Promise<void> {
  // Not quoted: Next prints a server action's error, and the value is whatever the client sent.
  if (!isLocale(locale)) throw new Error('Unknown language.');
  (await cookies()).set(localeCookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
}
