'use client';
// The key of a recording in the prompt audio library for one language: pick one of the library's keys (or type one
// the library does not have yet) and play it back.

import { PlayCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useTRPC } from '../../../_lib/trpc-react';

export interface AudioKeyInputProps {
  value: string;
  language: string;
  onChange(value: string): void;
  ariaLabel?: string;
  disabled?: boolean;
}

export function AudioKeyInput({ value, language, onChange, ariaLabel, disabled }: AudioKeyInputProps) {
  const t = useTranslations('inspector.prompt');
  const trpc = useTRPC();
  // One request per page (TanStack Query shares it between every prompt field).
  const library = useQuery({ ...trpc.promptAudio.list.queryOptions(), staleTime: 60_000 });
  const recordings = useMemo(
    () => (library.data ?? []).filter((r) => r.language === language),
    [library.data, language],
  );
  // Keys are case-insensitive: "Welcome" in a flow plays the library's "welcome".
  const current = recordings.find((r) => r.key.toLowerCase() === value.toLowerCase());
  const notInLibrary = value !== '' && library.isSuccess && !current;
  const play = () => {
    if (!current) return;
    void new Audio(`/api/audio/${current.id}`).play();
  };
  return (
    <div style={{ display: 'flex', gap: 4 }}>
      <AutoComplete
        style={{ flex: 1, minWidth: 0 }}
        value={value}
        disabled={disabled}
        aria-label={ariaLabel}
        status={notInLibrary ? 'warning' : undefined}
        placeholder={t('audioLibrary')}
        options={recordings.map((r) => ({
          value: r.key,
          label: `${r.key} · ${(r.durationMs / 1000).toFixed(1)} s · ${r.fileName}`,
        }))}
        filterOption={(input, option) =>
          String(option?.value ?? '')
            .toLowerCase()
            .includes(input.toLowerCase())
        }
        onChange={(next: string) => onChange(next ?? '')}
      />
      <Tooltip title={notInLibrary ? t('notInLibrary', { key: value, language }) : t('play')}>
        <Button
          icon={<PlayCircleOutlined />}
          aria-label={`${t('play')} (${language})`}
          disabled={!current}
          onClick={play}
        />
      </Tooltip>
    </div>
  );
}
