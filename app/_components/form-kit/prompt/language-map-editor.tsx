'use client';
// One text (TTS) or recording key per flow language, with a marker on each language still missing and a preview button.

import { DeleteOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import type { ScopeName } from '../template/template-variables';
import { TemplateInput } from '../template/template-input';
import { AudioKeyInput } from './audio-key-input';
import { tagStyles } from '../accessible-colors';
import { extraLanguages } from './prompt-languages';
import { canSpeak, speakPreview } from './speak-preview';

export interface LanguageMapEditorProps {
  kind: 'tts' | 'audio';
  value: Record<string, string>;
  onChange(value: Record<string, string>): void;
  languages: readonly string[];
  names: readonly ScopeName[];
  /** JSON pointer of the map, e.g. `/config/prompt/tts`. */
  path: string;
  disabled?: boolean;
  /**
   * Recordings only: what each language's recording says, spoken in that language's voice when the library has no
   * recording of the key in it (`fallbackTts`, at `path`'s sibling).
   */
  fallback?: { value: Record<string, string>; onChange(value: Record<string, string>): void; path: string };
}

export function LanguageMapEditor({
  kind,
  value,
  onChange,
  languages,
  names,
  path,
  disabled,
  fallback,
}: LanguageMapEditorProps) {
  const t = useTranslations('inspector.prompt');
  const set = (lang: string, text: string) => {
    const next = { ...value };
    // An emptied language is missing, not an empty recording: validation and the marker then say so.
    if (text === '') delete next[lang];
    else next[lang] = text;
    onChange(next);
  };
  const rows = [...languages, ...extraLanguages(value, languages)];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      {rows.map((lang) => {
        const text = value[lang] ?? '';
        const missing = text.trim() === '';
        const extra = !languages.includes(lang);
        return (
          <div key={lang} data-path={`${path}/${lang}`} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
            <Tooltip
              title={extra ? t('notAFlowLanguage') : missing ? t('missingLanguage', { language: lang }) : undefined}
            >
              <Tag
                style={{
                  marginTop: 4,
                  minWidth: 56,
                  textAlign: 'center',
                  ...(extra ? tagStyles.warning : missing ? tagStyles.error : {}),
                }}
                data-missing={missing ? 'true' : undefined}
              >
                {lang}
                {missing && !extra ? ` · ${t('missing')}` : ''}
              </Tag>
            </Tooltip>
            <div style={{ flex: 1, minWidth: 0 }}>
              {kind === 'tts' ? (
                <TemplateInput
                  value={text}
                  onChange={(next) => set(lang, next)}
                  names={names}
                  multiline
                  ariaLabel={t('textIn', { language: lang })}
                  status={missing && !extra ? 'error' : undefined}
                  disabled={disabled}
                />
              ) : (
                <>
                  <AudioKeyInput
                    value={text}
                    language={lang}
                    onChange={(next) => set(lang, next)}
                    ariaLabel={t('recordingIn', { language: lang })}
                    disabled={disabled}
                  />
                  {fallback && (
                    <Input.TextArea
                      data-path={`${fallback.path}/${lang}`}
                      style={{ marginTop: 4 }}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={4000}
                      value={fallback.value[lang] ?? ''}
                      placeholder={t('fallbackText')}
                      aria-label={t('fallbackTextIn', { language: lang })}
                      disabled={disabled}
                      onChange={(e) => {
                        const next = { ...fallback.value };
                        if (e.target.value === '') delete next[lang];
                        else next[lang] = e.target.value;
                        fallback.onChange(next);
                      }}
                    />
                  )}
                </>
              )}
            </div>
            {kind === 'tts' && (
              <Tooltip title={t('listen')}>
                <Button
                  icon={<SoundOutlined />}
                  aria-label={t('listenIn', { language: lang })}
                  disabled={missing || !canSpeak()}
                  onClick={() => speakPreview(text, lang)}
                />
              </Tooltip>
            )}
            {extra && (
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('removeLanguage', { language: lang })}
                disabled={disabled}
                onClick={() => set(lang, '')}
              />
            )}
          </div>
        );
      })}
    </Space>
  );
}
