'use client';
// A read-only side-by-side Monaco diff of two flow documents as canonical JSON (stable key order, so only real changes show).

import { DiffEditor } from '@monaco-editor/react';
import { useState } from 'react';
import { canonicalJson } from '../../../flow-engine/canonical-json';
import type { FlowDocument } from '../../../flow-engine/document';
import { MONACO_THEME } from './monaco-setup';

export interface FlowDiffEditorProps {
  before: FlowDocument;
  after: FlowDocument;
  /** Read by screen readers for each side, e.g. "Version 2" / "Draft". */
  beforeLabel: string;
  afterLabel: string;
  height?: string | number;
}

export default function FlowDiffEditor({ before, after, beforeLabel, afterLabel, height = '65vh' }: FlowDiffEditorProps) {
  // Lines changed once Monaco's worker has computed the diff (null until then); the first change is scrolled into view.
  const [changes, setChanges] = useState<number | null>(null);
  return (
    <div data-testid="json-diff" data-changes={changes ?? undefined} style={{ border: '1px solid #d9d9d9', borderRadius: 6, overflow: 'hidden' }}>
      <DiffEditor
        height={height}
        language="json"
        theme={MONACO_THEME}
        original={canonicalJson(before)}
        modified={canonicalJson(after)}
        originalModelPath="inmemory://callflow/diff-before.json"
        modifiedModelPath="inmemory://callflow/diff-after.json"
        onMount={(editor) => {
          editor.onDidUpdateDiff(() => {
            const lineChanges = editor.getLineChanges() ?? [];
            setChanges(lineChanges.length);
            const first = lineChanges[0];
            if (first) editor.getModifiedEditor().revealLineInCenter(Math.max(1, first.modifiedStartLineNumber));
          });
        }}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          minimap: { enabled: false },
          fontSize: 12,
          scrollBeyondLastLine: false,
          ariaLabel: `${beforeLabel} → ${afterLabel}`,
          originalAriaLabel: beforeLabel,
          modifiedAriaLabel: afterLabel,
        }}
      />
    </div>
  );
}
