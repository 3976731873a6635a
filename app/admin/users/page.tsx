// `/admin/users` (admins): who can sign in, with which role; create, change role, disable and enable.

import { getTranslations } from 'next-intl/server';
import { UsersPage } from '../../_components/admin/users-page';
import { NotAllowed } from '../../_components/shell/not-allowed';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('users'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  if (!hasRole(user.role, 'admin')) return <NotAllowed needs="admin" />;
  return <UsersPage currentUserId={user.id} />;
}
