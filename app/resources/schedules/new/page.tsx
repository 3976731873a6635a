// `/resources/schedules/new`: a new schedule (designers).

import { getTranslations } from 'next-intl/server';
import { ScheduleEditor } from '../../../_components/resources/schedule-editor';
import { NotAllowed } from '../../../_components/shell/not-allowed';
import { requireUser } from '../../../_server/auth/require-user';
import { hasRole } from '../../../_server/trpc';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return { title: (await getTranslations('schedules'))('newTitle') };
}

export default async function Page() {
  const user = await requireUser();
  if (!hasRole(user.role, 'designer')) return <NotAllowed needs="designer" />;
  return <ScheduleEditor schedule={null} canEdit />;
}
