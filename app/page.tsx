// `/`: the flows list when signed in, else the sign-in page.

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentUser } from './_server/auth/current-user';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const user = await currentUser(await headers());
  redirect(user ? '/flows' : '/sign-in');
}
