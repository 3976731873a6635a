'use client';
// Ends the better-auth session, forgets cached API answers, and goes to the sign-in page.

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';

export function useSignOut(): () => Promise<void> {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    queryClient.clear();
    router.replace('/sign-in');
    router.refresh();
  }, [router, queryClient]);
}
