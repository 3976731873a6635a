'use client';
// The page of one schedule (new or existing): its form in the page frame.

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { PageFrame } from '../shell/page-frame';
import { ScheduleForm, type EditableSchedule } from './schedule-form';

export type { EditableSchedule } from './schedule-form';

export function ScheduleEditor({ schedule, canEdit }: { schedule: EditableSchedule | null; canEdit: boolean }) {
  const t = useTranslations('schedules');
  const router = useRouter();
  return (
    <PageFrame title={schedule ? t('editTitle', { key: schedule.key }) : t('newTitle')}>
      <ScheduleForm
        schedule={schedule}
        canEdit={canEdit}
        onCreated={(row) => router.replace(`/resources/schedules/${row.id}`)}
      />
    </PageFrame>
  );
}
