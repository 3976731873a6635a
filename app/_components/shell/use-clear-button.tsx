'use client';
// A Select's clear button named in the UI language: @rc-component/select names it "Clear" unless `allowClear`
// carries a label, and antd's locale does not reach it. The icon is antd's own, as with `allowClear` alone.

import { CloseCircleFilled } from '@ant-design/icons';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';

/** `allowClear` for a Select: `<Select allowClear={useClearButton()} />`. */
export function useClearButton() {
  const label = useTranslations('common')('clear');
  return useMemo(() => ({ clearIcon: <CloseCircleFilled />, label }), [label]);
}
