// `/resources/schedules`: the business-hours schedules flows reference by key.

import { getTranslations } from 'next-intl/server';
import { SchedulesList } from '../../_components/resources/schedules-list';
import { requireUser } from '../../_server/auth/require-user';
import { hasRole } from '../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('schedules'))('title') };
}

export default async function Page() {
  const user = await requireUser();
  return <SchedulesList canEdit={hasRole(user.role, 'designer')} />;
}
