// `/sign-in`: email + password sign-in; a signed-in visitor goes straight to the flows.

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { SignInForm } from '../_components/sign-in/sign-in-form';
import { defaultLocale, isLocale } from '../_i18n/locales';
import { currentUser } from '../_server/auth/current-user';

export const dynamic = 'force-dynamic';

export default async function SignInPage() {
  if (await currentUser(await headers())) redirect('/flows');
  const locale = await getLocale();
  return <SignInForm locale={isLocale(locale) ? locale : defaultLocale} />;
}
