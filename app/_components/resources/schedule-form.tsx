'use client';
// The form of one schedule: key and name, time zone, the weekly-hours grid and the holiday / make-up-day calendar,
// saved as a whole. The schedule page and the editor's "new" drawer share it.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { ScheduleDefinition } from '../../../flow-engine/schedule/schedule-config';
import { apiErrorMessage } from '../../_lib/api-error';
import { useTRPC } from '../../_lib/trpc-react';
import { Panel } from '../shell/panel';
import { resourceKeyPattern } from './resource-key';
import { HolidayCalendar, type CalendarDays } from './holiday-calendar';
import { WeeklyHoursGrid, type WeeklyHours } from './weekly-hours-grid';
import { useStudioApp } from '../shell/studio-app';
import { useDayjsLocale } from '../../_lib/use-dayjs-locale';

export interface EditableSchedule {
  id: string;
  key: string;
  name: string;
  definition: ScheduleDefinition;
}

const blankDefinition: ScheduleDefinition = {
  timezone: 'Asia/Shanghai',
  weekly: {
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
  },
  holidays: [],
  specialDays: [],
};

export interface ScheduleFormProps {
  schedule: EditableSchedule | null;
  canEdit: boolean;
  /** A new schedule was created (the page moves to its address, the drawer selects it). */
  onCreated(row: { id: string; key: string }): void;
}

export function ScheduleForm({ schedule, canEdit, onCreated }: ScheduleFormProps) {
  const t = useTranslations('schedules');
  const tCommon = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = useStudioApp();
  // The weekly hours' time pickers and the holiday calendar name days in the page's language.
  useDayjsLocale();
  const initial = schedule?.definition ?? blankDefinition;
  const [weekly, setWeekly] = useState<WeeklyHours>(initial.weekly);
  const [days, setDays] = useState<CalendarDays>({ holidays: initial.holidays, specialDays: initial.specialDays });
  const [form] = Form.useForm<{ key: string; name: string; timezone: string }>();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone })), []);

  const onError = (error: unknown) => message.error(tCommon('error', { message: apiErrorMessage(error) }));
  const done = async () => {
    message.success(tCommon('saved'));
    await queryClient.invalidateQueries({ queryKey: trpc.resources.schedules.pathKey() });
  };
  const create = useMutation(
    trpc.resources.schedules.create.mutationOptions({
      onSuccess: async (row) => {
        await done();
        onCreated(row);
      },
      onError,
    }),
  );
  const update = useMutation(trpc.resources.schedules.update.mutationOptions({ onSuccess: done, onError }));

  function save(values: { key: string; name: string; timezone: string }) {
    const definition: ScheduleDefinition = { timezone: values.timezone, weekly, ...days };
    if (schedule) update.mutate({ id: schedule.id, name: values.name ?? '', definition });
    else create.mutate({ key: values.key, name: values.name ?? '', definition });
  }

  return (
    <Form
      name="schedule"
      form={form}
      layout="vertical"
      disabled={!canEdit}
      initialValues={{ key: schedule?.key ?? '', name: schedule?.name ?? '', timezone: initial.timezone }}
      onFinish={save}
    >
      <Panel style={{ marginBottom: 16 }}>
        <Space wrap size="large" align="start">
          <Form.Item
            label={tCommon('key')}
            name="key"
            extra={tCommon('keyHint')}
            rules={[{ required: true, pattern: resourceKeyPattern, message: tCommon('keyInvalid') }]}
          >
            <Input disabled={Boolean(schedule)} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label={tCommon('name')} name="name">
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item label={t('timezone')} name="timezone" rules={[{ required: true }]}>
            <Select showSearch options={zones} style={{ width: 240 }} />
          </Form.Item>
        </Space>
      </Panel>
      <Panel title={t('weekly')} style={{ marginBottom: 16 }}>
        <WeeklyHoursGrid value={weekly} onChange={setWeekly} disabled={!canEdit} />
      </Panel>
      <Panel title={t('calendar.title')} style={{ marginBottom: 16 }}>
        <HolidayCalendar value={days} onChange={setDays} weekly={weekly} disabled={!canEdit} />
      </Panel>
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {tCommon('save')}
        </Button>
      )}
    </Form>
  );
}
