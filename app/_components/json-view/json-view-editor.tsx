'use client';
// Monaco over the whole flow as JSON, with schemas/flow.schema.json for completion and checks; Apply sends it back as one command.

import { Alert, Button, Space, Tag, Typography } from 'antd';
import Editor from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import flowSchema from '../../../schemas/flow.schema.json';
import { MONACO_THEME, monaco } from '../monaco/monaco-setup';
import type { JsonViewProps } from './json-view-props';
import { checkFlowJson, flowJsonText, type FlowJsonCheck } from './check-flow-json';

const MODEL_PATH = 'inmemory://callflow/flow.json';

// Every JSON model on a studio page is a flow document (the view, the version diff).
monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  enableSchemaRequest: false,
  allowComments: false,
  schemas: [{ uri: 'https://callflow.studio/schemas/flow.schema.json', fileMatch: ['*'], schema: flowSchema }],
});

type Status = { kind: 'idle' } | { kind: 'applied' } | { kind: 'unchanged' } | Extract<FlowJsonCheck, { ok: false }>;

export default function JsonViewEditor({ flow, onApply, readOnly }: JsonViewProps) {
  const t = useTranslations('inspector.json');
  const shown = flowJsonText(flow);
  const [text, setText] = useState(shown);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const base = useRef(shown);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const edited = text !== base.current;

  // The document changed elsewhere (canvas, undo): follow it unless the admin is in the middle of an edit.
  useEffect(() => {
    if (shown === base.current) return;
    if (text === base.current) setText(shown);
    base.current = shown;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new document matters here
  }, [shown]);

  const apply = () => {
    const checked = checkFlowJson(text, flow.id);
    if (!checked.ok) {
      setStatus(checked);
      if (checked.kind === 'syntax') {
        editorRef.current?.setPosition({ lineNumber: checked.line, column: checked.column });
        editorRef.current?.revealLineInCenter(checked.line);
        editorRef.current?.focus();
      }
      return;
    }
    if (flowJsonText(checked.flow) === shown) {
      setStatus({ kind: 'unchanged' });
      return;
    }
    base.current = flowJsonText(checked.flow);
    setText(base.current);
    setStatus({ kind: 'applied' });
    onApply(checked.flow);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', height: '100%' }} size={8}>
      <Space wrap>
        <Button type="primary" disabled={readOnly || !edited} onClick={apply}>
          {t('apply')}
        </Button>
        <Button
          disabled={!edited}
          onClick={() => {
            setText(base.current);
            setStatus({ kind: 'idle' });
          }}
        >
          {t('reset')}
        </Button>
        {edited && <Tag color="processing">{t('edited')}</Tag>}
      </Space>
      {status.kind === 'applied' && <Alert type="success" showIcon title={t('applied')} />}
      {status.kind === 'unchanged' && <Alert type="info" showIcon title={t('unchanged')} />}
      {status.kind === 'syntax' && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={t('syntaxError', { line: status.line, column: status.column, message: status.message })}
        />
      )}
      {status.kind === 'id' && (
        <Alert role="alert" type="error" showIcon title={t('idChanged', { before: status.before })} />
      )}
      {status.kind === 'schema' && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={t('schemaErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {status.problems.slice(0, 20).map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <Typography.Text code>{p.path || '/'}</Typography.Text> {p.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {/* `nokey`: keep React Flow's Space (pan) and Backspace (delete) away from typing in Monaco (see cel-editor.tsx). */}
      <div
        className="nokey"
        style={{ border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }}
        data-testid="json-view"
      >
        <Editor
          height="60vh"
          path={MODEL_PATH}
          language="json"
          theme={MONACO_THEME}
          value={text}
          options={{
            readOnly,
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 2,
            scrollBeyondLastLine: false,
            ariaLabel: t('editorLabel'),
            fixedOverflowWidgets: true,
          }}
          onMount={(editor) => {
            editorRef.current = editor;
          }}
          onChange={(next) => {
            setText(next ?? '');
            if (status.kind !== 'idle') setStatus({ kind: 'idle' });
          }}
        />
      </div>
    </Space>
  );
}
