'use client';
// A one-line CEL expression with the engine parser's error inline and the node's variables offered as you type.

import { AutoComplete, Input } from 'antd';
import { errorText } from '../accessible-colors';
import { useMemo, useRef, useState, type Ref } from 'react';
import { parseExpression } from '../../../../flow-engine/expression';
import type { ScopeName } from '../template/template-variables';
import { wordAt } from './word-at';

export interface ExpressionInputProps {
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  names: readonly ScopeName[];
  placeholder?: string;
  ariaLabel?: string;
  inputRef?: Ref<never>;
  disabled?: boolean;
}

/** The engine's parse error for a source, or undefined when it parses (empty counts as fine: required-ness is the schema's). */
export function expressionError(source: string): string | undefined {
  if (source.trim() === '') return undefined;
  const parsed = parseExpression(source);
  return parsed.ok ? undefined : parsed.error.message;
}

export function ExpressionInput({
  value,
  onChange,
  onBlur,
  names,
  placeholder,
  ariaLabel,
  inputRef,
  disabled,
}: ExpressionInputProps) {
  const caret = useRef(value.length);
  const [, tick] = useState(0);
  const remember = (target: EventTarget) => {
    const position = (target as HTMLInputElement).selectionStart;
    if (position !== null && position !== caret.current) {
      caret.current = position;
      tick((n) => n + 1);
    }
  };
  const word = wordAt(value, Math.min(caret.current, value.length));
  const options = useMemo(() => {
    if (!word || word.text === '') return [];
    return names
      .filter((n) => n.name.startsWith(word.text) && n.name !== word.text)
      .slice(0, 20)
      .map((n) => ({
        value: value.slice(0, word.start) + n.name + value.slice(word.end),
        label: n.name,
        caretAfter: word.start + n.name.length,
      }));
  }, [word, names, value]);
  const error = expressionError(value);
  return (
    <>
      <AutoComplete
        value={value}
        options={options}
        disabled={disabled}
        style={{ width: '100%' }}
        onChange={(next: string) => onChange(next)}
        onSelect={(_next: string, option: { caretAfter?: number }) => {
          caret.current = option.caretAfter ?? caret.current;
          tick((n) => n + 1);
        }}
      >
        <Input
          ref={inputRef}
          placeholder={placeholder}
          aria-label={ariaLabel}
          status={error ? 'error' : undefined}
          style={{ fontFamily: 'ui-monospace, monospace' }}
          onKeyUp={(e) => remember(e.target)}
          onClick={(e) => remember(e.target)}
          onBlur={onBlur}
          disabled={disabled}
        />
      </AutoComplete>
      {error && (
        <div role="alert" style={{ color: errorText, fontSize: 12, marginTop: 4 }}>
          {error}
        </div>
      )}
    </>
  );
}
