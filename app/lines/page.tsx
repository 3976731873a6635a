// `/lines` (admins): phone numbers, the flow and version each one answers with, enable/disable, create, edit, delete.

import { getTranslations } from 'next-intl/server';
import { LinesPage } from '../_components/lines/lines-page';
import { NotAllowed } from '../_components/shell/not-allowed';
import { requireUser } from '../_server/auth/require-user';
import { hasRole } from '../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('lines');
  return { title: t('title') };
}

export default async function Page() {
  const user = await requireUser();
  if (!hasRole(user.role, 'admin')) return <NotAllowed needs="admin" />;
  return <LinesPage />;
}
