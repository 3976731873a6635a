'use client';
// The schedule calendar in a drawer (loaded only when opened): what callers reach through the flow's schedule nodes.

import { Drawer } from 'antd';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';

const ScheduleCalendarView = dynamic(() => import('./schedule-calendar-view'), { ssr: false });

export function CalendarDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useTranslations('editor.calendar');
  return (
    <Drawer open={open} onClose={onClose} title={t('title')} size="min(1040px, 100vw)" destroyOnHidden>
      {open && <ScheduleCalendarView />}
    </Drawer>
  );
}
