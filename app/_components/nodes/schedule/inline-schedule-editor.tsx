'use client';
// An inline schedule: time zone, opening hours per weekday, holidays and special days (e.g. 调休 make-up working days).

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { weekdays, type ScheduleDefinition } from '../../../../flow-engine/schedule/schedule-config';
import { TimeZoneSelect } from '../../form-kit/time-zone-select';

type Interval = { from: string; to: string };
type Weekly = ScheduleDefinition['weekly'];

/** A new inline schedule: Monday to Friday 09:00–18:00 in the browser's time zone. */
export function defaultSchedule(): ScheduleDefinition {
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
  const day = [{ from: '09:00', to: '18:00' }];
  return { timezone, weekly: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays: [], specialDays: [] };
}

const time = (value: string) => dayjs(`2000-01-01T${value === '24:00' ? '23:59' : value}`);
const clock = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : '00:00');

function IntervalsEditor({
  value,
  onChange,
  label,
  disabled,
}: {
  value: Interval[];
  onChange(v: Interval[]): void;
  label: string;
  disabled?: boolean;
}) {
  const t = useTranslations('inspector.schedule');
  return (
    <Space wrap size={4}>
      {value.map((interval, index) => (
        <Space.Compact key={index}>
          <TimePicker.RangePicker
            size="small"
            format="HH:mm"
            order={false}
            allowClear={false}
            disabled={disabled}
            value={[time(interval.from), time(interval.to)]}
            aria-label={`${label} ${index + 1}`}
            onChange={(range) =>
              onChange(value.map((v, i) => (i === index ? { from: clock(range?.[0]), to: clock(range?.[1]) } : v)))
            }
          />
          <Button
            size="small"
            icon={<DeleteOutlined />}
            aria-label={t('removeHours')}
            disabled={disabled}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          />
        </Space.Compact>
      ))}
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        aria-label={t('addHours', { day: label })}
        disabled={disabled || value.length >= 8}
        onClick={() => onChange([...value, { from: '09:00', to: '18:00' }])}
      />
    </Space>
  );
}

export interface InlineScheduleEditorProps {
  value: ScheduleDefinition;
  onChange(value: ScheduleDefinition): void;
  disabled?: boolean;
}

export function InlineScheduleEditor({ value, onChange, disabled }: InlineScheduleEditorProps) {
  const t = useTranslations('inspector.schedule');
  const setWeekly = (day: (typeof weekdays)[number], intervals: Interval[]) => {
    const weekly: Weekly = { ...value.weekly };
    if (intervals.length === 0) delete weekly[day];
    else weekly[day] = intervals;
    onChange({ ...value, weekly });
  };
  const holidays = value.holidays ?? [];
  const specialDays = value.specialDays ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <div data-path="/config/schedule/timezone">
        <Typography.Text strong>{t('timezone')}</Typography.Text>
        <TimeZoneSelect
          value={value.timezone}
          disabled={disabled}
          ariaLabel={t('timezone')}
          id="cf-inline-schedule-zone"
          onChange={(timezone) => onChange({ ...value, timezone })}
        />
      </div>
      <div data-path="/config/schedule/weekly">
        <Typography.Text strong>{t('weeklyHours')}</Typography.Text>
        {weekdays.map((day) => (
          <div
            key={day}
            data-path={`/config/schedule/weekly/${day}`}
            style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 4 }}
          >
            <span style={{ width: 48 }}>{t(`days.${day}`)}</span>
            <IntervalsEditor
              value={value.weekly[day] ?? []}
              onChange={(v) => setWeekly(day, v)}
              label={t(`days.${day}`)}
              disabled={disabled}
            />
            {(value.weekly[day] ?? []).length === 0 && (
              <Typography.Text type="secondary">{t('closed')}</Typography.Text>
            )}
          </div>
        ))}
      </div>
      <div data-path="/config/schedule/holidays">
        <Typography.Text strong>{t('holidays')}</Typography.Text>
        {holidays.map((holiday, index) => (
          <Space
            key={index}
            wrap
            size={4}
            style={{ display: 'flex', marginTop: 4 }}
            data-path={`/config/schedule/holidays/${index}`}
          >
            <DatePicker.RangePicker
              size="small"
              disabled={disabled}
              allowClear={false}
              value={[dayjs(holiday.date), dayjs(holiday.until ?? holiday.date)]}
              onChange={(range) => {
                const date = range?.[0]?.format('YYYY-MM-DD') ?? holiday.date;
                const until = range?.[1]?.format('YYYY-MM-DD');
                onChange({
                  ...value,
                  holidays: holidays.map((h, i) =>
                    i === index ? { ...h, date, until: until && until !== date ? until : undefined } : h,
                  ),
                });
              }}
            />
            <Input
              size="small"
              style={{ width: 140 }}
              placeholder={t('holidayName')}
              aria-label={t('holidayName')}
              disabled={disabled}
              value={holiday.name ?? ''}
              onChange={(e) =>
                onChange({
                  ...value,
                  holidays: holidays.map((h, i) => (i === index ? { ...h, name: e.target.value || undefined } : h)),
                })
              }
            />
            <Button
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('removeHoliday')}
              disabled={disabled}
              onClick={() => onChange({ ...value, holidays: holidays.filter((_, i) => i !== index) })}
            />
          </Space>
        ))}
        <div>
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() => onChange({ ...value, holidays: [...holidays, { date: dayjs().format('YYYY-MM-DD') }] })}
          >
            {t('addHoliday')}
          </Button>
        </div>
      </div>
      <div data-path="/config/schedule/specialDays">
        <Typography.Text strong>{t('specialDays')}</Typography.Text>
        <div>
          <Typography.Text type="secondary">{t('specialDaysHint')}</Typography.Text>
        </div>
        {specialDays.map((special, index) => (
          <Space
            key={index}
            wrap
            size={4}
            style={{ display: 'flex', marginTop: 4 }}
            data-path={`/config/schedule/specialDays/${index}`}
          >
            <DatePicker
              size="small"
              disabled={disabled}
              allowClear={false}
              value={dayjs(special.date)}
              onChange={(d) =>
                onChange({
                  ...value,
                  specialDays: specialDays.map((s, i) =>
                    i === index ? { ...s, date: d?.format('YYYY-MM-DD') ?? s.date } : s,
                  ),
                })
              }
            />
            <IntervalsEditor
              value={special.hours}
              label={special.date}
              disabled={disabled}
              onChange={(hours) =>
                onChange({ ...value, specialDays: specialDays.map((s, i) => (i === index ? { ...s, hours } : s)) })
              }
            />
            <Input
              size="small"
              style={{ width: 120 }}
              placeholder={t('holidayName')}
              aria-label={t('holidayName')}
              disabled={disabled}
              value={special.name ?? ''}
              onChange={(e) =>
                onChange({
                  ...value,
                  specialDays: specialDays.map((s, i) =>
                    i === index ? { ...s, name: e.target.value || undefined } : s,
                  ),
                })
              }
            />
            <Button
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('removeSpecialDay')}
              disabled={disabled}
              onClick={() => onChange({ ...value, specialDays: specialDays.filter((_, i) => i !== index) })}
            />
          </Space>
        ))}
        <div>
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() =>
              onChange({
                ...value,
                specialDays: [
                  ...specialDays,
                  { date: dayjs().format('YYYY-MM-DD'), hours: [{ from: '09:00', to: '18:00' }] },
                ],
              })
            }
          >
            {t('addSpecialDay')}
          </Button>
        </div>
      </div>
    </Space>
  );
}
