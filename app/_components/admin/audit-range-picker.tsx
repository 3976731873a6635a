'use client';
// The audit log's time-range filter: antd's RangePicker (its calendar panels and dayjs adapter), in a module of its own
// so audit-page.tsx loads it after the list instead of on the route's first load.

import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useDayjsLocale } from '../../_lib/use-dayjs-locale';

export type AuditRange = [Dayjs | null, Dayjs | null] | null;

export function AuditRangePicker({
  value,
  onChange,
  label,
}: {
  value: AuditRange;
  onChange: (range: AuditRange) => void;
  label: string;
}) {
  useDayjsLocale();
  return <DatePicker.RangePicker value={value} onChange={(range) => onChange(range)} aria-label={label} />;
}
