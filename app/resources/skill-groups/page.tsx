// `/resources/skill-groups`: the queues `queue` nodes send calls to, referenced by key.

import { getTranslations } from 'next-intl/server';
import { SkillGroupsPage } from '../../_components/resources/skill-groups-page';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('skillGroups'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  return <SkillGroupsPage canEdit={hasRole(user.role, 'designer')} />;
}
