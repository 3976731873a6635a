'use client';
// The key of a recording in the prompt audio library, for one language.

import { Input } from 'antd';

export interface AudioKeyInputProps {
  value: string;
  language: string;
  onChange(value: string): void;
  ariaLabel?: string;
  disabled?: boolean;
}

export function AudioKeyInput({ value, onChange, ariaLabel, disabled }: AudioKeyInputProps) {
  return <Input value={value} onChange={(e) => onChange(e.target.value)} aria-label={ariaLabel} disabled={disabled} />;
}
