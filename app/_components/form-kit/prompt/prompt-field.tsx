'use client';
// A prompt field: TTS text, a recording or parts, one entry per flow language, each missing language marked.

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Radio, Space, Tag } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { Prompt } from '../../../../flow-engine/nodes/shared-config';
import { tagStyles } from '../accessible-colors';
import { configPath, FieldRow } from '../form-fields';
import type { ScopeName } from '../template/template-variables';
import { LanguageMapEditor } from './language-map-editor';
import { PromptPartsEditor } from './prompt-parts-editor';
import { audioWithFallback, convertPrompt, missingLanguages, promptMode, type PromptMode } from './prompt-languages';

export interface PromptFieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: ReactNode;
  languages: readonly string[];
  names: readonly ScopeName[];
  /** An optional prompt can be left out (the node then plays nothing there). */
  optional?: boolean;
  disabled?: boolean;
}

export function PromptField<T extends FieldValues>({
  control,
  name,
  label,
  languages,
  names,
  optional,
  disabled,
}: PromptFieldProps<T>) {
  const t = useTranslations('inspector.prompt');
  const path = configPath(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const prompt = field.value as Prompt | undefined;
        if (!prompt) {
          return (
            <FieldRow path={path} label={label} error={fieldState.error}>
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={disabled}
                onClick={() => field.onChange({ tts: {} })}
              >
                {t('add')}
              </Button>
            </FieldRow>
          );
        }
        const mode = promptMode(prompt);
        const missing = missingLanguages(prompt, languages);
        return (
          <FieldRow
            path={path}
            label={
              <Space size={4} wrap>
                <span>{label}</span>
                {missing.map((lang) => (
                  <Tag key={lang} style={tagStyles.error} data-testid="missing-language">
                    {t('missingLanguage', { language: lang })}
                  </Tag>
                ))}
              </Space>
            }
            error={fieldState.error}
          >
            <Space orientation="vertical" style={{ width: '100%' }} size={6}>
              <Space>
                <Radio.Group
                  size="small"
                  optionType="button"
                  value={mode}
                  disabled={disabled}
                  aria-label={t('mode')}
                  onChange={(e) => field.onChange(convertPrompt(prompt, e.target.value as PromptMode))}
                  options={[
                    { value: 'tts', label: t('modes.tts') },
                    { value: 'audio', label: t('modes.audio') },
                    { value: 'parts', label: t('modes.parts') },
                  ]}
                />
                {optional && (
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('remove')}
                    disabled={disabled}
                    onClick={() => field.onChange(undefined)}
                  />
                )}
              </Space>
              {'parts' in prompt ? (
                <PromptPartsEditor
                  parts={prompt.parts}
                  onChange={(parts) => field.onChange({ parts })}
                  languages={languages}
                  names={names}
                  path={path}
                  disabled={disabled}
                />
              ) : (
                <LanguageMapEditor
                  kind={mode === 'audio' ? 'audio' : 'tts'}
                  value={'tts' in prompt ? prompt.tts : prompt.audio}
                  onChange={(map) =>
                    field.onChange('audio' in prompt ? audioWithFallback(map, prompt.fallbackTts) : { tts: map })
                  }
                  languages={languages}
                  names={names}
                  path={`${path}/${mode}`}
                  disabled={disabled}
                  fallback={
                    'audio' in prompt
                      ? {
                          value: prompt.fallbackTts ?? {},
                          onChange: (texts) => field.onChange(audioWithFallback(prompt.audio, texts)),
                          path: `${path}/fallbackTts`,
                        }
                      : undefined
                  }
                />
              )}
            </Space>
          </FieldRow>
        );
      }}
    />
  );
}
