'use client';
// A prompt as a sequence of parts: text per language, a recording per language, or a value spoken as number/digits/currency/date/time.

import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { sayAsKinds, type PromptPart } from '../../../../flow-engine/nodes/shared-config';
import type { ScopeName } from '../template/template-variables';
import { TemplateInput } from '../template/template-input';
import { LanguageMapEditor } from './language-map-editor';
import { audioWithFallback } from './prompt-languages';

type PartKind = 'tts' | 'audio' | 'sayAs';

const kindOf = (part: PromptPart): PartKind => ('tts' in part ? 'tts' : 'audio' in part ? 'audio' : 'sayAs');

function emptyPart(kind: PartKind): PromptPart {
  return kind === 'sayAs' ? { sayAs: 'number', value: '' } : kind === 'tts' ? { tts: {} } : { audio: {} };
}

export interface PromptPartsEditorProps {
  parts: PromptPart[];
  onChange(parts: PromptPart[]): void;
  languages: readonly string[];
  names: readonly ScopeName[];
  path: string;
  disabled?: boolean;
}

export function PromptPartsEditor({ parts, onChange, languages, names, path, disabled }: PromptPartsEditorProps) {
  const t = useTranslations('inspector.prompt');
  const replace = (index: number, part: PromptPart) => onChange(parts.map((p, i) => (i === index ? part : p)));
  const move = (index: number, by: number) => {
    const next = [...parts];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    onChange(next);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      {parts.map((part, index) => {
        const kind = kindOf(part);
        const partPath = `${path}/parts/${index}`;
        return (
          <Card
            key={index}
            size="small"
            data-path={partPath}
            title={
              <Select
                size="small"
                value={kind}
                disabled={disabled}
                aria-label={t('partKind', { n: index + 1 })}
                style={{ width: 160 }}
                onChange={(next: PartKind) => replace(index, emptyPart(next))}
                options={[
                  { value: 'tts', label: t('modes.tts') },
                  { value: 'audio', label: t('modes.audio') },
                  { value: 'sayAs', label: t('modes.sayAs') },
                ]}
              />
            }
            extra={
              <Space size={2}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('moveUp')}
                  disabled={disabled || index === 0}
                  onClick={() => move(index, -1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('moveDown')}
                  disabled={disabled || index === parts.length - 1}
                  onClick={() => move(index, 1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('removePart', { n: index + 1 })}
                  disabled={disabled || parts.length === 1}
                  onClick={() => onChange(parts.filter((_, i) => i !== index))}
                />
              </Space>
            }
          >
            {'sayAs' in part ? (
              <Space.Compact style={{ width: '100%' }} data-path={`${partPath}/value`}>
                <Select
                  value={part.sayAs}
                  disabled={disabled}
                  style={{ width: 130 }}
                  aria-label={t('sayAs')}
                  onChange={(sayAs) =>
                    replace(index, {
                      ...part,
                      sayAs,
                      ...(sayAs === 'currency' ? { currency: part.currency ?? 'CNY' } : { currency: undefined }),
                    })
                  }
                  options={sayAsKinds.map((k) => ({ value: k, label: t(`sayAsKinds.${k}`) }))}
                />
                {part.sayAs === 'currency' && (
                  <Input
                    style={{ width: 80 }}
                    value={part.currency ?? ''}
                    disabled={disabled}
                    aria-label={t('currency')}
                    maxLength={3}
                    onChange={(e) => replace(index, { ...part, currency: e.target.value.toUpperCase() || undefined })}
                  />
                )}
                <TemplateInput
                  value={part.value}
                  names={names}
                  disabled={disabled}
                  ariaLabel={t('sayAsValue')}
                  placeholder="{{amount}}"
                  onChange={(value) => replace(index, { ...part, value })}
                />
              </Space.Compact>
            ) : (
              <LanguageMapEditor
                kind={kind === 'tts' ? 'tts' : 'audio'}
                value={'tts' in part ? part.tts : 'audio' in part ? part.audio : {}}
                onChange={(map) =>
                  replace(index, 'audio' in part ? audioWithFallback(map, part.fallbackTts) : { tts: map })
                }
                languages={languages}
                names={names}
                path={`${partPath}/${kind}`}
                disabled={disabled}
                fallback={
                  'audio' in part
                    ? {
                        value: part.fallbackTts ?? {},
                        onChange: (texts) => replace(index, audioWithFallback(part.audio, texts)),
                        path: `${partPath}/fallbackTts`,
                      }
                    : undefined
                }
              />
            )}
          </Card>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={disabled || parts.length >= 50}
        onClick={() => onChange([...parts, emptyPart('tts')])}
      >
        {t('addPart')}
      </Button>
    </Space>
  );
}
