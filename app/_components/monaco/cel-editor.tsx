'use client';
// A Monaco editor for one CEL expression: highlighting, the node's variables as completions, the engine parser's errors inline.

import Editor from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor';
import { useEffect, useRef, useState } from 'react';
import { parseExpression } from '../../../flow-engine/expression';
import { MONACO_THEME, monaco } from './monaco-setup';
import { CEL_LANGUAGE, forgetCelNames, setCelNames } from './cel-language';
import { createEchoFilter } from './echo-filter';

export interface CelEditorProps {
  value: string;
  onChange(value: string): void;
  names: readonly string[];
  ariaLabel?: string;
  readOnly?: boolean;
  height?: number;
}

const OWNER = 'cel-parser';

function markErrors(model: Monaco.editor.ITextModel): void {
  const source = model.getValue();
  const parsed = source.trim() === '' ? null : parseExpression(source);
  if (!parsed || parsed.ok) {
    monaco.editor.setModelMarkers(model, OWNER, []);
    return;
  }
  // The parser's column counts from 1 over the whole source; Monaco wants a line and column.
  const start = model.getPositionAt(Math.max(0, parsed.error.column - 1));
  const end = model.getWordAtPosition(start);
  // An error at the end of a line ("ends too early") would be an empty range Monaco draws nothing for: mark the
  // character before it instead.
  const atLineEnd = !end && start.column >= model.getLineMaxColumn(start.lineNumber) && start.column > 1;
  monaco.editor.setModelMarkers(model, OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: parsed.error.message,
      startLineNumber: start.lineNumber,
      startColumn: atLineEnd ? start.column - 1 : start.column,
      endLineNumber: start.lineNumber,
      endColumn: end ? end.endColumn : atLineEnd ? start.column : start.column + 1,
    },
  ]);
}

export default function CelEditor({ value, onChange, names, ariaLabel, readOnly, height = 96 }: CelEditorProps) {
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const namesRef = useRef(names);
  namesRef.current = names;
  // The model owns the text: the form's value may come back a keystroke late under load, and writing that older
  // text back would lose what was typed since. Only a value this editor did not send (undo from the toolbar, the
  // JSON view) replaces the text.
  const [initialValue] = useState(value);
  const [echoes] = useState(createEchoFilter);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || echoes.isEcho(value) || editor.getValue() === value) return;
    editor.setValue(value);
  }, [value, echoes]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) setCelNames(model, names);
  }, [names]);

  useEffect(
    () => () => {
      const model = editorRef.current?.getModel();
      if (model) forgetCelNames(model);
    },
    [],
  );

  return (
    // `nokey`: React Flow's document-wide keys (Space pans, Backspace deletes the selected node) must not act on
    // typing here; Monaco's EditContext input is a plain div, which React Flow does not recognise as a text field.
    <div
      data-testid="cel-editor"
      className="nokey"
      style={{ border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }}
    >
      <Editor
        height={height}
        language={CEL_LANGUAGE}
        theme={MONACO_THEME}
        defaultValue={initialValue}
        options={{
          minimap: { enabled: false },
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          fontSize: 13,
          readOnly,
          ariaLabel,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          fixedOverflowWidgets: true,
        }}
        onMount={(editor) => {
          editorRef.current = editor;
          const model = editor.getModel();
          if (model) {
            setCelNames(model, namesRef.current);
            markErrors(model);
          }
        }}
        onChange={(next) => {
          const model = editorRef.current?.getModel();
          if (model) markErrors(model);
          echoes.emitted(next ?? '');
          onChange(next ?? '');
        }}
      />
    </div>
  );
}
