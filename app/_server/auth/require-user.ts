// Guards a server-rendered page: the signed-in user, or a redirect to the sign-in page.

import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { SessionUser } from '../trpc';
import { currentUser } from './current-user';

/** The signed-in user of this request; sends anyone else to /sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser(await headers());
  if (!user) redirect('/sign-in');
  return user;
}
