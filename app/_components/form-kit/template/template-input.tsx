'use client';
// Text with `{{variable}}` holes: typing `{{` offers the names this node can read; picking one closes the hole.

import { AutoComplete, Input } from 'antd';
import { useMemo, useRef, useState, type Ref } from 'react';
import { completeHole, openHoleAt, type ScopeName } from './template-variables';

export interface TemplateInputProps {
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  names: readonly ScopeName[];
  multiline?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  status?: 'error' | 'warning';
  inputRef?: Ref<never>;
  disabled?: boolean;
}

export function TemplateInput({
  value,
  onChange,
  onBlur,
  names,
  multiline,
  placeholder,
  ariaLabel,
  status,
  inputRef,
  disabled,
}: TemplateInputProps) {
  const caret = useRef(value.length);
  const [, setCaretTick] = useState(0);
  const remember = (target: EventTarget) => {
    const position = (target as HTMLInputElement).selectionStart;
    if (position !== null && position !== caret.current) {
      caret.current = position;
      setCaretTick((n) => n + 1);
    }
  };

  const hole = openHoleAt(value, Math.min(caret.current, value.length));
  const options = useMemo(() => {
    if (!hole) return [];
    const typed = hole.typed.toLowerCase();
    return names
      .filter((n) => n.name.toLowerCase().startsWith(typed) || n.name.toLowerCase().includes(`.${typed}`))
      .slice(0, 20)
      .flatMap((n) => {
        const completed = completeHole(value, caret.current, n.name);
        // The option's value is the whole completed text: AutoComplete puts it in the input as it is.
        return completed
          ? [
              {
                value: completed.text,
                label: `${n.name}${n.kind === 'local' || n.kind === 'call' ? '' : ` · ${n.kind}`}`,
                caretAfter: completed.caret,
              },
            ]
          : [];
      });
  }, [hole, names, value]);

  const common = {
    placeholder,
    'aria-label': ariaLabel,
    status,
    disabled,
    onKeyUp: (e: { target: EventTarget }) => remember(e.target),
    onClick: (e: { target: EventTarget }) => remember(e.target),
    onBlur,
  };
  return (
    <AutoComplete
      value={value}
      options={options}
      disabled={disabled}
      style={{ width: '100%' }}
      onChange={(next: string) => onChange(next)}
      onSelect={(_next: string, option: { caretAfter?: number }) => {
        caret.current = option.caretAfter ?? caret.current;
        setCaretTick((n) => n + 1);
      }}
    >
      {multiline ? (
        <Input.TextArea ref={inputRef} autoSize={{ minRows: 1, maxRows: 6 }} {...common} />
      ) : (
        <Input ref={inputRef} {...common} />
      )}
    </AutoComplete>
  );
}
