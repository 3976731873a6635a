// `/admin/settings` (admins): studio-wide settings, e.g. whether publishing requires every test of a flow to pass.

import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '../../_components/shell/not-allowed';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';
import { SettingsForm } from './settings-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('settings'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  if (!hasRole(user.role, 'admin')) return <NotAllowed needs="admin" />;
  return <SettingsForm />;
}
