'use client';
// antd's InputNumber with its step buttons named in the UI language. @rc-component/input-number 1.6 writes
// "Increase Value" / "Decrease Value" on them with no locale or prop to change it, so the names are set on the
// elements after each render; React leaves an attribute alone while its own value for it stays the same.

import { InputNumber, type InputNumberProps } from 'antd';
import { useTranslations } from 'next-intl';
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type ComponentRef } from 'react';

type InputNumberRef = ComponentRef<typeof InputNumber>;

export const NumberInput = forwardRef<InputNumberRef, InputNumberProps<number>>(function NumberInput(props, ref) {
  const t = useTranslations('common');
  const inner = useRef<InputNumberRef>(null);
  useImperativeHandle(ref, () => inner.current as InputNumberRef, []);
  const increase = t('increase');
  const decrease = t('decrease');
  useLayoutEffect(() => {
    const root = (inner.current as { nativeElement?: HTMLElement } | null)?.nativeElement;
    root?.querySelector('[class*="-action-up"]')?.setAttribute('aria-label', increase);
    root?.querySelector('[class*="-action-down"]')?.setAttribute('aria-label', decrease);
  });
  return <InputNumber<number> {...props} ref={inner} />;
});
