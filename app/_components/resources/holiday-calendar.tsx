'use client';
// The holiday / make-up-day calendar: holidays (closed, optionally a range) and special days (own hours, e.g. 调休
// working Saturdays) drawn on an antd Calendar; clicking a day edits what it is.

import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Calendar,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useHydrated } from '../../_lib/use-hydrated';
import { HoursIntervals, type Interval } from './hours-intervals';
import { likelyDayKind } from './likely-day-kind';
import type { WeeklyHours } from './weekly-hours-grid';

export interface Holiday {
  date: string;
  until?: string;
  name?: string;
}
export interface SpecialDay {
  date: string;
  hours: Interval[];
  name?: string;
}
export interface CalendarDays {
  holidays: Holiday[];
  specialDays: SpecialDay[];
}

const iso = (day: Dayjs) => day.format('YYYY-MM-DD');
const holidayOn = (holidays: Holiday[], date: string) =>
  holidays.find((h) => date >= h.date && date <= (h.until ?? h.date));

type DayKind = 'normal' | 'holiday' | 'special';
interface DayValues {
  kind: DayKind;
  name?: string;
  until?: Dayjs | null;
}

export interface HolidayCalendarProps {
  value: CalendarDays;
  onChange: (next: CalendarDays) => void;
  /** The weekly hours: a plain day opens as a holiday when they open it, as a make-up working day when not. */
  weekly: WeeklyHours;
  disabled?: boolean;
}

export function HolidayCalendar({ value, onChange, weekly, disabled }: HolidayCalendarProps) {
  const t = useTranslations('schedules.calendar');
  // Dialogs drawn before hydration would not match the server's HTML (React error #418).
  const hydrated = useHydrated();
  const format = useFormatter();
  const [editing, setEditing] = useState<string | null>(null);
  const [hours, setHours] = useState<Interval[]>([]);
  const [form] = Form.useForm<DayValues>();
  const kind = Form.useWatch('kind', form);

  function open(date: string) {
    const special = value.specialDays.find((d) => d.date === date);
    const holiday = holidayOn(value.holidays, date);
    setHours(special?.hours ?? [{ from: '09:00', to: '18:00' }]);
    form.setFieldsValue(
      special
        ? { kind: 'special', name: special.name, until: null }
        : holiday
          ? { kind: 'holiday', name: holiday.name, until: holiday.until ? dayjs(holiday.until) : null }
          : { kind: likelyDayKind(weekly, date), name: '', until: null },
    );
    setEditing(date);
  }

  function apply(values: DayValues) {
    if (!editing) return;
    const date = editing;
    // A day is one thing: drop what covered it (a whole holiday range that starts or contains it) before adding.
    const holidays = value.holidays.filter((h) => !(date >= h.date && date <= (h.until ?? h.date)));
    const specialDays = value.specialDays.filter((d) => d.date !== date);
    const name = values.name?.trim() || undefined;
    if (values.kind === 'holiday') {
      const until = values.until && iso(values.until) > date ? iso(values.until) : undefined;
      holidays.push({ date, ...(until ? { until } : {}), ...(name ? { name } : {}) });
    }
    if (values.kind === 'special') specialDays.push({ date, hours, ...(name ? { name } : {}) });
    onChange({
      holidays: holidays.sort((a, b) => a.date.localeCompare(b.date)),
      specialDays: specialDays.sort((a, b) => a.date.localeCompare(b.date)),
    });
    setEditing(null);
  }

  const rows = [
    ...value.holidays.map((h) => ({
      key: `h${h.date}`,
      date: h.date,
      until: h.until,
      name: h.name,
      kind: 'holiday' as const,
      hours: [] as Interval[],
    })),
    ...value.specialDays.map((d) => ({
      key: `s${d.date}`,
      date: d.date,
      until: undefined,
      name: d.name,
      kind: 'special' as const,
      hours: d.hours,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <>
      <Calendar
        // Our own header: month arrows with names (antd's year/month selects have no accessible names).
        headerRender={({ value: month, onChange: show }) => (
          <Flex justify="space-between" align="center" style={{ padding: '8px 0' }}>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('previousMonth')}
              onClick={() => show(month.subtract(1, 'month'))}
            />
            <Typography.Text strong>
              {format.dateTime(month.toDate(), { year: 'numeric', month: 'long' })}
            </Typography.Text>
            <Button icon={<RightOutlined />} aria-label={t('nextMonth')} onClick={() => show(month.add(1, 'month'))} />
          </Flex>
        )}
        onSelect={(day, info) => !disabled && info.source === 'date' && open(iso(day))}
        cellRender={(day, info) => {
          if (info.type !== 'date') return info.originNode;
          const date = iso(day);
          const special = value.specialDays.find((d) => d.date === date);
          const holiday = holidayOn(value.holidays, date);
          if (special)
            return (
              <Badge
                status={special.hours.length ? 'success' : 'default'}
                text={special.name || (special.hours.length ? t('special') : t('closedDay'))}
              />
            );
          if (holiday) return <Badge status="error" text={holiday.name || t('holiday')} />;
          return null;
        }}
      />
      <Space style={{ margin: '8px 0' }}>
        <Badge status="error" text={t('legendHoliday')} />
        <Badge status="success" text={t('legendSpecial')} />
      </Space>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('empty') }}
        columns={[
          {
            title: t('date'),
            key: 'date',
            render: (_, row) =>
              row.until
                ? t('range', { from: new Date(`${row.date}T00:00:00`), to: new Date(`${row.until}T00:00:00`) })
                : format.dateTime(new Date(`${row.date}T00:00:00`), { dateStyle: 'medium' }),
          },
          {
            title: t('kind'),
            key: 'kind',
            render: (_, row) =>
              row.kind === 'holiday' ? (
                <Tag color="red">{t('holiday')}</Tag>
              ) : (
                <Tag color="purple">{row.hours.length ? t('special') : t('closedDay')}</Tag>
              ),
          },
          { title: t('name'), dataIndex: 'name' },
          { title: t('hours'), key: 'hours', render: (_, row) => row.hours.map((h) => `${h.from}–${h.to}`).join(', ') },
          ...(disabled
            ? []
            : [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, row: { date: string }) => (
                    <Button size="small" type="link" onClick={() => open(row.date)}>
                      {t('change')}
                    </Button>
                  ),
                },
              ]),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing ? format.dateTime(new Date(`${editing}T00:00:00`), { dateStyle: 'full' }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('apply')}
        cancelText={t('cancel')}
        forceRender={hydrated}
      >
        <Form<DayValues> name="calendar-day" form={form} layout="vertical" onFinish={apply}>
          <Form.Item name="kind" label={t('kind')}>
            <Radio.Group>
              <Radio value="normal">{t('normal')}</Radio>
              <Radio value="holiday">{t('holiday')}</Radio>
              <Radio value="special">{t('special')}</Radio>
            </Radio.Group>
          </Form.Item>
          {kind !== 'normal' && (
            <Form.Item name="name" label={t('name')}>
              <Input placeholder={t('namePlaceholder')} />
            </Form.Item>
          )}
          {kind === 'holiday' && (
            <Form.Item name="until" label={t('until')} extra={t('untilHint')}>
              <DatePicker disabledDate={(day) => Boolean(editing) && iso(day) <= (editing ?? '')} />
            </Form.Item>
          )}
          {kind === 'special' && (
            <Form.Item label={t('hours')} extra={t('specialHint')}>
              <HoursIntervals value={hours} onChange={setHours} label={t('hours')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
