'use client';
// The awaited input's timeout, counting down; skipping it is silence (the node's noInput / timeout path).

import { Button, Progress } from 'antd';
import { useTranslations } from 'next-intl';

export function InputCountdown({
  secondsLeft,
  total,
  paused,
  onSkip,
}: {
  secondsLeft: number;
  total: number;
  paused: boolean;
  onSkip(): void;
}) {
  const t = useTranslations('editor.simulate');
  const label = paused ? t('countdownPaused', { seconds: secondsLeft }) : t('countdown', { seconds: secondsLeft });
  return (
    <div className="cf-sim-countdown" role="timer" aria-label={label}>
      <span aria-hidden>{label}</span>
      <Progress
        percent={total > 0 ? Math.round((secondsLeft / total) * 100) : 0}
        showInfo={false}
        size="small"
        aria-hidden
      />
      <Button size="small" onClick={onSkip}>
        {t('skip')}
      </Button>
    </div>
  );
}
