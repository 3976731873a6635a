'use client';
// Listens for the editor's shortcuts on the page; typing in a field keeps its own keys (copy, select all), and undo /
// redo from a field follow field-undo.ts.

import { useEffect, useRef } from 'react';
import { fieldKeepsUndo, rememberFocusedValue, undoFromField } from './field-undo';
import { matchShortcut, type ShortcutAction } from './shortcut-list';

function typingInField(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return (
    element.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) ||
    Boolean(element.closest?.('.monaco-editor'))
  );
}

/** Actions that still work while typing in a field. */
const global: ShortcutAction[] = ['find', 'save'];

export function useEditorShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = matchShortcut(event);
      if (!action) return;
      const inField = typingInField(event.target);
      const fieldUndo = inField && (action === 'undo' || action === 'redo');
      if (inField && !global.includes(action) && !fieldUndo) return;
      if (fieldUndo && fieldKeepsUndo(event.target)) return;
      // A modal is open: it owns the keyboard.
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"])') && action !== 'save') return;
      const handler = current.current[action];
      if (!handler) return;
      event.preventDefault();
      if (fieldUndo) undoFromField(event.target, handler);
      else handler();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', rememberFocusedValue);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', rememberFocusedValue);
    };
  }, []);
}
