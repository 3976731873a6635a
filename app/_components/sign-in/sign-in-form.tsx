'use client';
// Email + password sign-in against better-auth; on success the studio opens on the flows list. Plain form elements
// in antd's look (sign-in.css): the page ships no antd, TanStack Query or tRPC, so it loads fast (budget < 150 KB).

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { Locale } from '../../_i18n/locales';
import { LanguageMenu } from '../shell/language-menu';
import './sign-in.css';

type SignInError =
  { key: 'mismatch' | 'unreachable' | 'failed' } | { key: 'tooMany' | 'tooManyFromNetwork'; minutes: number };

/** What went wrong, from the status and (for 429) the body the server's failed sign-in limit sends. */
async function errorFor(response: Response): Promise<SignInError> {
  if (response.status === 401) return { key: 'mismatch' };
  if (response.status !== 429) return { key: 'failed' };
  const body = (await response.json().catch(() => ({}))) as { code?: unknown; retryAfterSeconds?: unknown };
  const seconds =
    typeof body.retryAfterSeconds === 'number'
      ? body.retryAfterSeconds
      : Number(response.headers.get('retry-after')) || 60;
  return {
    key: body.code === 'SIGN_IN_THROTTLED_ADDRESS' ? 'tooManyFromNetwork' : 'tooMany',
    minutes: Math.max(1, Math.ceil(seconds / 60)),
  };
}

export function SignInForm({ locale }: { locale: Locale }) {
  const t = useTranslations('signIn');
  const tApp = useTranslations('app');
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<SignInError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = form.elements.namedItem('email') as HTMLInputElement;
    const password = form.elements.namedItem('password') as HTMLInputElement;
    // The browser's own checks (required, email syntax), told in the studio's words and language.
    const problems = {
      email: email.validity.valid ? undefined : t('emailInvalid'),
      password: password.value ? undefined : t('passwordRequired'),
    };
    setFieldErrors(problems);
    if (problems.email || problems.password) {
      (problems.email ? email : password).focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email.value.trim(), password: password.value }),
      });
      if (!response.ok) {
        setError(await errorFor(response));
        return;
      }
      router.replace('/flows');
      router.refresh();
    } catch {
      setError({ key: 'unreachable' });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: 'email' | 'password', type: string, autoComplete: string) => {
    const problem = fieldErrors[name];
    return (
      <div className={`cf-signin-field${problem ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-${name}`}>{t(name)}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          type={type}
          required
          autoComplete={autoComplete}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-${name}-error` : undefined}
        />
        {problem && (
          <div id={`${id}-${name}-error`} className="cf-signin-field-error">
            {problem}
          </div>
        )}
      </div>
    );
  };

  return (
    <main className="cf-signin">
      <div className="cf-signin-card">
        <div className="cf-signin-head">
          <h1>{tApp('title')}</h1>
          <LanguageMenu locale={locale} />
        </div>
        <form name="sign-in" noValidate onSubmit={(event) => void submit(event)}>
          {field('email', 'email', 'username')}
          {field('password', 'password', 'current-password')}
          {error && (
            <div className="cf-signin-alert" role="alert">
              {'minutes' in error ? t(`errors.${error.key}`, { minutes: error.minutes }) : t(`errors.${error.key}`)}
            </div>
          )}
          <button type="submit" className="cf-signin-submit" disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('submitting') : t('submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
