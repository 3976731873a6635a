'use client';
// Ends the better-auth session and shows the sign-in form again.

import { useRouter } from 'next/navigation';

export function SignOutButton() {
  const router = useRouter();
  async function signOut() {
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    router.refresh();
  }
  return (
    <button type="button" className="secondary" onClick={signOut}>
      Sign out
    </button>
  );
}
