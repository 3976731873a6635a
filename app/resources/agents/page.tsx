// `/resources/agents`: the people queues ring, with their skill groups and levels.

import { getTranslations } from 'next-intl/server';
import { AgentsPage } from '../../_components/resources/agents-page';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('agents'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  return <AgentsPage canEdit={hasRole(user.role, 'designer')} />;
}
