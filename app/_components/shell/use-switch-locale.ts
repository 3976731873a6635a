'use client';
// Switches the studio's language: the server action sets the cookie, then the page re-renders in the new language.

import { useRouter } from 'next/navigation';
import { useCallback, useTransition } from 'react';
import { setLocale } from '../../_i18n/set-locale';

export function useSwitchLocale(): (locale: string) => void {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return useCallback(
    (locale: string) => {
      startTransition(async () => {
        await setLocale(locale);
        router.refresh();
      });
    },
    [router],
  );
}
