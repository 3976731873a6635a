// `/resources/integrations`: HTTP services `http` nodes call by key; only admins change them (secrets are write-only).

import { getTranslations } from 'next-intl/server';
import { IntegrationsPage } from '../../_components/resources/integrations-page';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('integrations'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  return <IntegrationsPage canEdit={hasRole(user.role, 'admin')} />;
}
