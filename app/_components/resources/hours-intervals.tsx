'use client';
// Opening intervals of one day as time-range pickers with add/remove (none = closed); used by the weekly grid and special days.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';

export interface Interval {
  from: string;
  to: string;
}

// The picker has no 24:00; midnight at the end of a day shows as 23:59 and is written back as 24:00.
const toDayjs = (time: string) => dayjs(time === '24:00' ? '23:59' : time, 'HH:mm');
const fromDayjs = (value: Dayjs, end: boolean) => {
  const text = value.format('HH:mm');
  return end && text === '23:59' ? '24:00' : text;
};

export function HoursIntervals({
  value,
  onChange,
  label,
  disabled,
}: {
  value: Interval[];
  onChange: (next: Interval[]) => void;
  label: string;
  disabled?: boolean;
}) {
  const t = useTranslations('schedules');
  return (
    <Space wrap>
      {value.length === 0 && <Typography.Text type="secondary">{t('closed')}</Typography.Text>}
      {value.map((interval, index) => (
        <Space.Compact key={index}>
          <TimePicker.RangePicker
            format="HH:mm"
            minuteStep={5}
            order={false}
            allowClear={false}
            disabled={disabled}
            aria-label={t('intervalLabel', { day: label, index: index + 1 })}
            value={[toDayjs(interval.from), toDayjs(interval.to)]}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (!from || !to) return;
              onChange(
                value.map((old, i) => (i === index ? { from: fromDayjs(from, false), to: fromDayjs(to, true) } : old)),
              );
            }}
          />
          {!disabled && (
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('removeInterval', { day: label, index: index + 1 })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            />
          )}
        </Space.Compact>
      ))}
      {!disabled && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          aria-label={t('addInterval', { day: label })}
          onClick={() => onChange([...value, { from: '09:00', to: '18:00' }])}
        >
          {t('add')}
        </Button>
      )}
    </Space>
  );
}
