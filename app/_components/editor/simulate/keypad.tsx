'use client';
// The phone keypad: mouse or keyboard. Menus and surveys take one key at once; collectors gather keys until # or Send.

import { Button, Input, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useState, type KeyboardEvent } from 'react';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export interface KeypadProps {
  /** Keys go to the call one by one (menu, survey, speech) or are gathered into one entry (collect). */
  immediate: boolean;
  /** Hide what was keyed in (a sensitive collect). */
  masked: boolean;
  disabled: boolean;
  onSend(keys: string): void;
}

export function Keypad({ immediate, masked, disabled, onSend }: KeypadProps) {
  const t = useTranslations('editor.simulate');
  const [buffer, setBuffer] = useState('');

  const press = (key: string) => {
    if (disabled) return;
    if (immediate) return onSend(key);
    const next = buffer + key;
    // The terminator ends the entry, as on a phone.
    if (key === '#') {
      setBuffer('');
      onSend(next);
    } else setBuffer(next);
  };
  const send = () => {
    if (disabled || !buffer) return;
    setBuffer('');
    onSend(buffer);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
    if (KEYS.includes(event.key)) {
      event.preventDefault();
      press(event.key);
    } else if (event.key === 'Enter' && !immediate) {
      event.preventDefault();
      send();
    } else if (event.key === 'Backspace') {
      setBuffer((b) => b.slice(0, -1));
    }
  };

  return (
    <div
      className="cf-sim-keypad"
      role="group"
      aria-label={t('keypad')}
      aria-describedby="cf-sim-keypad-hint"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {!immediate && (
        <Space.Compact className="cf-sim-entry">
          <Input readOnly aria-label={t('entered')} value={masked ? '•'.repeat(buffer.length) : buffer} />
          <Button onClick={() => setBuffer('')} disabled={!buffer}>
            {t('clearKeys')}
          </Button>
          <Button type="primary" onClick={send} disabled={disabled || !buffer}>
            {t('send')}
          </Button>
        </Space.Compact>
      )}
      <div className="cf-sim-keys">
        {KEYS.map((key) => (
          <Button
            key={key}
            aria-label={t('keyLabel', { key })}
            disabled={disabled}
            onClick={() => press(key)}
            tabIndex={-1}
          >
            {key}
          </Button>
        ))}
      </div>
      <p id="cf-sim-keypad-hint" className="cf-sim-hint">
        {t('keypadHint')}
      </p>
    </div>
  );
}
