// `/admin/audit` (admins): who did what and when, filtered by action, entity and time.

import { getTranslations } from 'next-intl/server';
import { AuditPage } from '../../_components/admin/audit-page';
import { NotAllowed } from '../../_components/shell/not-allowed';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('audit'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  if (!hasRole(user.role, 'admin')) return <NotAllowed needs="admin" />;
  return <AuditPage />;
}
