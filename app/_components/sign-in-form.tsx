'use client';
// Email + password sign-in against better-auth; on success the page re-renders as the signed-in user.

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

function messageFor(status: number, serverMessage: string | undefined): string {
  if (status === 429) return 'Too many sign-in attempts. Wait a minute, then try again.';
  if (status === 401) return 'That email and password do not match an account.';
  return serverMessage ?? 'Signing in failed. Try again.';
}

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        setError(messageFor(response.status, body.message));
        return;
      }
      router.refresh();
    } catch {
      setError('The studio cannot be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={submit}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
