'use client';
// What the caller hears (prompts with variables filled, in the call's language), what they did, and the flow's effects;
// each line can be spoken with the browser's speech synthesis.

import { SoundOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { TranscriptEntry } from '../../../../flow-engine/simulator';
import { usePortLabel } from '../../nodes/node-texts';
import { transcriptLineText } from '../../../../flow-engine/simulator/localized-transcript-text';

function speak(texts: string[], language: string): void {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
  window.speechSynthesis.cancel();
  for (const text of texts) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    window.speechSynthesis.speak(utterance);
  }
}

export function TranscriptView({
  lines,
  language,
  nodeName,
}: {
  lines: TranscriptEntry[];
  language: string;
  nodeName(id: string): string;
}) {
  const t = useTranslations('editor.simulate.transcript');
  const newest = useRef<HTMLLIElement>(null);
  // The newest line comes into view as the call goes on (the panel scrolls as little as it needs).
  useEffect(() => {
    newest.current?.scrollIntoView({ block: 'nearest' });
  }, [lines.length]);
  const lineT = useTranslations('transcriptLines');
  const portLabel = usePortLabel();
  const portName = (port: string) => {
    const shown = portLabel({ name: port, label: port });
    return shown === port ? undefined : shown;
  };
  if (lines.length === 0) return <p className="cf-sim-empty">{t('empty')}</p>;
  const played = lines.filter((l) => l.kind === 'played').map((l) => l.text);
  return (
    <div className="cf-sim-transcript">
      <Button
        size="small"
        icon={<SoundOutlined />}
        onClick={() => speak(played, language)}
        disabled={played.length === 0}
      >
        {t('speakAll')}
      </Button>
      <ol>
        {lines.map((line, index) => (
          <li
            key={index}
            ref={index === lines.length - 1 ? newest : undefined}
            className={`cf-sim-line cf-sim-line-${line.kind}`}
          >
            <span className="cf-sim-line-who">
              {t(line.kind)} · {nodeName(line.node)}
            </span>
            <span className="cf-sim-line-text" lang={line.kind === 'played' ? language : undefined}>
              {line.kind === 'played'
                ? line.text
                : transcriptLineText(line, lineT as unknown as Parameters<typeof transcriptLineText>[1], portName)}
            </span>
            {line.kind === 'played' && (
              <Button
                size="small"
                type="text"
                icon={<SoundOutlined />}
                aria-label={t('speak')}
                onClick={() => speak([line.text], language)}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
