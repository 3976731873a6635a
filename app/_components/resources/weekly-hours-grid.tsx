'use client';
// The weekly-hours grid: one row per weekday with its opening intervals (none = closed), and "copy to Mon–Fri".

import { CopyOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { weekdays, type Weekday } from '../../../flow-engine/schedule/weekdays';
import { HoursIntervals, type Interval } from './hours-intervals';

export type WeeklyHours = Partial<Record<Weekday, Interval[]>>;

const workdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

export function WeeklyHoursGrid({
  value,
  onChange,
  disabled,
}: {
  value: WeeklyHours;
  onChange: (next: WeeklyHours) => void;
  disabled?: boolean;
}) {
  const t = useTranslations('schedules');
  const tDays = useTranslations('weekdays');

  return (
    <Table<{ day: Weekday }>
      rowKey="day"
      size="small"
      pagination={false}
      dataSource={weekdays.map((day) => ({ day }))}
      columns={[
        { title: t('day'), key: 'day', width: 120, render: (_, { day }) => tDays(`long.${day}`) },
        {
          title: t('hours'),
          key: 'hours',
          render: (_, { day }) => (
            <HoursIntervals
              value={value[day] ?? []}
              onChange={(next) => onChange({ ...value, [day]: next })}
              label={tDays(`long.${day}`)}
              disabled={disabled}
            />
          ),
        },
        ...(disabled
          ? []
          : [
              {
                title: '',
                key: 'copy',
                width: 60,
                render: (_: unknown, { day }: { day: Weekday }) => (
                  <Tooltip title={t('copyToWeekdays')}>
                    <Button
                      size="small"
                      icon={<CopyOutlined />}
                      aria-label={t('copyFrom', { day: tDays(`long.${day}`) })}
                      onClick={() =>
                        onChange({ ...value, ...Object.fromEntries(workdays.map((d) => [d, [...(value[day] ?? [])]])) })
                      }
                    />
                  </Tooltip>
                ),
              },
            ]),
      ]}
    />
  );
}
