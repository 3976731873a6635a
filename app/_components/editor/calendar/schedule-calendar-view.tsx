'use client';
// A month calendar of the flow's schedule nodes: per day what each answers (open hours, closed, holiday, make-up
// working day), and for the selected day the port and next node at every hour, on one chosen wall clock.

import { Alert, Calendar, DatePicker, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { scheduleCalendar, type CalendarDay, type CalendarScheduleNode } from '../../../../flow-engine/schedule';
import type { ScheduleState } from '../../../../flow-engine/schedule';
import type { ResourceResolver } from '../../../../flow-engine/resources';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store-context';
import { formatRanges, openRanges } from './open-ranges';
import { useScheduleResources } from './use-schedule-resources';
import './calendar.css';

const portColors: Record<ScheduleState, string> = { open: 'green', closed: 'default', holiday: 'red' };
const kindColors = { holiday: 'red', makeUp: 'blue', specialHours: 'gold', specialClosed: 'default' } as const;

export default function ScheduleCalendarView() {
  const t = useTranslations('editor.calendar');
  const resources = useScheduleResources(useEditorStoreApi().getState().doc);
  if (resources.status === 'loading') return <Spin aria-label={t('loading')} />;
  if (resources.status === 'failed')
    return <Alert type="error" showIcon title={t('loadFailed', { message: resources.message })} />;
  return <CalendarBody resolver={resources.resolver} />;
}

function CalendarBody({ resolver }: { resolver: ResourceResolver }) {
  const t = useTranslations('editor.calendar');
  const doc = useEditorStore((s) => s.doc);
  const [selected, setSelected] = useState<Dayjs>(() => dayjs().startOf('day'));
  const [timeZone, setTimeZone] = useState<string | undefined>();
  const month = selected.format('YYYY-MM');
  const calendar = useMemo(
    () => scheduleCalendar(doc, { month, timeZone, resources: resolver }),
    [doc, month, timeZone, resolver],
  );
  const nodes = calendar.nodes;
  const labelOf = (id: string | null) =>
    id === null ? t('notConnected') : (doc.nodes.find((n) => n.id === id)?.label ?? id);

  if (nodes.length === 0) return <Empty description={t('noSchedules')} />;

  const zones = [
    ...new Set([
      calendar.timeZone,
      ...nodes.map((n) => n.timeZone).filter(Boolean),
      'UTC',
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    ]),
  ];
  const day = calendar.days.find((d) => d.date === selected.format('YYYY-MM-DD'));

  return (
    <div className="cf-calendar">
      <Space wrap className="cf-calendar-controls">
        <label>
          <span className="cf-calendar-label">{t('month')}</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={selected}
            aria-label={t('month')}
            onChange={(value) => value && setSelected(value.startOf('month'))}
          />
        </label>
        <label>
          <span className="cf-calendar-label">{t('timeZone')}</span>
          <Select
            aria-label={t('timeZone')}
            value={calendar.timeZone}
            onChange={setTimeZone}
            options={zones.map((zone) => ({ value: zone, label: zone }))}
            style={{ minWidth: 200 }}
            showSearch
          />
        </label>
      </Space>
      {nodes
        .filter((n) => n.problem)
        .map((n) => (
          <Alert
            key={n.id}
            type="warning"
            showIcon
            title={t('nodeProblem', { node: labelOf(n.id), problem: n.problem ?? '' })}
          />
        ))}
      <Calendar
        value={selected}
        headerRender={() => null}
        onSelect={(value) => setSelected(value)}
        cellRender={(date, info) => {
          if (info.type !== 'date' || date.format('YYYY-MM') !== month) return null;
          const cell = calendar.days.find((d) => d.date === date.format('YYYY-MM-DD'));
          return cell ? <DaySummary day={cell} nodes={nodes} labelOf={labelOf} /> : null;
        }}
      />
      {day && (
        <HourTable day={day} nodes={nodes.filter((n) => !n.problem)} timeZone={calendar.timeZone} labelOf={labelOf} />
      )}
    </div>
  );
}

function DaySummary({
  day,
  nodes,
  labelOf,
}: {
  day: CalendarDay;
  nodes: CalendarScheduleNode[];
  labelOf(id: string | null): string;
}) {
  const t = useTranslations('editor.calendar');
  return (
    <ul className="cf-calendar-day" data-date={day.date}>
      {nodes.map((node) => {
        const kind = day.kinds[node.id];
        const outcomes = day.outcomes[node.id];
        if (!kind || !outcomes) return null;
        const ranges = openRanges(day, node.id);
        const outcome =
          ranges.length > 0
            ? t('openHours', { hours: formatRanges(ranges) })
            : outcomes.includes('holiday')
              ? t('ports.holiday')
              : t('closedAllDay');
        return (
          <li key={node.id}>
            {nodes.length > 1 && <span className="cf-calendar-node">{labelOf(node.id)}: </span>}
            <span>{outcome}</span>
            {/* A holiday's outcome already reads "Holiday": its tag names which one. */}
            {kind.kind !== 'weekly' &&
              (kind.kind === 'holiday' && kind.name && outcome === t('ports.holiday') ? (
                <Tag color={kindColors.holiday}>{kind.name}</Tag>
              ) : (
                <Tag color={kindColors[kind.kind]} title={kind.name}>
                  {t(`kinds.${kind.kind}`)}
                </Tag>
              ))}
          </li>
        );
      })}
    </ul>
  );
}

function HourTable({
  day,
  nodes,
  timeZone,
  labelOf,
}: {
  day: CalendarDay;
  nodes: CalendarScheduleNode[];
  timeZone: string;
  labelOf(id: string | null): string;
}) {
  const t = useTranslations('editor.calendar');
  const named = nodes.flatMap((node) => {
    const kind = day.kinds[node.id];
    return kind && kind.kind !== 'weekly' ? [{ node, kind }] : [];
  });
  return (
    <section className="cf-calendar-hours" aria-label={t('hoursOf', { date: day.date })}>
      <Typography.Title level={2} className="cf-calendar-hours-title">
        {t('hoursOf', { date: day.date })} · {timeZone}
      </Typography.Title>
      {named.map(({ node, kind }) => (
        <Typography.Paragraph key={node.id}>
          {labelOf(node.id)}: {t(`kinds.${kind.kind}`)}
          {kind.name ? ` — ${kind.name}` : ''}
        </Typography.Paragraph>
      ))}
      <table className="cf-calendar-table">
        <thead>
          <tr>
            <th scope="col">{t('hour')}</th>
            {nodes.map((node) => (
              <th scope="col" key={node.id}>
                {labelOf(node.id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {day.hours.map((hour) => (
            <tr key={hour.hour} data-hour={hour.hour}>
              <th scope="row">
                {String(hour.hour).padStart(2, '0')}:00{hour.at === null ? ` ${t('skippedHour')}` : ''}
              </th>
              {nodes.map((node) => {
                const port = hour.ports[node.id];
                return (
                  <td key={node.id}>
                    {port && (
                      <>
                        <Tag color={portColors[port]}>{t(`ports.${port}`)}</Tag>→ {labelOf(node.targets[port])}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
