// `/resources/schedules/<id>`: one schedule's weekly hours and holiday / make-up-day calendar.

import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { ScheduleEditor } from '../../../_components/resources/schedule-editor';
import { requireUser } from '../../../_server/auth/require-user';
import { serverCaller } from '../../../_server/server-caller';
import { hasRole } from '../../../_server/trpc';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ scheduleId: string }> }) {
  const user = await requireUser();
  const { scheduleId } = await params;
  const api = await serverCaller();
  const schedule = await api.resources.schedules.get({ id: scheduleId }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  return (
    <ScheduleEditor
      schedule={{ id: schedule.id, key: schedule.key, name: schedule.name, definition: schedule.definition }}
      canEdit={hasRole(user.role, 'designer')}
    />
  );
}
